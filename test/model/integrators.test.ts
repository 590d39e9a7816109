import { describe, expect, it } from 'vitest';
import { INTEGRATOR_NAMES, type IntegratorName } from '../../src/model/integrators.js';
import { simulate } from '../../src/model/simulate.js';
import { presetOptions } from '../../src/presets/lookup.js';

// With k2 = 0 and a = 0 the model is the linear leak dv/dt = k1·v + k0 − u0 + I with u frozen:
// v(t) = v∞ + (v0 − v∞)·exp(k1·t), v∞ = −(k0 − u0 + I)/k1.
const leak = { a: 0, b: 0, c: -65, d: 0, k2: 0, k1: -0.1, k0: 0, v0: 0, u0: 0, input: 1 };
const exact = (t: number): number => 10 - 10 * Math.exp(-0.1 * t);

function maxError(integrator: IntegratorName, dt: number, substeps = 1): number {
  const options = {
    ...leak,
    dt,
    duration: 20,
    integrator,
    ...(integrator === 'reference' ? {} : { substeps }),
  };
  const { t, v } = simulate(options).trace!;
  const shift = integrator === 'reference' ? dt : 0; // the reference row k holds the state after step k
  let worst = 0;
  for (let k = 0; k < t.length; k++)
    worst = Math.max(worst, Math.abs(v[k]! - exact(t[k]! + shift)));
  return worst;
}

describe('each integrator against the analytic solution of a linear leak', () => {
  for (const name of INTEGRATOR_NAMES) {
    it(`${name} converges as dt shrinks`, () => {
      const coarse = maxError(name, 0.5);
      const fine = maxError(name, 0.25);
      expect(fine).toBeLessThan(coarse);
    });
  }

  it('reference and euler are first order, rk4 fourth order', () => {
    expect(maxError('reference', 0.5) / maxError('reference', 0.25)).toBeCloseTo(2, 0);
    expect(maxError('euler', 0.5) / maxError('euler', 0.25)).toBeCloseTo(2, 0);
    const ratio = maxError('rk4', 0.5) / maxError('rk4', 0.25);
    expect(ratio).toBeGreaterThan(14);
    expect(ratio).toBeLessThan(18);
    expect(maxError('rk4', 0.25)).toBeLessThan(1e-6);
  });

  it('sub-steps improve euler as a smaller dt does', () => {
    expect(maxError('euler', 0.5, 4)).toBeCloseTo(maxError('euler', 0.125), 6);
  });
});

describe('spiking integrators', () => {
  it('rk4 spike times converge with sub-steps and interpolate between grid points', () => {
    const run = (substeps: number) =>
      simulate(presetOptions('rs', { integrator: 'rk4', substeps, spikesOnly: true })).spikes;
    const fine = run(64);
    const medium = run(16);
    expect(medium.length).toBe(fine.length);
    medium.forEach((t, i) => expect(Math.abs(t - fine[i]!)).toBeLessThan(0.01));
    expect(Array.from(fine).some((t) => Math.abs(t / 0.25 - Math.round(t / 0.25)) > 1e-6)).toBe(
      true,
    );
  });

  it('euler and rk4 start their trace at (v0, u0) and mark spikes with vpeak', () => {
    for (const integrator of ['euler', 'rk4'] as const) {
      const result = simulate(presetOptions('rs', { integrator, substeps: 8 }));
      expect(result.trace?.v[0]).toBe(-63);
      expect(result.trace?.u[0]).toBeCloseTo(-12.6, 12);
      const peaks = Array.from(result.trace!.v).filter((v) => v === 30).length;
      expect(peaks).toBe(result.spikes.length);
    }
  });
});

describe('euler and rk4: an input that is not finite is blamed on the input', () => {
  it('at the last step (euler, with and without a trace) and mid sub-step (rk4)', async () => {
    const { simulate: run } = await import('../../src/model/simulate.js');
    const { DivergenceError } = await import('../../src/errors.js');
    const base = { a: 0.02, b: 0.2, c: -65, d: 8, v0: -65, dt: 0.25, duration: 200 };
    for (const spikesOnly of [false, true]) {
      const error = (() => {
        try {
          run({ ...base, integrator: 'euler', input: 't>=200 ? 1/0 : 0', spikesOnly });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(DivergenceError);
      expect((error as InstanceType<typeof DivergenceError>).reason).toBe('input');
      expect((error as InstanceType<typeof DivergenceError>).time).toBe(200);
    }
    expect(() => run({ ...base, integrator: 'rk4', input: 't>=100 ? 1/0 : 0' })).toThrow(
      /diverged at t = 100 ms \(I\(t\) is Infinity\); check the input expression/,
    );
  });
});
