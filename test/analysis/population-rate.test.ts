import { describe, it, expect } from 'vitest';
import { populationRate } from '../../src/analysis/population-rate.js';

describe('populationRate', () => {
  it('populationRate(times, n, spanMs) counts t_k in the bin (k−1, k] and converts to Hz', () => {
    // 10 neurons, 4 ms: a spike at t = 1 is in bin 0, t = 1.5 and 2 in bin 1, t = 4 in bin 3
    const rate = populationRate([1, 1.5, 2, 2, 4], 10, 4);
    expect(Array.from(rate)).toEqual([100, 300, 0, 100]);
  });

  it('populationRate puts k·dt in its step’s bin despite rounding (dt = 0.1)', () => {
    const times = Array.from({ length: 30 }, (_, k) => (k + 1) * 0.1);
    const rate = populationRate(times, 1, 3);
    expect(Array.from(rate)).toEqual([10000, 10000, 10000]);
  });

  it('populationRate(times, n, spanMs, binMs) takes other bin widths and a partial last bin', () => {
    const rate = populationRate([0.5, 2.5, 4.9], 2, 5, 2);
    expect(rate.length).toBe(3);
    expect(Array.from(rate)).toEqual([250, 250, 250]);
  });
});
