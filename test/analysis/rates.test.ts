import { describe, it, expect } from 'vitest';
import { populationRates } from '../../src/analysis/rates.js';

describe('populationRates', () => {
  it('populationRates(neurons, ne, ni, spanMs) divides each population’s spikes by size and time', () => {
    // 4 excitatory spikes among 2 neurons and 3 inhibitory among 1, over 500 ms
    const rates = populationRates([0, 1, 2, 0, 1, 2, 2], 2, 1, 500);
    expect(rates).toEqual({ excitatory: 4, inhibitory: 6 });
  });

  it('populationRates gives NaN for an empty population', () => {
    const rates = populationRates([0, 0], 1, 0, 1000);
    expect(rates.excitatory).toBe(2);
    expect(Number.isNaN(rates.inhibitory)).toBe(true);
  });
});
