import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { phasePlane } from '../../src/dynamics/phase-plane.js';
import { simulate } from '../../src/model/simulate.js';
import { getPreset, presetOptions } from '../../src/presets/lookup.js';

const RS = { a: 0.02, b: 0.2, c: -65, d: 8 };

describe('phasePlane(neuron, I, options)', () => {
  it('samples the v-nullcline u = k2 v² + k1 v + k0 + I and draws the u-nullcline u = b v', () => {
    const plane = phasePlane(RS, 3, { vRange: [-80, 30], uRange: [-20, 10], samples: 111 });
    expect(plane.vNullcline.v).toHaveLength(111);
    expect(plane.vNullcline.v[10]).toBeCloseTo(-70, 12);
    expect(plane.vNullcline.u[10]).toBeCloseTo(0.04 * 4900 - 350 + 140 + 3, 10);
    expect(Array.from(plane.uNullcline.u)).toEqual([-16, 6]);
    expect(plane.fixedPoints.map((p) => p.type)).toEqual(['stable node', 'saddle']);
    expect(plane.reset).toBe(-65);
    expect(plane.vpeak).toBe(30);
    expect(plane.saddleNodeInput).toBeCloseTo(4, 12);
  });

  it('draws the accommodation u-nullcline as the vertical line v = vb', () => {
    const plane = phasePlane(getPreset('accommodation').params, 0, { uRange: [-30, 10] });
    expect(Array.from(plane.uNullcline.v)).toEqual([-65, -65]);
    expect(Array.from(plane.uNullcline.u)).toEqual([-30, 10]);
  });

  it('fits its window to the trajectory, the reset and vpeak', () => {
    const run = simulate(presetOptions('ch'));
    const trace = run.trace as NonNullable<typeof run.trace>;
    const plane = phasePlane(getPreset('ch').params, 10, { trajectory: trace });
    expect(plane.vRange[0]).toBeLessThan(Math.min(...trace.v));
    expect(plane.vRange[1]).toBeGreaterThan(30);
    expect(plane.uRange[0]).toBeLessThan(Math.min(...trace.u));
    expect(plane.uRange[1]).toBeGreaterThan(Math.max(...trace.u));
  });

  it('gives a direction field pointing along (dv/dt, du/dt)', () => {
    const plane = phasePlane(RS, 0, { vRange: [-80, 30], uRange: [-20, 10], fieldSize: 4 });
    expect(plane.field.v).toHaveLength(16);
    const k = 5;
    const v = plane.field.v[k] as number;
    const u = plane.field.u[k] as number;
    expect(plane.field.dv[k]).toBeCloseTo(0.04 * v * v + 5 * v + 140 - u, 10);
    expect(plane.field.du[k]).toBeCloseTo(0.02 * (0.2 * v - u), 12);
  });

  it('rejects an empty window', () => {
    expect(() => phasePlane(RS, 0, { vRange: [10, -10] })).toThrow(ParameterError);
  });
});

describe('phasePlane: results that are not finite are errors', () => {
  it('refuses a fixed point at infinity and NaN eigenvalues, naming the quantity', async () => {
    const { phasePlane: plane } = await import('../../src/dynamics/phase-plane.js');
    const { ParameterError: Refused } = await import('../../src/errors.js');
    const rs = { a: 0.02, b: 0.2, c: -65, d: 8 };
    expect(() => plane({ ...rs, a: 1e300, b: 1e300 }, 0)).toThrow(Refused);
    expect(() => plane({ ...rs, b: 1e300 }, 0)).toThrow(/the fixed point’s v is Infinity/);
    expect(() => plane({ ...rs, kappa: 1e-320 }, 0)).toThrow(/is NaN/);
    expect(plane(rs, 10).fixedPoints.length).toBeGreaterThanOrEqual(0);
  });

  it('refuses vpeak at or below the reset c', async () => {
    const { phasePlane: plane } = await import('../../src/dynamics/phase-plane.js');
    expect(() => plane({ a: 0.02, b: 0.2, c: -65, d: 8, vpeak: -70 }, 0)).toThrow(/vpeak/);
    expect(() => plane({ a: 0.02, b: 0.2, c: -65, d: 8, vpeak: -65 }, 0)).toThrow(/vpeak/);
  });
});
