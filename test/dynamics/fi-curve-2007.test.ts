import { describe, expect, it } from 'vitest';
import { bookConstantInputModel, bookFiCurve } from '../../src/dynamics/fi-curve-2007.js';
import { bookPhasePlane } from '../../src/dynamics/phase-plane-2007.js';
import { simulate2007 } from '../../src/model/simulate-2007.js';
import { getBookPreset } from '../../src/presets/lookup-2007.js';

describe('bookFiCurve(neuron, options)', () => {
  it("RS is Class 1 with its rheobase near the equations' saddle-node input", () => {
    const rs = getBookPreset('rs-2007').params;
    const curve = bookFiCurve(rs, { from: 0, to: 200, steps: 5 });
    expect(curve.excitabilityClass).toBe('class 1');
    const saddleNode = bookPhasePlane(rs, 0).saddleNodeInput as number;
    expect(Math.abs((curve.rheobase as number) - saddleNode)).toBeLessThan(1);
    const rates = curve.points.map((p) => p.rate);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThanOrEqual(rates[i - 1]!);
  });

  it('FS, with its cubic u-nullcline, is Class 2: it starts at a non-zero rate', () => {
    const curve = bookFiCurve(getBookPreset('fs-2007').params, { from: 0, to: 200, steps: 3 });
    expect(curve.excitabilityClass).toBe('class 2');
    expect(curve.rheobase).toBeGreaterThan(70);
    expect(curve.rheobase).toBeLessThan(80);
    expect(curve.onsetRate).toBeGreaterThan(10);
  });
});

describe('bookConstantInputModel(neuron)', () => {
  it('counts the spikes simulate2007 records from the same start and input', () => {
    for (const id of ['rs-2007', 'ch-2007', 'lts-2007', 'tc-2007']) {
      const neuron = getBookPreset(id).params;
      const model = bookConstantInputModel(neuron);
      for (const I of [0, 150, 400]) {
        const start = model.start(I);
        const spikes = new Float64Array(4001);
        const count = model.run(start.v, start.u, I, 0.25, 4000, spikes);
        const run = simulate2007({
          ...neuron,
          v0: start.v,
          u0: start.u,
          dt: 0.25,
          duration: 4001 * 0.25,
          input: I,
        });
        expect(Array.from(spikes.subarray(0, count))).toEqual(Array.from(run.spikes));
      }
    }
  });

  it('reports a diverging run as −1', () => {
    const model = bookConstantInputModel({ ...getBookPreset('rs-2007').params, a: 1 });
    expect(model.run(-60, 1, 0, 5, 2000, new Float64Array(2001))).toBe(-1);
  });
});
