import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { findFixedPoints } from '../../src/dynamics/fixed-points.js';
import { bookPhasePlane, findBookFixedPoints } from '../../src/dynamics/phase-plane-2007.js';
import { renderPhasePlane } from '../../src/dynamics/render-phase.js';
import { to2003 } from '../../src/model/convert-2007.js';
import { getBookPreset } from '../../src/presets/lookup-2007.js';
import { byClass, parseSvg } from '../render/svg-xml.js';

const RS = getBookPreset('rs-2007').params;

describe('findBookFixedPoints(neuron, I)', () => {
  it('for a neuron without cell-type terms: those of its exact 2003 form, u times C', () => {
    const equivalent = to2003(RS).params;
    for (const I of [0, 30, 50]) {
      const book = findBookFixedPoints(RS, I);
      const paper = findFixedPoints(equivalent, I / RS.C);
      expect(book.length).toBe(2);
      expect(book.map((p) => p.type)).toEqual(paper.map((p) => p.type));
      book.forEach((p, i) => {
        expect(p.v).toBeCloseTo(paper[i]!.v, 9);
        expect(p.u).toBeCloseTo(paper[i]!.u * RS.C, 7);
      });
    }
    expect(findBookFixedPoints(RS, 60)).toEqual([]);
  });

  it.each(['fs-2007', 'tc-2007', 'rtn-2007', 'lts-2007'])(
    '%s: each fixed point lies on both nullclines, rest at vr is stable',
    (id) => {
      const p = getBookPreset(id).params;
      for (const I of [0, 20, -40]) {
        const plane = bookPhasePlane(p, I, { samples: 2001 });
        for (const point of plane.fixedPoints) {
          const onV = p.k * (point.v - p.vr) * (point.v - p.vt) + I;
          expect(point.u).toBeCloseTo(onV, 9);
          let drive: number;
          if (p.cubicVb !== undefined) {
            drive = point.v < p.cubicVb ? 0 : p.b * (point.v - p.cubicVb) ** 3;
          } else {
            const b = p.vHyper !== undefined && point.v <= p.vHyper ? p.bHyper! : p.b;
            drive = b * (point.v - p.vr);
          }
          expect(Math.abs(point.u - drive)).toBeLessThan(1e-6 * Math.max(1, Math.abs(drive)));
        }
      }
      const rest = findBookFixedPoints(p, 0).find((f) => Math.abs(f.v - p.vr) < 1e-9);
      expect(rest?.stable).toBe(true);
    },
  );
});

describe('bookPhasePlane(neuron, I)', () => {
  it("gives the saddle-node input of the quadratic's discriminant, in pA", () => {
    const { k, vr, vt, b } = RS;
    const expected = (k * (vr + vt) + b) ** 2 / (4 * k) - k * vr * vt - b * vr;
    expect(bookPhasePlane(RS, 0).saddleNodeInput).toBeCloseTo(expected, 8);
    expect(bookPhasePlane(getBookPreset('fs-2007').params, 0).saddleNodeInput).toBeUndefined();
  });

  it("draws FS's u-nullcline as 0 below vb and the cubic above", () => {
    const fs = getBookPreset('fs-2007').params;
    const plane = bookPhasePlane(fs, 100);
    const { v, u } = plane.uNullcline;
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      expect(u[i]).toBe(x < -55 ? 0 : 0.025 * (x + 55) * (x + 55) * (x + 55));
    }
    const svg = renderPhasePlane(plane);
    const path = byClass(parseSvg(svg), 'nullcline-u')[0]!.getAttribute('d')!;
    expect(path.split(/[ML]/).length).toBeGreaterThan(10);
  });

  it('fits a trajectory and rejects bad windows', () => {
    const plane = bookPhasePlane(RS, 70, { trajectory: { v: [-90, 30], u: [-500, 400] } });
    expect(plane.vRange[0]).toBeLessThan(-90);
    expect(plane.uRange[1]).toBeGreaterThan(400);
    expect(() => bookPhasePlane(RS, 0, { vRange: [0, -10] })).toThrow(ParameterError);
    expect(() => bookPhasePlane(RS, NaN)).toThrow(ParameterError);
  });
});
