import { describe, it, expect } from 'vitest';
import { isiCv } from '../../src/analysis/isi.js';

describe('isiCv', () => {
  it('isiCv(times, neurons, n) is 0 for a clock and sd/mean for known intervals', () => {
    // neuron 0: intervals 10, 10, 10 (CV 0); neuron 1: intervals 5, 15 (mean 10, sd 5: CV 0.5)
    const times = [0, 1, 6, 10, 20, 21, 30];
    const neurons = [0, 1, 1, 0, 0, 1, 0];
    expect(isiCv(times, neurons, 2)).toBeCloseTo(0.25, 12);
  });

  it('isiCv skips neurons with fewer than two intervals and is NaN when none has two', () => {
    expect(isiCv([1, 2, 3, 4], [0, 0, 1, 1], 3)).toBeNaN();
    expect(isiCv([1, 2, 4, 8], [0, 0, 0, 1], 2)).toBeCloseTo(Math.sqrt(0.25) / 1.5, 12);
  });
});
