/**
 * The phases of one sparse network step over a range of neurons, in the order of [2003]: thalamic
 * input (`noise.ts`), threshold and reset (the dense network's `thresholdRange`), event-driven
 * synaptic delivery (here), the two half-steps of v, and u (the dense network's `updateMembrane`
 * and `updateRecovery`). Every phase takes a range, so that threads can share a step; the arithmetic of a
 * neuron does not depend on the range, so any split gives the same bits.
 */
import type { DelayedSynapses } from '../synapses/delayed-synapses.js';
import type { SparseNetworkState, SparseTargets } from './build.js';

/** Where, in each presynaptic neuron's run of synapses, the targets `from` … `to − 1` lie. */
export interface SynapseSplit {
  /** First synapse of neuron j whose target is ≥ from. */
  readonly first: Int32Array;
  /** First synapse of neuron j whose target is ≥ to (one past the last in range). */
  readonly last: Int32Array;
}

/** The first synapse in `start … end − 1` (targets ascending) whose target is ≥ `bound`. */
function lowerBound(target: SparseTargets, start: number, end: number, bound: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((target[middle] as number) < bound) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The split of every neuron's run of outgoing synapses at the targets `from` and `to`, into
 * `first` and `last` when given (length n each).
 */
export function synapseSplit(
  synapses: DelayedSynapses<SparseTargets>,
  from: number,
  to: number,
  first: Int32Array = new Int32Array(synapses.n),
  last: Int32Array = new Int32Array(synapses.n),
): SynapseSplit {
  const { n, target, groupStart } = synapses;
  for (let j = 0; j < n; j++) {
    const start = groupStart[j] as number;
    const end = groupStart[j + 1] as number;
    first[j] = from === 0 ? start : lowerBound(target, start, end, from);
    last[j] = to === n ? end : lowerBound(target, start, end, to);
  }
  return { first, last };
}

/**
 * Phase 3, event by event: for each spike j of `fired[offset … offset + count)`, in order,
 * Iᵢ += S[i][j]·(1/dt) over j's synapses onto the range `split` was made for.
 */
export function deliverRange(
  state: SparseNetworkState,
  split: SynapseSplit,
  fired: Int32Array,
  offset: number,
  count: number,
  charge: number,
): void {
  const { input, weights } = state;
  const target = state.synapses.target;
  const { first, last } = split;
  for (let f = offset; f < offset + count; f++) {
    const j = fired[f] as number;
    const end = last[j] as number;
    for (let s = first[j] as number; s < end; s++) {
      const i = target[s] as number;
      input[i] = (input[i] as number) + (weights[s] as number) * charge;
    }
  }
}
