import { describe, it, expect } from 'vitest';
import { buildNetwork, weightScales } from '../../src/network/build.js';
import { resolveNetworkOptions } from '../../src/network/options.js';
import { NetworkRandom } from '../../src/network/random.js';

describe('buildNetwork', () => {
  it('buildNetwork(options, random) draws r per neuron, then the weights column by column', () => {
    const options = resolveNetworkOptions({ ne: 4, ni: 2 });
    const state = buildNetwork(options, new NetworkRandom(42));
    const random = new NetworkRandom(42);
    for (let i = 0; i < 6; i++) {
      const r = random.uniform();
      if (i < 4) {
        expect([state.a[i], state.b[i], state.c[i], state.d[i]]).toEqual([
          0.02,
          0.2,
          -65 + 15 * r * r,
          8 - 6 * r * r,
        ]);
      } else {
        expect([state.a[i], state.b[i], state.c[i], state.d[i]]).toEqual([
          0.02 + 0.08 * r,
          0.25 - 0.05 * r,
          -65,
          2,
        ]);
      }
    }
    // the paper's weights at its own proportions: scale factors 800/4 and 200/2
    for (let j = 0; j < 6; j++) {
      for (let i = 0; i < 6; i++) {
        const u = random.uniform();
        const expected = j < 4 ? 0.5 * 200 * u : -100 * u;
        expect(state.weights[j * 6 + i]).toBe(Math.fround(expected));
      }
    }
    expect(Array.from(state.v)).toEqual([-65, -65, -65, -65, -65, -65]);
    expect(Array.from(state.u)).toEqual(Array.from(state.b, (b) => b * -65));
    expect(Array.from(state.noiseScale)).toEqual([5, 5, 5, 5, 2, 2]);
  });

  it('buildNetwork keeps every weight in its population’s range: [0, 0.5) and (−1, 0] unscaled', () => {
    const options = resolveNetworkOptions({ ne: 80, ni: 20, scale: false, dt: 0.25 });
    const state = buildNetwork(options, new NetworkRandom(3));
    for (let j = 0; j < 100; j++) {
      const column = state.weights.subarray(j * 100, (j + 1) * 100);
      if (j < 80) for (const w of column) expect(w >= 0 && w < 0.5).toBe(true);
      else for (const w of column) expect(w > -1 && w <= 0).toBe(true);
    }
    expect(state.noiseScale[0]).toBe(5 / Math.sqrt(0.25));
    expect(state.noiseScale[99]).toBe(2 / Math.sqrt(0.25));
  });

  it('buildNetwork takes the noise σ and weight scales given, and r = 0 without heterogeneity', () => {
    const options = resolveNetworkOptions({
      ne: 3,
      ni: 2,
      excitatoryNoise: 1.5,
      inhibitoryNoise: 0,
      excitatoryWeight: 0.25,
      inhibitoryWeight: 2,
      heterogeneity: false,
    });
    const state = buildNetwork(options, new NetworkRandom(7));
    const random = new NetworkRandom(7);
    // r is drawn and dropped: every neuron has the parameters of r = 0.
    for (let i = 0; i < 5; i++) random.uniform();
    expect(Array.from(state.c)).toEqual([-65, -65, -65, -65, -65]);
    expect(Array.from(state.d)).toEqual([8, 8, 8, 2, 2]);
    expect(Array.from(state.a)).toEqual([0.02, 0.02, 0.02, 0.02, 0.02]);
    expect(Array.from(state.b)).toEqual([0.2, 0.2, 0.2, 0.25, 0.25]);
    // scaled by 800/3 and 200/2, then by the given weight scales
    for (let j = 0; j < 5; j++) {
      for (let i = 0; i < 5; i++) {
        const u = random.uniform();
        const expected = j < 3 ? 0.25 * (800 / 3) * u : -2 * 100 * u;
        expect(state.weights[j * 5 + i]).toBe(Math.fround(expected));
      }
    }
    expect(Array.from(state.noiseScale)).toEqual([1.5, 1.5, 1.5, 0, 0]);
  });

  it('weightScales(ne, ni, scale) is 800/Ne and 200/Ni, 1 and 1 at the defaults or unscaled', () => {
    expect(weightScales(800, 200, true)).toEqual({ excitatory: 1, inhibitory: 1 });
    expect(weightScales(8000, 2000, true)).toEqual({ excitatory: 0.1, inhibitory: 0.1 });
    expect(weightScales(8000, 2000, false)).toEqual({ excitatory: 1, inhibitory: 1 });
    expect(weightScales(10, 0, true)).toEqual({ excitatory: 80, inhibitory: 1 });
  });
});
