import { describe, expect, it } from 'vitest';
import {
  DivergenceError,
  ExpressionError,
  MemoryLimitError,
  ParameterError,
} from '../../src/errors.js';
import { simulate, type SimulationOptions } from '../../src/model/simulate.js';
import { presetOptions } from '../../src/presets/lookup.js';

const rs: SimulationOptions = presetOptions('rs');

describe('simulate(options) with the reference scheme', () => {
  it('records K + 1 rows with t_k = k·dt computed, not accumulated', () => {
    const result = simulate({ ...rs, dt: 0.1, duration: 1000, input: 0 });
    const t = result.trace?.t as Float64Array;
    expect(t.length).toBe(10001);
    for (let k = 0; k < t.length; k++) expect(t[k]).toBe(k * 0.1);
    let accumulated = 0;
    for (let k = 0; k < 10000; k++) accumulated += 0.1;
    expect(t[10000]).toBe(1000);
    expect(accumulated).not.toBe(1000);
  });

  it('holds vpeak in the trace at each spike and the updated v elsewhere', () => {
    const result = simulate(rs);
    const { t, v } = result.trace as { t: Float64Array; v: Float64Array };
    const peaks = [];
    for (let k = 0; k < v.length; k++) if (v[k] === 30) peaks.push(t[k]);
    expect(peaks).toEqual(Array.from(result.spikes));
    expect(Math.max(...v)).toBe(30);
  });

  it('takes v first, then u with the new v, then the threshold test, step by step', () => {
    const a = 0.02;
    const b = 0.2;
    const result = simulate({ a, b, c: -65, d: 8, v0: -63, dt: 0.25, duration: 1, input: 't' });
    let v = -63;
    let u = b * v;
    for (let k = 0; k <= 4; k++) {
      const t = k * 0.25;
      v = v + 0.25 * (0.04 * (v * v) + 5 * v + 140 - u + t);
      u = u + 0.25 * a * (b * v - u);
      expect(result.trace?.v[k]).toBe(v);
      expect(result.trace?.u[k]).toBe(u);
      expect(result.trace?.I[k]).toBe(t);
    }
  });

  it('resets v to c and adds d to u after the step that crossed vpeak', () => {
    const result = simulate({
      a: 0.02,
      b: 0.2,
      c: -50,
      d: 2,
      v0: 29,
      u0: 0,
      dt: 0.25,
      duration: 1,
    });
    expect(result.spikes[0]).toBe(0);
    const crossed = 29 + 0.25 * (0.04 * (29 * 29) + 5 * 29 + 140 - 0 + 0);
    const uAfter = 0 + 0.25 * 0.02 * (0.2 * crossed - 0) + 2;
    expect(result.trace?.v[0]).toBe(30);
    expect(result.trace?.u[0]).toBe(uAfter);
    const vNext = -50 + 0.25 * (0.04 * (-50 * -50) + 5 * -50 + 140 - uAfter + 0);
    expect(result.trace?.v[1]).toBe(vNext);
  });

  it('starts u at b·v0 unless u0 is given', () => {
    expect(simulate({ ...rs, duration: 1 }).u0).toBeCloseTo(0.2 * -63, 12);
    expect(simulate({ ...rs, duration: 1, u0: -10 }).u0).toBe(-10);
  });

  it('uses vb and kappa in the u equation (the accommodation form)', () => {
    const result = simulate({ ...presetOptions('accommodation'), duration: 0.5 });
    const v0 = -65 + 0.5 * (0.04 * 65 * 65 + 5 * -65 + 140 - -16 + 0);
    expect(result.trace?.v[0]).toBe(v0);
    expect(result.trace?.u[0]).toBe(-16 + 0.5 * 0.02 * (1 * (v0 - -65) - 0 * -16));
  });

  it('records no trace with spikesOnly', () => {
    const result = simulate({ ...rs, spikesOnly: true });
    expect(result.trace).toBeUndefined();
    expect(result.spikes.length).toBe(5);
  });

  it('accepts the input as text, a number or a function', () => {
    const asText = simulate({ ...rs, input: '14*(t>15)' }).spikes;
    const asFunction = simulate({ ...rs, input: (t: number) => (t > 15 ? 14 : 0) }).spikes;
    expect(Array.from(asFunction)).toEqual(Array.from(asText));
    expect(simulate({ ...rs, input: 14 }).spikes.length).toBeGreaterThan(5);
  });
});

