import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import {
  fiCurve,
  fiStartingState,
  findRheobase,
  steadyFiringRate,
} from '../../src/dynamics/fi-curve.js';
import { restingState, saddleNodeInput } from '../../src/dynamics/fixed-points.js';
import { runConstantInput } from '../../src/dynamics/step-run.js';
import { resolveParameters } from '../../src/model/izhikevich.js';
import { getPreset } from '../../src/presets/lookup.js';

describe('fiCurve(neuron, {from, to, steps})', () => {
  it('classifies class-1-excitable as Class 1: the rate rises from zero', () => {
    const curve = fiCurve(getPreset('class-1-excitable').params, { from: 0, to: 30, steps: 16 });
    expect(curve.excitabilityClass).toBe('class 1');
    expect(curve.onsetRate).toBeLessThan(10);
    // The rheobase of a saddle-node on the invariant circle is the saddle-node input, 2.25.
    expect(curve.rheobase).toBeGreaterThanOrEqual(2.25);
    expect(curve.rheobase).toBeLessThan(2.3);
    const rates = curve.points.map((p) => p.rate);
    expect(rates[0]).toBe(0);
    for (let i = 2; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1] as number);
  });

  it('classifies class-2-excitable as Class 2: the rate jumps to a non-zero value', () => {
    const curve = fiCurve(getPreset('class-2-excitable').params, { from: 0, to: 2, steps: 11 });
    expect(curve.excitabilityClass).toBe('class 2');
    expect(curve.onsetRate).toBeGreaterThan(20);
    // Rest turns unstable at the Andronov–Hopf input 0.4, before the saddle-node at 0.4225.
    expect(curve.rheobase).toBeCloseTo(0.4, 2);
    expect(curve.summary).toMatch(/Class 2/);
  });

  it('says when the range holds no rheobase', () => {
    const rs = getPreset('rs').params;
    expect(fiCurve(rs, { from: 0, to: 3, steps: 4 }).rheobase).toBeUndefined();
    expect(fiCurve(rs, { from: 10, to: 20, steps: 3 }).summary).toMatch(/fires already at I = 10/);
  });

  it('rejects bad ranges and step counts with a ParameterError', () => {
    const rs = getPreset('rs').params;
    expect(() => fiCurve(rs, { from: 5, to: 5, steps: 3 })).toThrow(ParameterError);
    expect(() => fiCurve(rs, { from: 0, to: 5, steps: 1 })).toThrow(/steps/);
    expect(() => fiCurve(rs, { from: 0, to: 5, steps: 3, transient: 2000 })).toThrow(/transient/);
  });
});

describe('steadyFiringRate(neuron, I)', () => {
  it('starts every point from the resting state, so a bistable neuron at rest stays at rest', () => {
    const bistable = getPreset('bistability').params;
    const point = steadyFiringRate(bistable, 0.24);
    const rest = restingState(bistable, 0.24);
    expect(point.startedAtRest).toBe(true);
    expect(point.v0).toBe(rest?.v);
    expect(point.u0).toBe(rest?.u);
    expect(point.rate).toBe(0);
    // The same input sustains firing from another state: the neuron is bistable there.
    const spikes = new Float64Array(4001);
    const count = runConstantInput(resolveParameters(bistable), -60, -14, 0.24, 0.25, 4000, spikes);
    expect(count).toBeGreaterThan(20);
  });

  it('starts from rest at I = 0 when there is no resting state at I', () => {
    const rs = getPreset('rs').params;
    const start = fiStartingState(rs, 10);
    expect(start.atRest).toBe(false);
    expect(start.v).toBeCloseTo(-70, 10);
    const point = steadyFiringRate(rs, 10);
    expect(point.rate).toBeGreaterThan(15);
    expect(point.rate).toBeLessThan(30);
  });
});

describe('findRheobase(neuron, {from, to})', () => {
  it('bisects to the lowest input that fires from rest, at the RS neuron just below 4', () => {
    const rs = getPreset('rs').params;
    const rheobase = findRheobase(rs, { from: 0, to: 10, tolerance: 1e-4 });
    expect(rheobase).toBeLessThanOrEqual(saddleNodeInput(rs) as number);
    expect(rheobase).toBeGreaterThan(3.7);
  });
});

describe('fiCurve: meaningless runs and bounded bisection', () => {
  it('marks runs with a spike at every step and gives no class when the onset is one', () => {
    const rs = getPreset('rs').params;
    const curve = fiCurve({ ...rs, d: -20 }, { from: 0, to: 40, steps: 5 });
    expect(curve.points.map((p) => p.meaningless)).toEqual([false, true, true, true, true]);
    expect(curve.excitabilityClass).toBeUndefined();
    expect(curve.meaninglessFrom).toBe(10);
    expect(curve.summary).toMatch(/no excitability class is given/);
    const normal = fiCurve(rs, { from: 0, to: 20, steps: 5 });
    expect(normal.points.every((p) => !p.meaningless)).toBe(true);
    expect(normal.excitabilityClass).toBeDefined();
  });

  it('refuses a tolerance below the float spacing, and ends at the spacing otherwise', () => {
    const rs = getPreset('rs').params;
    expect(() => findRheobase(rs, { from: 0, to: 20, tolerance: 1e-300 })).toThrow(ParameterError);
    expect(() => findRheobase(rs, { from: 1e6, to: 2e6, tolerance: 1e-12 })).toThrow(
      /use at least/,
    );
    const fine = findRheobase(rs, { from: 0, to: 20, tolerance: 1e-13 });
    expect(fine).toBeCloseTo(3.7975, 3);
  });
});
