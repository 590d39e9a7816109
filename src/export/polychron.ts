/**
 * The polychronization network of [2006] (SPEC §9) as the exporters take it: izhikit's own build
 * for a seed and variant (the same targets, delays, weights and start state as `izhikit
 * polychron`), as a synapse list in the store's order with integer delays, and what the plastic
 * rule needs beside it.
 */
import { buildPolychronNetwork } from '../polychron/network.js';
import {
  checkPolychronDuration,
  type PolychronOptions,
  type PolychronVariant,
} from '../polychron/options.js';
import { synapseDelays, synapseSources } from '../synapses/delayed-synapses.js';
import { exportData, type ExportableNetwork } from './network.js';

/** The polychronization network to export, and the run the script makes of it. */
export interface PolychronExport {
  /** Neurons (b = 0.2, c = −65), v0, σ = 0 (the input is one neuron at a time) and the synapses. */
  readonly network: ExportableNetwork;
  readonly variant: PolychronVariant;
  /** M: outgoing synapses per neuron. */
  readonly synapsesPerNeuron: number;
  /** smax. */
  readonly maxWeight: number;
  /**
   * 1 for a synapse whose spikes count, 0 for one that spnet.m's vector assignment
   * `I(ind) = I(ind) + s(del)` shadows (its target repeats later within the same neuron and delay).
   */
  readonly gain: Float64Array;
}

/**
 * The network of these options, to be run for `seconds` seconds of model time.
 *
 * @throws ParameterError for an option or a duration out of range
 */
export function polychronNetworkForExport(
  options: PolychronOptions,
  seconds: number,
): PolychronExport {
  const duration = checkPolychronDuration(seconds) * 1000;
  const state = buildPolychronNetwork(options);
  const { ne, ni, seed, variant, synapsesPerNeuron, maxWeight } = state.options;
  const n = ne + ni;
  const gain = new Float64Array(state.shadowed.length);
  for (let s = 0; s < gain.length; s++) gain[s] = state.shadowed[s] === 0 ? 1 : 0;
  return {
    network: {
      ne,
      ni,
      dt: 1,
      duration,
      seed,
      a: Float64Array.from(state.a),
      b: new Float64Array(n).fill(0.2),
      c: new Float64Array(n).fill(-65),
      d: Float64Array.from(state.d),
      v0: Float64Array.from(state.v),
      sigma: new Float64Array(n),
      synapses: {
        pre: synapseSources(state.synapses),
        post: Int32Array.from(state.synapses.target),
        weight: Float64Array.from(state.weight),
        delay: Float64Array.from(synapseDelays(state.synapses)),
      },
    },
    variant,
    synapsesPerNeuron,
    maxWeight,
    gain,
  };
}

/** The data files: those of any exported network, and `gain`. */
export function polychronData(exported: PolychronExport): { name: string; bytes: Uint8Array }[] {
  return exportData(exported.network, { gain: exported.gain });
}
