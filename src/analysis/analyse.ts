/** All the analyses of a network's spikes in one call: rates, population rate, spectrum, ISI CV. */
import { isiCv } from './isi.js';
import { populationRate } from './population-rate.js';
import { populationRates, type PopulationRates } from './rates.js';
import { dominantFrequency, powerSpectrum, type PowerSpectrum } from './spectrum.js';

/** Width of the population rate's bins (ms). */
export const POPULATION_RATE_BIN_MS = 1;

export interface NetworkSpikes {
  /** Spike times (ms), in time order. */
  readonly t: Float64Array;
  /** Index of the neuron of each spike. */
  readonly i: Int32Array;
}

export interface NetworkAnalysis {
  readonly rates: PopulationRates;
  /** Mean rate of the whole network (Hz) in 1 ms bins (0, 1], (1, 2], … */
  readonly populationRate: Float64Array;
  /** Power spectrum of the population rate. */
  readonly spectrum: PowerSpectrum;
  /** Frequency (Hz) of the spectrum's largest peak above 0 Hz. */
  readonly dominantFrequency: number;
  /** Mean coefficient of variation of the neurons' inter-spike intervals. */
  readonly isiCv: number;
}

/** analyseNetwork(spikes, ne, ni, spanMs): every summary of a run of `spanMs` milliseconds. */
export function analyseNetwork(
  spikes: NetworkSpikes,
  ne: number,
  ni: number,
  spanMs: number,
): NetworkAnalysis {
  const n = ne + ni;
  const rate = populationRate(spikes.t, n, spanMs, POPULATION_RATE_BIN_MS);
  const spectrum = powerSpectrum(rate, 1000 / POPULATION_RATE_BIN_MS);
  return {
    rates: populationRates(spikes.i, ne, ni, spanMs),
    populationRate: rate,
    spectrum,
    dominantFrequency: dominantFrequency(spectrum),
    isiCv: isiCv(spikes.t, spikes.i, n),
  };
}
