/**
 * The polychronization network of [2006] (SPEC §9) as the exporters take it: izhikit's own build
 * for a seed and variant (the same targets, delays, weights and start state as `izhikit
 * polychron`), as a synapse list in the store's order with integer delays, and what the plastic
 * rule needs beside it.
 */
import { ParameterError } from '../errors.js';
import { buildPolychronNetwork } from '../polychron/network.js';
import { drawInputNeuron } from '../polychron/step.js';
import {
  checkPolychronDuration,
  type PolychronOptions,
  type PolychronVariant,
} from '../polychron/options.js';
import { synapseDelays, synapseSources } from '../synapses/delayed-synapses.js';
import { exportData, type ExportableNetwork } from './network.js';
import { pynnScript } from './pynn.js';

/** The polychronization network to export, and the run the script makes of it. */
export interface PolychronExport {
  /** Neurons (b = 0.2, c = −65), v0, σ = 0 (the input is one neuron at a time) and the synapses. */
  readonly network: ExportableNetwork;
  /** The program the network and its rule follow: spnet.m (`matlab`) or poly_spnet.cpp (`cpp`). */
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
  /** The neuron that gets the input of 20 in each millisecond: izhikit's own draws for the seed. */
  readonly input: Int32Array;
}

/** Longest run exported: one day (its input, 4 bytes per millisecond, takes 346 MB). */
export const MAX_EXPORT_SECONDS = 86400;

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
  if (seconds > MAX_EXPORT_SECONDS) {
    throw new ParameterError(
      'duration',
      `an export runs at most ${MAX_EXPORT_SECONDS} s (one day; its input takes 4 bytes per millisecond), got ${seconds} s`,
    );
  }
  const state = buildPolychronNetwork(options);
  // the draws izhikit's run takes after the build, one per millisecond (SPEC §9 step 1)
  const input = new Int32Array(duration);
  for (let t = 0; t < duration; t++) input[t] = drawInputNeuron(state.n, state.random);
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
    input,
  };
}

/** The data files: those of any exported network, `gain` and `input`. */
export function polychronData(exported: PolychronExport): { name: string; bytes: Uint8Array }[] {
  return exportData(exported.network, { gain: exported.gain, input: exported.input });
}

/** Python lines that give, each millisecond, one neuron drawn at random a current of 20. */
const RANDOM_INPUT = `    # the thalamic input: each millisecond the neuron izhikit draws (input.npy) gets 20 (pA in
    # NEST's units) for that millisecond, as one step current per neuron
    drawn = load('input')
    order = np.argsort(drawn, kind='stable')
    starts = np.searchsorted(drawn[order], np.arange(NE + NI + 1))
    for label, population in populations.items():
        offset = bounds[label][0]
        for k in range(population.size):
            ms = order[starts[offset + k]:starts[offset + k + 1]]
            if ms.size == 0:
                continue
            first = ms[np.r_[True, np.diff(ms) > 1]]
            last = ms[np.r_[np.diff(ms) > 1, True]] + 1
            pulse = sim.StepCurrentSource(
                times=np.column_stack((first, last)).ravel() * DT,
                amplitudes=np.tile([20.0 * CURRENT, 0.0], first.size))
            pulse.inject_into(population[k:k + 1])
`;

/**
 * The PyNN script of the network's static part: the neurons, izhikit's synapses with their
 * weights at the start (6 and −5) and integer delays, and the random input. Its STDP is not
 * exported: PyNN's STDPMechanism changes a weight at each spike pair, where SPEC §9 sums the
 * changes into sd and applies s + 0.01 + sd once a second.
 */
export function polychronPynnScript(
  exported: PolychronExport,
  dataDir: string,
  scriptName = 'poly.py',
): string {
  return pynnScript(exported.network, dataDir, scriptName, {
    title:
      'The polychronization network of Izhikevich (2006), its static part, exported by izhikit to PyNN.',
    notes: `Exported: the ${exported.variant} variant's neurons, start state, synapses (weights at the start,
excitatory 6, inhibitory -5) and integer delays of 1-20 ms (PyNN delivers a spike its delay
after it is fired; izhikit adds it to I in the millisecond delay - 1 after, which moves v at the
end of that millisecond), and the input (each millisecond the neuron izhikit draws gets 20). NOT exported: the STDP rule and the weight update
once a second (sd summed over the second, then s = s + 0.01 + sd clipped to [0, 10], sd x 0.9).
PyNN changes a weight at each spike pair and cannot express it; the nearest rule is a pair rule,
SpikePairRule with tau_plus = tau_minus = 19.5 ms (x 0.95 per ms) and changes of 0.1 and 0.12
weight units per pair, with AdditiveWeightDependence(w_min=0, w_max=10) (A_plus, A_minus scaled
to PyNN's convention), which has neither the once-a-second update nor its +0.01. To study plasticity, export to Brian2.`,
    input: RANDOM_INPUT,
  });
}
