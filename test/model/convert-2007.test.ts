import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { to2003, to2007 } from '../../src/model/convert-2007.js';
import { simulate } from '../../src/model/simulate.js';
import { simulate2007 } from '../../src/model/simulate-2007.js';
import { bookPresetOptions } from '../../src/presets/lookup-2007.js';

const RS_2003 = { a: 0.02, b: 0.2, c: -65, d: 8 };

describe('to2007(neuron)', () => {
  it('gives C = 1, k = 0.04 and vr, vt the roots of 0.04v² + 5v + 140, u and I shifted by b·vr', () => {
    const { params, map } = to2007(RS_2003);
    expect(params.C).toBe(1);
    expect(params.k).toBe(0.04);
    for (const root of [params.vr, params.vt]) {
      expect(Math.abs(0.04 * root * root + 5 * root + 140)).toBeLessThan(1e-10);
    }
    expect(params.vr).toBeLessThan(params.vt);
    expect(params.vr).toBeCloseTo((-5 - Math.sqrt(25 - 22.4)) / 0.08, 10);
    expect(map).toEqual({ scale: 1, offset: -0.2 * params.vr });
  });

  it('describes the same equations: rk4 runs of both forms fire at the same times', () => {
    const { params, map } = to2007(RS_2003);
    const v0 = -70;
    const u0 = 0.2 * v0;
    const steps = { dt: 0.25, duration: 300, integrator: 'rk4', substeps: 20 } as const;
    const original = simulate({ ...RS_2003, v0, ...steps, input: '10*(t>20)' });
    const converted = simulate2007({
      ...params,
      v0,
      u0: map.scale * u0 + map.offset,
      ...steps,
      input: `${map.scale}*10*(t>20) + ${map.offset}`,
    });
    expect(original.spikes.length).toBeGreaterThan(3);
    expect(converted.spikes.length).toBe(original.spikes.length);
    original.spikes.forEach((t, i) => expect(converted.spikes[i]).toBeCloseTo(t, 6));
  });

  it('refuses what is not exact: κ = 0, no real roots', () => {
    expect(() => to2007({ ...RS_2003, kappa: 0, vb: -65 })).toThrow(ParameterError);
    expect(() => to2007({ ...RS_2003, k0: 200 })).toThrow(/no two real roots/);
    // The class-1 and integrator protocols of [2004]: 4.1² < 4·0.04·108.
    expect(() => to2007({ ...RS_2003, k1: 4.1, k0: 108 })).toThrow(/no two real roots/);
  });
});

describe('to2003(neuron, vb)', () => {
  it('takes a 2003 neuron back to itself through the 2007 form', () => {
    const there = to2007(RS_2003);
    const back = to2003(there.params, 0);
    expect(back.params.k2).toBeCloseTo(0.04, 14);
    expect(back.params.k1).toBeCloseTo(5, 12);
    expect(back.params.k0).toBeCloseTo(140, 10);
    expect(back.params).toMatchObject({ a: 0.02, b: 0.2, c: -65, d: 8, vb: 0, kappa: 1 });
    // The two shifts cancel.
    expect(back.map.offset + there.map.offset).toBeCloseTo(0, 12);
  });

  it("describes the book's RS neuron exactly: rk4 runs of both forms fire at the same times", () => {
    const book = bookPresetOptions('rs-2007');
    const { params, map } = to2003(book);
    expect(params.k2).toBeCloseTo(0.007, 15);
    expect(params.vb).toBe(-60);
    const steps = { dt: 1, duration: 1000, integrator: 'rk4', substeps: 50 } as const;
    const original = simulate2007({ ...book, ...steps });
    const converted = simulate({
      ...params,
      v0: -60,
      u0: map.offset,
      ...steps,
      input: `${map.scale}*70*(t>=100) + ${map.offset}`,
    });
    expect(original.spikes.length).toBe(6);
    expect(converted.spikes.length).toBe(6);
    original.spikes.forEach((t, i) => expect(converted.spikes[i]).toBeCloseTo(t, 6));
  });

  it('refuses the cell-type terms of the book', () => {
    expect(() => to2003(bookPresetOptions('lts-2007'))).toThrow(/vpeakU is a cell-type term/);
    expect(() => to2003(bookPresetOptions('fs-2007'))).toThrow(/cubicVb/);
    expect(() => to2003(bookPresetOptions('tc-2007'))).toThrow(ParameterError);
  });
});
