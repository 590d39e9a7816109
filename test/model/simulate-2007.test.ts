import { describe, expect, it } from 'vitest';
import { DivergenceError, ExpressionError, ParameterError } from '../../src/errors.js';
import type { BookNeuronParameters } from '../../src/model/izhikevich-2007.js';
import { simulate2007 } from '../../src/model/simulate-2007.js';

/** The book's RS neuron, chapter 8, Fig. 8.12 and its MATLAB code. */
const RS: BookNeuronParameters = {
  C: 100,
  k: 0.7,
  vr: -60,
  vt: -40,
  vpeak: 35,
  a: 0.03,
  b: -2,
  c: -50,
  d: 100,
};

interface Terms {
  vpeakU?: number;
  cU?: number;
  uMax?: number;
  bHyper?: number;
  vHyper?: number;
  cubicVb?: number;
}

/**
 * The book's loop written out as its MATLAB code is, with arrays v(1…n), u(1…n) and I(1…n), the
 * special terms of chapter 8 spelled out inline; independent of the engine.
 */
function bookLoop(
  p: BookNeuronParameters & Terms,
  tau: number,
  T: number,
  current: (t: number) => number,
  v0 = p.vr,
  u0 = 0,
): { v: number[]; u: number[]; spikes: number[] } {
  const n = Math.round(T / tau);
  const v: number[] = new Array<number>(n).fill(v0);
  const u: number[] = new Array<number>(n).fill(0);
  u[0] = u0;
  const I: number[] = [];
  for (let i = 0; i < n; i++) I.push(current(i * tau));
  const spikes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const vi = v[i] as number;
    const ui = u[i] as number;
    v[i + 1] = vi + (tau * (p.k * (vi - p.vr) * (vi - p.vt) - ui + (I[i] as number))) / p.C;
    let drive: number;
    if (p.cubicVb !== undefined) {
      drive = vi < p.cubicVb ? 0 : p.b * (vi - p.cubicVb) * (vi - p.cubicVb) * (vi - p.cubicVb);
    } else {
      const b = p.vHyper !== undefined && vi <= p.vHyper ? (p.bHyper as number) : p.b;
      drive = b * (vi - p.vr);
    }
    u[i + 1] = ui + tau * p.a * (drive - ui);
    const peak = p.vpeak + (p.vpeakU ?? 0) * (u[i + 1] as number);
    if ((v[i + 1] as number) >= peak) {
      spikes.push((i + 1) * tau);
      v[i] = peak;
      v[i + 1] = p.c + (p.cU ?? 0) * (u[i + 1] as number);
      u[i + 1] = Math.min((u[i + 1] as number) + p.d, p.uMax ?? Infinity);
    }
  }
  return { v, u, spikes };
}

