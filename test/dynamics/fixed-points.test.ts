import { describe, expect, it } from 'vitest';
import {
  classifyJacobian,
  findFixedPoints,
  hopfInput,
  restingState,
  saddleNodeInput,
} from '../../src/dynamics/fixed-points.js';
import { getPreset } from '../../src/presets/lookup.js';

const RS = { a: 0.02, b: 0.2, c: -65, d: 8 };

describe('findFixedPoints(neuron, I)', () => {
  it('finds the RS rest (−70, −14) as a stable node and (−50, −10) as a saddle at I = 0', () => {
    // 0.04 v² + 4.8 v + 140 = 0  →  v = (−4.8 ± 0.8) / 0.08 = −70, −50; u = b v.
    const [rest, saddle] = findFixedPoints(RS, 0);
    expect(rest?.v).toBeCloseTo(-70, 10);
    expect(rest?.u).toBeCloseTo(-14, 10);
    expect(rest?.type).toBe('stable node');
    expect(rest?.stable).toBe(true);
    // J = [[2·0.04·(−70) + 5, −1], [0.02·0.2, −0.02]] = [[−0.6, −1], [0.004, −0.02]]
    expect(rest?.trace).toBeCloseTo(-0.62, 12);
    expect(rest?.determinant).toBeCloseTo(0.016, 12);
    const root = Math.sqrt(0.62 * 0.62 - 4 * 0.016);
    expect(rest?.eigenvalues[0].re).toBeCloseTo((-0.62 + root) / 2, 12);
    expect(rest?.eigenvalues[1].re).toBeCloseTo((-0.62 - root) / 2, 12);
    expect(rest?.eigenvalues[0].im).toBe(0);

    expect(saddle?.v).toBeCloseTo(-50, 10);
    expect(saddle?.u).toBeCloseTo(-10, 10);
    expect(saddle?.type).toBe('saddle');
    expect(saddle?.stable).toBe(false);
    // J = [[1, −1], [0.004, −0.02]]: trace 0.98, det −0.02 + 0.004 = −0.016 < 0.
    expect(saddle?.trace).toBeCloseTo(0.98, 12);
    expect(saddle?.determinant).toBeCloseTo(-0.016, 12);
    const saddleRoot = Math.sqrt(0.98 * 0.98 + 4 * 0.016);
    expect(saddle?.eigenvalues[0].re).toBeCloseTo((0.98 + saddleRoot) / 2, 12);
    expect(saddle?.eigenvalues[1].re).toBeCloseTo((0.98 - saddleRoot) / 2, 12);
  });

  it('loses both fixed points at I = (k1 − b)²/(4·k2) − k0, which is 4 for b = 0.2', () => {
    expect(saddleNodeInput(RS)).toBeCloseTo(4, 12);
    for (const b of [0.1, 0.2, 0.25, 0.26, -0.1]) {
      const neuron = { ...RS, b };
      const closedForm = ((5 - b) * (5 - b)) / (4 * 0.04) - 140;
      expect(saddleNodeInput(neuron)).toBeCloseTo(closedForm, 10);
      expect(findFixedPoints(neuron, closedForm - 1e-6)).toHaveLength(2);
      expect(findFixedPoints(neuron, closedForm + 1e-6)).toHaveLength(0);
    }
  });

  it('uses the general u-nullcline κ·u = b·(v − vb) and the class-1 polynomial', () => {
    const class1 = getPreset('class-1-excitable').params;
    // (4.1 + 0.1)² / 0.16 − 108 = 2.25
    expect(saddleNodeInput(class1)).toBeCloseTo(2.25, 10);
    const shifted = { ...RS, vb: -10, kappa: 2 };
    for (const p of findFixedPoints(shifted, 1)) {
      expect(2 * p.u).toBeCloseTo(0.2 * (p.v + 10), 10);
      expect(0.04 * p.v * p.v + 5 * p.v + 140 + 1 - p.u).toBeCloseTo(0, 9);
    }
  });

  it('gives the accommodation form (κ = 0) one fixed point at v = vb at every input', () => {
    const accommodation = getPreset('accommodation').params;
    for (const I of [-10, 0, 4, 100]) {
      const points = findFixedPoints(accommodation, I);
      expect(points).toHaveLength(1);
      expect(points[0]?.v).toBe(-65);
      expect(points[0]?.u).toBeCloseTo(0.04 * 65 * 65 - 5 * 65 + 140 + I, 10);
    }
    expect(saddleNodeInput(accommodation)).toBeUndefined();
    expect(hopfInput(accommodation)).toBeUndefined();
  });

  it('finds the resonator rest a stable focus (complex eigenvalues)', () => {
    const rest = restingState(getPreset('resonator').params, 0);
    expect(rest?.type).toBe('stable focus');
    expect(rest?.eigenvalues[0].im).toBeGreaterThan(0);
    expect(rest?.eigenvalues[1].im).toBe(-(rest?.eigenvalues[0].im as number));
  });

  it('returns no fixed point when u does not move (a = 0)', () => {
    expect(findFixedPoints({ ...RS, a: 0 }, 0)).toEqual([]);
  });
});

describe('hopfInput(neuron)', () => {
  it('puts the class-2 neuron\u2019s Andronov–Hopf at v = −60, I = 0.4, below its saddle-node', () => {
    const class2 = getPreset('class-2-excitable').params;
    const hopf = hopfInput(class2);
    expect(hopf?.v).toBeCloseTo(-60, 10);
    expect(hopf?.I).toBeCloseTo(0.4, 10);
    expect(saddleNodeInput(class2)).toBeCloseTo(0.4225, 10);
    expect(restingState(class2, 0.39)?.type).toBe('stable focus');
    expect(findFixedPoints(class2, 0.41)[0]?.type).toBe('unstable focus');
  });

  it('is undefined when the trace-zero point is a saddle (class 1: b < 0)', () => {
    expect(hopfInput(getPreset('class-1-excitable').params)).toBeUndefined();
  });
});

describe('classifyJacobian(trace, det)', () => {
  it('names saddles, nodes, foci, centres and saddle-nodes', () => {
    expect(classifyJacobian(1, -1)).toBe('saddle');
    expect(classifyJacobian(-3, 1)).toBe('stable node');
    expect(classifyJacobian(3, 1)).toBe('unstable node');
    expect(classifyJacobian(-1, 1)).toBe('stable focus');
    expect(classifyJacobian(1, 1)).toBe('unstable focus');
    expect(classifyJacobian(0, 1)).toBe('center');
    expect(classifyJacobian(-1, 0)).toBe('saddle-node');
  });
});
