/** The numbers under the neuron plot: spike count, first-spike latency and mean rate. */
import type { NeuronRun } from './state.js';

export interface SpikeReadout {
  readonly count: number;
  /** Time of the first spike (ms), if any. */
  readonly firstSpike: number | undefined;
  /** When I(t) first departs from its starting value (ms); undefined for a constant input. */
  readonly onset: number | undefined;
  /** First spike minus `latencyFrom`, if there is a spike. */
  readonly latency: number | undefined;
  /** The onset when the first spike follows it, else 0 (a neuron firing before any change). */
  readonly latencyFrom: number;
  /** Spikes per second over the whole duration (Hz). */
  readonly rate: number;
}

/**
 * Computes the readout of a run. The input's onset is `knownOnset` when given (a preset's
 * stimulus window), else the first time the recorded I(t) departs from its starting value.
 */
export function spikeReadout(result: NeuronRun, knownOnset?: number): SpikeReadout {
  const { spikes, duration, trace } = result;
  const count = spikes.length;
  const firstSpike = count > 0 ? spikes[0] : undefined;
  let onset = knownOnset;
  if (onset === undefined && trace !== undefined) {
    const { t, I } = trace;
    const start = I[0];
    for (let k = 1; k < I.length; k++) {
      if (I[k] !== start) {
        // An input that moves from the first step on (a sine, a ramp from 0) starts at t = 0.
        onset = k === 1 ? t[0] : t[k];
        break;
      }
    }
  }
  const latencyFrom =
    onset !== undefined && firstSpike !== undefined && firstSpike >= onset ? onset : 0;
  const latency = firstSpike === undefined ? undefined : firstSpike - latencyFrom;
  return { count, firstSpike, onset, latency, latencyFrom, rate: (count / duration) * 1000 };
}
