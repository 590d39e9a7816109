/**
 * Outgoing synapses with integer axonal delays, stored by presynaptic neuron and delay so that a
 * spike's deliveries at one delay are one contiguous run (compressed sparse rows).
 */
import { ParameterError } from '../errors.js';

/**
 * Postsynaptic indices: Int32Array where the store is built from lists, or the narrowest unsigned
 * type that holds every index of the network (`synapseTargets`) where memory counts.
 */
export type SynapseTargets = Int32Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * The synapses of a network of `n` neurons with delays 1 … `maxDelay` ms. Synapse s goes from
 * its presynaptic neuron to `target[s]`; the synapses of neuron j with delay δ are
 * s = `groupStart[j·maxDelay + δ − 1]` … `groupStart[j·maxDelay + δ]` − 1, in the order given.
 */
export interface DelayedSynapses<Targets extends SynapseTargets = Int32Array> {
  readonly n: number;
  readonly maxDelay: number;
  readonly target: Targets;
  readonly groupStart: Int32Array;
}

/** Bytes per postsynaptic index in a network of `n` neurons: 1, 2 or 4. */
export function targetBytes(n: number): 1 | 2 | 4 {
  return n <= 0x100 ? 1 : n <= 0x10000 ? 2 : 4;
}

/**
 * An array for `count` postsynaptic indices of a network of `n` neurons, of the narrowest type
 * that holds them (Uint8, Uint16 or Uint32), on `buffer` at byte `offset` when one is given
 * (shared memory, a WebAssembly memory).
 */
export function synapseTargets(
  n: number,
  count: number,
  buffer?: ArrayBufferLike,
  offset = 0,
): Uint8Array | Uint16Array | Uint32Array {
  const bytes = targetBytes(n);
  const memory = buffer ?? new ArrayBuffer(count * bytes);
  if (bytes === 1) return new Uint8Array(memory, offset, count);
  if (bytes === 2) return new Uint16Array(memory, offset, count);
  return new Uint32Array(memory, offset, count);
}

/**
 * The store of synapses already counted by presynaptic neuron with one delay (1 ms): `start` is
 * `groupStart` (length n + 1, cumulative), `target` is filled by the caller in the store's order.
 */
export function countedSynapses<Targets extends SynapseTargets>(
  n: number,
  groupStart: Int32Array,
  target: Targets,
): DelayedSynapses<Targets> {
  if (groupStart.length !== n + 1 || groupStart[n] !== target.length) {
    throw new ParameterError('synapses', 'groupStart must have n + 1 entries ending at the count');
  }
  return { n, maxDelay: 1, target, groupStart };
}

/**
 * Builds the store from synapses listed by presynaptic neuron: `pre` must be non-decreasing and,
 * within one neuron, `delay` non-decreasing (so that the order of the list is the store's order).
 */
export function delayedSynapses(
  n: number,
  maxDelay: number,
  pre: ArrayLike<number>,
  target: ArrayLike<number>,
  delay: ArrayLike<number>,
): DelayedSynapses {
  const count = pre.length;
  if (target.length !== count || delay.length !== count) {
    throw new ParameterError('synapses', 'pre, target and delay must have the same length');
  }
  const groupStart = new Int32Array(n * maxDelay + 1);
  let previous = -1;
  for (let s = 0; s < count; s++) {
    const j = pre[s] as number;
    const delta = delay[s] as number;
    const group = j * maxDelay + delta - 1;
    if (!(j >= 0 && j < n && delta >= 1 && delta <= maxDelay && Number.isInteger(delta))) {
      throw new ParameterError(
        'synapses',
        `synapse ${s} has a presynaptic neuron or delay out of range`,
      );
    }
    if (group < previous) {
      throw new ParameterError(
        'synapses',
        'synapses must be listed by presynaptic neuron, then delay',
      );
    }
    previous = group;
    groupStart[group + 1] = (groupStart[group + 1] as number) + 1;
  }
  for (let g = 0; g < n * maxDelay; g++) {
    groupStart[g + 1] = (groupStart[g + 1] as number) + (groupStart[g] as number);
  }
  return { n, maxDelay, target: Int32Array.from(target), groupStart };
}

/** The delay (ms) of every synapse, from the store's groups. */
export function synapseDelays(synapses: DelayedSynapses<SynapseTargets>): Int32Array {
  const { n, maxDelay, groupStart } = synapses;
  const delays = new Int32Array(synapses.target.length);
  for (let g = 0; g < n * maxDelay; g++) {
    delays.fill((g % maxDelay) + 1, groupStart[g] as number, groupStart[g + 1] as number);
  }
  return delays;
}

/** The presynaptic neuron of every synapse. */
export function synapseSources(synapses: DelayedSynapses<SynapseTargets>): Int32Array {
  const { n, maxDelay, groupStart } = synapses;
  const sources = new Int32Array(synapses.target.length);
  for (let j = 0; j < n; j++) {
    sources.fill(j, groupStart[j * maxDelay] as number, groupStart[(j + 1) * maxDelay] as number);
  }
  return sources;
}

/**
 * The incoming synapses of every neuron from the presynaptic neurons `from` … `to − 1`, listed by
 * postsynaptic neuron (`start[i]` … `start[i + 1]` − 1), each as its synapse index, presynaptic
 * neuron and delay, in the order of the store.
 */
export interface IncomingSynapses {
  readonly start: Int32Array;
  readonly synapse: Int32Array;
  readonly source: Int32Array;
  readonly delay: Int32Array;
}

export function incomingSynapses(
  synapses: DelayedSynapses<SynapseTargets>,
  from: number,
  to: number,
): IncomingSynapses {
  const { n, maxDelay, groupStart, target } = synapses;
  const first = groupStart[from * maxDelay] as number;
  const last = groupStart[to * maxDelay] as number;
  const start = new Int32Array(n + 1);
  for (let s = first; s < last; s++) {
    const slot = (target[s] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const total = last - first;
  const synapse = new Int32Array(total);
  const source = new Int32Array(total);
  const delay = new Int32Array(total);
  for (let j = from; j < to; j++) {
    for (let g = j * maxDelay; g < (j + 1) * maxDelay; g++) {
      for (let s = groupStart[g] as number; s < (groupStart[g + 1] as number); s++) {
        const i = target[s] as number;
        const slot = fill[i] as number;
        fill[i] = slot + 1;
        synapse[slot] = s;
        source[slot] = j;
        delay[slot] = (g % maxDelay) + 1;
      }
    }
  }
  return { start, synapse, source, delay };
}
