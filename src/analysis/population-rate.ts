/** The population rate: the mean firing rate of a whole network in bins of fixed width. */

/** How far below a bin edge a spike time may fall by rounding and still count in the bin below. */
const EDGE_TOLERANCE = 1e-9;

/**
 * populationRate(times, n, spanMs, binMs = 1): spikes per neuron per second (Hz) in the bins
 * (0, w], (w, 2w], … covering (0, spanMs]. A spike recorded at t_k closes the step that began at
 * t_{k−1}, hence the half-open bins; with dt = 1 each step has its own 1 ms bin.
 */
export function populationRate(
  times: ArrayLike<number>,
  n: number,
  spanMs: number,
  binMs = 1,
): Float64Array {
  const bins = Math.max(1, Math.ceil(spanMs / binMs - EDGE_TOLERANCE));
  const rate = new Float64Array(bins);
  if (n === 0) return rate;
  for (let s = 0; s < times.length; s++) {
    const bin = Math.ceil((times[s] as number) / binMs - EDGE_TOLERANCE) - 1;
    const clamped = bin < 0 ? 0 : bin >= bins ? bins - 1 : bin;
    rate[clamped] = (rate[clamped] as number) + 1;
  }
  const perSpike = 1000 / (n * binMs);
  for (let b = 0; b < bins; b++) rate[b] = (rate[b] as number) * perSpike;
  return rate;
}
