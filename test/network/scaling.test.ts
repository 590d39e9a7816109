import { describe, it, expect } from 'vitest';
import { simulateNetwork } from '../../src/network/simulate.js';

describe('network rates and scaling', () => {
  it('the default network fires at the paper’s few Hz for several seeds, with a rhythm', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = simulateNetwork({ seed });
      expect(result.rates.excitatory).toBeGreaterThan(5);
      expect(result.rates.excitatory).toBeLessThan(10);
      expect(result.rates.inhibitory).toBeGreaterThan(5);
      expect(result.rates.inhibitory).toBeLessThan(10);
      // the alpha rhythm of the paper's raster
      expect(result.dominantFrequency).toBeGreaterThanOrEqual(5);
      expect(result.dominantFrequency).toBeLessThanOrEqual(12);
    }
  });

  it('at Ne = 8000, Ni = 2000 the scaled network keeps that rate; unscaled it runs away', () => {
    const scaled = simulateNetwork({ ne: 8000, ni: 2000, duration: 1000, seed: 1 });
    expect(scaled.rates.excitatory).toBeGreaterThan(5);
    expect(scaled.rates.excitatory).toBeLessThan(10);
    expect(scaled.rates.inhibitory).toBeGreaterThan(4);
    expect(scaled.rates.inhibitory).toBeLessThan(10);
    // Unscaled, each neuron gets ten times the paper's synaptic drive: within 20 ms the whole
    // network fires on most steps (about 545 Hz over the first 20 ms, 990 Hz later).
    const unscaled = simulateNetwork({ ne: 8000, ni: 2000, duration: 20, seed: 1, scale: false });
    expect(unscaled.rates.excitatory).toBeGreaterThan(300);
    expect(unscaled.rates.inhibitory).toBeGreaterThan(300);
  });
});
