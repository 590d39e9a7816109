/** What the polychronization network reports: strong synapses, the weight histogram, the rhythm. */
import { powerSpectrum } from '../analysis/spectrum.js';
import type { PolychronState } from './network.js';

/**
 * strongPercent: 100 · #(excitatory→excitatory synapses with s > 0.9·smax) / (Ne·M), as
 * poly_spnet.cpp logs it each second.
 */
export function strongPercent(state: PolychronState): number {
  const { ne, synapsesPerNeuron, maxWeight, maxDelay } = state.options;
  const { target, groupStart } = state.synapses;
  const end = groupStart[ne * maxDelay] as number;
  const threshold = 0.9 * maxWeight;
  let strong = 0;
  for (let s = 0; s < end; s++) {
    if ((state.weight[s] as number) > threshold && (target[s] as number) < ne) strong++;
  }
  return (100 * strong) / ne / synapsesPerNeuron;
}

export interface WeightHistogram {
  /** Bin edges, bins + 1 of them, from 0 to smax. */
  readonly edges: number[];
  /** Synapses per bin: [e_k, e_k+1), the last bin closed at smax. */
  readonly counts: number[];
}

/** The histogram of the excitatory weights (all of them, onto either population). */
export function weightHistogram(state: PolychronState, bins = 40): WeightHistogram {
  const { ne, maxWeight, maxDelay } = state.options;
  const end = state.synapses.groupStart[ne * maxDelay] as number;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k * maxWeight) / bins);
  const counts = new Array<number>(bins).fill(0);
  for (let s = 0; s < end; s++) {
    const w = state.weight[s] as number;
    const bin = Math.min(bins - 1, Math.floor((w / maxWeight) * bins));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return { edges, counts };
}

export interface RhythmAnalysis {
  /** Seconds of activity analysed (the last ones). */
  readonly seconds: number;
  /** Frequencies (Hz) and power of the excitatory population rate (1 ms bins), mean removed. */
  readonly frequency: Float64Array;
  readonly power: Float64Array;
  /** Frequency of the largest power within 2–200 Hz of the excitatory rate; NaN without spikes. */
  readonly dominantFrequency: number;
  /** Share of the excitatory rate's 2–200 Hz power that lies in 30–60 Hz (gamma). */
  readonly gammaFraction: number;
  /** Share of the whole population's 2–200 Hz power that lies in 2–12 Hz. */
  readonly slowFraction: number;
}

function bandShare(
  frequency: Float64Array,
  power: Float64Array,
  low: number,
  high: number,
): number {
  let band = 0;
  let total = 0;
  for (let k = 0; k < frequency.length; k++) {
    const f = frequency[k] as number;
    if (f < 2 || f > 200) continue;
    total += power[k] as number;
    if (f >= low && f <= high) band += power[k] as number;
  }
  return total > 0 ? band / total : Number.NaN;
}

/**
 * The spectrum of the population rate over the spikes given (times in ms within
 * [startMs, startMs + seconds·1000)), for the excitatory neurons and for all.
 */
export function analyseRhythm(
  times: ArrayLike<number>,
  neurons: ArrayLike<number>,
  startMs: number,
  seconds: number,
  ne: number,
  n: number,
): RhythmAnalysis {
  const length = seconds * 1000;
  const excitatory = new Float64Array(length);
  const all = new Float64Array(length);
  for (let s = 0; s < times.length; s++) {
    const bin = (times[s] as number) - startMs;
    if (bin < 0 || bin >= length) continue;
    all[bin] = (all[bin] as number) + 1;
    if ((neurons[s] as number) < ne) excitatory[bin] = (excitatory[bin] as number) + 1;
  }
  for (let k = 0; k < length; k++) {
    excitatory[k] = ((excitatory[k] as number) * 1000) / ne;
    all[k] = ((all[k] as number) * 1000) / n;
  }
  const spectrum = powerSpectrum(excitatory, 1000);
  const whole = powerSpectrum(all, 1000);
  let best = Number.NaN;
  let bestPower = 0;
  for (let k = 0; k < spectrum.frequency.length; k++) {
    const f = spectrum.frequency[k] as number;
    const p = spectrum.power[k] as number;
    if (f >= 2 && f <= 200 && p > bestPower) {
      bestPower = p;
      best = f;
    }
  }
  return {
    seconds,
    frequency: spectrum.frequency,
    power: spectrum.power,
    dominantFrequency: best,
    gammaFraction: bandShare(spectrum.frequency, spectrum.power, 30, 60),
    slowFraction: bandShare(whole.frequency, whole.power, 2, 12),
  };
}