/** A small seeded generator (xorshift) so that failures can be reproduced. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

describe('simulate2007(options) with the book scheme', () => {
  it("gives the book's RS neuron the spike times of SPEC §10 exactly", () => {
    const result = simulate2007({ ...RS, dt: 1, duration: 1000, input: '70*(t>=100)' });
    expect(Array.from(result.spikes)).toEqual([203, 350, 499, 649, 796, 943]);
    expect(result.v0).toBe(-60);
    expect(result.u0).toBe(0);
    expect(result.trace?.t.length).toBe(1000);
    expect(result.trace?.t[999]).toBe(999);
  });

  it('pads the trace to vpeak at t_i and shows c at t_(i+1) for a spike at t_(i+1)', () => {
    const result = simulate2007({ ...RS, dt: 1, duration: 1000, input: '70*(t>=100)' });
    const v = result.trace?.v as Float64Array;
    expect(v[202]).toBe(35);
    expect(v[203]).toBe(-50);
    const peaks: number[] = [];
    for (let i = 0; i < v.length; i++) if (v[i] === 35) peaks.push(i + 1);
    expect(peaks).toEqual(Array.from(result.spikes));
  });

  it('advances v and u from the old values, hand-stepped', () => {
    const result = simulate2007({ ...RS, v0: -55, u0: 3, dt: 0.5, duration: 2, input: 't' });
    const { C, k, vr, vt, a, b } = RS;
    let v = -55;
    let u = 3;
    for (let i = 0; i < 4; i++) {
      expect(result.trace?.v[i]).toBe(v);
      expect(result.trace?.u[i]).toBe(u);
      expect(result.trace?.I[i]).toBe(i * 0.5);
      const vNext = v + (0.5 * (k * (v - vr) * (v - vt) - u + i * 0.5)) / C;
      u = u + 0.5 * a * (b * (v - vr) - u);
      v = vNext;
    }
  });

  it('equals an independent loop of the book scheme for random neurons and steps', () => {
    const random = generator(2007);
    let totalSpikes = 0;
    for (let trial = 0; trial < 60; trial++) {
      const vr = -80 + 30 * random();
      const special: Terms = {};
      const kind = trial % 4;
      if (kind === 1) Object.assign(special, { vpeakU: -0.1 * random(), cU: 0.05 * random() });
      if (kind === 1) special.uMax = 200 + 600 * random();
      if (kind === 2) Object.assign(special, { bHyper: 20 * random(), vHyper: vr - 5 });
      if (kind === 3) special.cubicVb = vr + 5 * random();
      const p: BookNeuronParameters & Terms = {
        C: 20 + 180 * random(),
        k: 0.2 + 1.5 * random(),
        vr,
        vt: vr + 10 + 20 * random(),
        vpeak: 20 + 30 * random(),
        a: 0.005 + 0.2 * random(),
        b: kind === 3 ? 0.025 : -3 + 12 * random(),
        c: vr + 15 * random(),
        d: 150 * random(),
        ...special,
      };
      const dt = [0.1, 0.25, 0.5, 1][trial % 4] as number;
      const onset = Math.round(50 * random());
      const amplitude = Math.round(600 * random());
      const result = simulate2007({
        ...p,
        dt,
        duration: 300,
        input: `${amplitude}*(t>=${onset})`,
      });
      const loop = bookLoop(p, dt, 300, (t) => amplitude * (t >= onset ? 1 : 0));
      expect(Array.from(result.spikes)).toEqual(loop.spikes);
      expect(Array.from(result.trace?.v as Float64Array)).toEqual(loop.v);
      expect(Array.from(result.trace?.u as Float64Array)).toEqual(loop.u);
      totalSpikes += loop.spikes.length;
    }
    expect(totalSpikes).toBeGreaterThan(100);
  });

  it('records the same spikes with spikesOnly and no trace', () => {
    const full = simulate2007({ ...RS, dt: 1, duration: 1000, input: '70*(t>=100)' });
    const bare = simulate2007({
      ...RS,
      dt: 1,
      duration: 1000,
      input: '70*(t>=100)',
      spikesOnly: true,
    });
    expect(bare.trace).toBeUndefined();
    expect(Array.from(bare.spikes)).toEqual(Array.from(full.spikes));
  });
});

describe('simulate2007(options) with euler and rk4', () => {
  it('converge to the same spike times as the sub-step shrinks', () => {
    const run = (integrator: 'euler' | 'rk4', substeps: number) =>
      Array.from(
        simulate2007({
          ...RS,
          dt: 1,
          duration: 1000,
          input: '70*(t>=100)',
          integrator,
          substeps,
        }).spikes,
      );
    const fine = run('rk4', 200);
    expect(fine.length).toBe(6);
    const coarse = run('euler', 10);
    const finer = run('euler', 400);
    const error = (s: number[]) => Math.max(...s.map((t, i) => Math.abs(t - (fine[i] as number))));
    expect(finer.length).toBe(6);
    expect(error(finer)).toBeLessThan(error(coarse));
    expect(error(finer)).toBeLessThan(0.5);
    expect(error(run('rk4', 50))).toBeLessThan(error(coarse));
  });

  it('start the trace at (v0, u0) and sample I at the grid times', () => {
    const result = simulate2007({ ...RS, dt: 0.5, duration: 10, input: 't', integrator: 'rk4' });
    expect(result.trace?.v[0]).toBe(-60);
    expect(result.trace?.u[0]).toBe(0);
    expect(result.trace?.I[3]).toBe(1.5);
    expect(result.trace?.t.length).toBe(20);
  });
});

describe('simulate2007(options) rejects bad input', () => {
  const base = { ...RS, dt: 1, duration: 100 };
  it.each([
    [{ C: 0 }, 'C'],
    [{ C: -5 }, 'C'],
    [{ k: 0 }, 'k'],
    [{ vpeak: -50 }, 'vpeak'],
    [{ vpeak: -60 }, 'vpeak'],
    [{ a: NaN }, 'a'],
    [{ vt: Infinity }, 'vt'],
    [{ bHyper: 15 }, 'vHyper'],
    [{ uMax: NaN }, 'uMax'],
    [{ v0: NaN }, 'v0'],
    [{ dt: 0 }, 'dt'],
    [{ dt: 200 }, 'dt'],
    [{ duration: -1 }, 'duration'],
    [{ integrator: 'heun' }, 'integrator'],
    [{ substeps: 4 }, 'substeps'],
  ])('%o is a ParameterError on %s', (change, parameter) => {
    const run = () => simulate2007({ ...base, ...(change as object) });
    expect(run).toThrow(ParameterError);
    try {
      run();
    } catch (error) {
      expect((error as ParameterError).parameter).toBe(parameter);
      expect((error as Error).message).not.toMatch(/\n/);
    }
  });

  it('an input that does not parse is an ExpressionError and nothing runs', () => {
    expect(() => simulate2007({ ...base, input: '70*(t>' })).toThrow(ExpressionError);
  });

  it('a step too large for the neuron stops with a DivergenceError naming the time', () => {
    // a·dt = 5: u is multiplied by −4 each step until it overflows.
    const run = () => simulate2007({ ...RS, a: 1, u0: 1, dt: 5, duration: 10000 });
    expect(run).toThrow(DivergenceError);
    expect(run).toThrow(/diverged at t = \d+ ms .*smaller dt than 5 ms/);
  });
});
