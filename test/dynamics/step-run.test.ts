import { describe, expect, it } from 'vitest';
import { runConstantInput } from '../../src/dynamics/step-run.js';
import { resolveParameters } from '../../src/model/izhikevich.js';
import { simulate } from '../../src/model/simulate.js';

describe('runConstantInput(params, v0, u0, I, dt, lastStep, spikes)', () => {
  it('gives the spike times of simulate() with the same constant input', () => {
    for (const [neuron, I] of [
      [{ a: 0.02, b: 0.2, c: -50, d: 2 }, 10],
      [{ a: 0.1, b: 0.2, c: -65, d: 2 }, 7.5],
      [{ a: 0.02, b: -0.1, c: -55, d: 6, k1: 4.1, k0: 108 }, 12],
    ] as const) {
      const reference = simulate({
        ...neuron,
        v0: -70,
        dt: 0.25,
        duration: 400,
        input: I,
        spikesOnly: true,
      });
      const spikes = new Float64Array(1601);
      const count = runConstantInput(
        resolveParameters(neuron),
        -70,
        neuron.b * -70,
        I,
        0.25,
        1600,
        spikes,
      );
      expect(Array.from(spikes.subarray(0, count))).toEqual(Array.from(reference.spikes));
    }
  });

  it('returns −1 when the state stops being finite', () => {
    const params = resolveParameters({ a: 0.02, b: 0.2, c: -65, d: 8, vpeak: 1e308 });
    expect(runConstantInput(params, -70, -14, 1000, 1, 100, new Float64Array(101))).toBe(-1);
  });
});
