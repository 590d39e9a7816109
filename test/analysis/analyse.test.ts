import { describe, it, expect } from 'vitest';
import { analyseNetwork } from '../../src/analysis/analyse.js';

describe('analyseNetwork', () => {
  it('analyseNetwork(spikes, ne, ni, spanMs) finds the 10 Hz rhythm of a network firing in waves', () => {
    // at each ms m, neurons 0 … count−1 fire, with count rising and falling every 100 ms
    const t: number[] = [];
    const i: number[] = [];
    for (let m = 1; m <= 1000; m++) {
      const count = Math.round(5 * (1 - Math.cos((2 * Math.PI * m) / 100)));
      for (let neuron = 0; neuron < count; neuron++) {
        t.push(m);
        i.push(neuron);
      }
    }
    const result = analyseNetwork({ t: Float64Array.from(t), i: Int32Array.from(i) }, 8, 2, 1000);
    const excitatory = i.filter((x) => x < 8).length;
    expect(result.rates.excitatory).toBeCloseTo(excitatory / 8, 12);
    expect(result.rates.inhibitory).toBeCloseTo((i.length - excitatory) / 2, 12);
    expect(result.populationRate.length).toBe(1000);
    expect(result.populationRate[99]).toBe(0);
    expect(result.populationRate[49]).toBe(10 * 100);
    expect(result.dominantFrequency).toBe(10);
    expect(result.isiCv).toBeGreaterThan(0);
  });
});