describe('simulate(options) rejects bad input with typed, one-line errors', () => {
  it('non-numeric, NaN and infinite parameters', () => {
    for (const name of ['a', 'b', 'c', 'd', 'k2', 'vpeak', 'v0', 'u0', 'kappa'] as const) {
      for (const bad of [Number.NaN, Infinity, -Infinity, '3' as unknown as number]) {
        const call = () => simulate({ ...rs, [name]: bad });
        expect(call, `${name}=${bad}`).toThrow(ParameterError);
        expect(call).toThrow(new RegExp(`^${name} must be a finite number`));
      }
    }
  });

  it('dt <= 0, dt > T and T <= 0', () => {
    expect(() => simulate({ ...rs, dt: 0 })).toThrow(/dt must be positive/);
    expect(() => simulate({ ...rs, dt: -1 })).toThrow(/dt must be positive/);
    expect(() => simulate({ ...rs, duration: 0 })).toThrow(/duration must be positive/);
    expect(() => simulate({ ...rs, duration: -5 })).toThrow(/duration must be positive/);
    expect(() => simulate({ ...rs, dt: 10, duration: 5 })).toThrow(/must not exceed the duration/);
  });

  it('a trace too large for memory, giving the size and offering spikes only', () => {
    const call = () => simulate({ ...rs, dt: 1e-6, duration: 1000 });
    expect(call).toThrow(MemoryLimitError);
    expect(call).toThrow(/32\.0 GB \(limit 1\.00 GB\): record spike times only/);
    expect(() => simulate({ ...rs, duration: 1000, maxTraceBytes: 1000 })).toThrow(
      /would need 128 kB/,
    );
  });

  it('a step count no run could finish', () => {
    expect(() => simulate({ ...rs, dt: 1e-9, duration: 1e6, spikesOnly: true })).toThrow(
      ParameterError,
    );
  });

  it('an input that does not parse, before anything runs', () => {
    expect(() => simulate({ ...rs, input: '14*(t>' })).toThrow(ExpressionError);
  });

  it('an unknown integrator or bad sub-steps', () => {
    expect(() => simulate({ ...rs, integrator: 'leapfrog' as 'rk4' })).toThrow(
      /known integrators: reference, euler, rk4/,
    );
    expect(() => simulate({ ...rs, integrator: 'rk4', substeps: 0 })).toThrow(/substeps/);
    expect(() => simulate({ ...rs, integrator: 'rk4', substeps: 1.5 })).toThrow(/substeps/);
    expect(() => simulate({ ...rs, substeps: 4 })).toThrow(/not to reference/);
  });

  it('a run that diverges, saying when and suggesting a smaller dt', () => {
    const call = () =>
      simulate({ a: 0.02, b: 0.2, c: -65, d: 8, v0: -65, dt: 10, duration: 1000, input: 10 });
    expect(call).toThrow(DivergenceError);
    expect(call).toThrow(
      /^the simulation diverged at t = 170 ms \(v = Infinity.*smaller dt than 10 ms$/,
    );
  });

  it('vpeak at or below the reset c', () => {
    expect(() => simulate({ ...rs, vpeak: -100 })).toThrow(
      'vpeak (-100 mV) must be above the reset c (-65 mV), or every step would be a spike',
    );
  });

  it('an input that becomes NaN, pointing at the expression', () => {
    expect(() => simulate({ ...rs, input: 'sqrt(t-50)' })).toThrow(
      /I\(t\) is NaN.*check the input expression/,
    );
    expect(() => simulate({ ...rs, input: 'sqrt(t-50)' })).toThrow(
      expect.objectContaining({ reason: 'input', time: 0 }),
    );
    expect(() => simulate({ ...rs, dt: 10, duration: 1000, input: 10 })).toThrow(
      expect.objectContaining({ reason: 'state', time: 170 }),
    );
  });
});
