/** The coefficient of variation of inter-spike intervals: 0 for a clock, about 1 for Poisson firing. */

/**
 * isiCv(times, neurons, n): the CV (standard deviation / mean) of each neuron's inter-spike
 * intervals, averaged over the neurons with at least two intervals; NaN when there are none.
 * Spikes must be in time order (as a network run records them).
 */
export function isiCv(times: ArrayLike<number>, neurons: ArrayLike<number>, n: number): number {
  const last = new Float64Array(n).fill(NaN);
  const count = new Float64Array(n);
  const sum = new Float64Array(n);
  const sumSquares = new Float64Array(n);
  for (let s = 0; s < times.length; s++) {
    const i = neurons[s] as number;
    const t = times[s] as number;
    const previous = last[i] as number;
    if (previous === previous) {
      const interval = t - previous;
      count[i] = (count[i] as number) + 1;
      sum[i] = (sum[i] as number) + interval;
      sumSquares[i] = (sumSquares[i] as number) + interval * interval;
    }
    last[i] = t;
  }
  let total = 0;
  let neuronsCounted = 0;
  for (let i = 0; i < n; i++) {
    const m = count[i] as number;
    if (m < 2) continue;
    const mean = (sum[i] as number) / m;
    const variance = Math.max(0, (sumSquares[i] as number) / m - mean * mean);
    total += Math.sqrt(variance) / mean;
    neuronsCounted++;
  }
  return neuronsCounted === 0 ? NaN : total / neuronsCounted;
}
