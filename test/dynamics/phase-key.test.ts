import { describe, expect, it } from 'vitest';
import type { FixedPoint } from '../../src/dynamics/fixed-points.js';
import { fixedPointMarker, PHASE_COLOURS, phaseLegend } from '../../src/dynamics/phase-key.js';

function point(type: FixedPoint['type'], stable: boolean): FixedPoint {
  const zero = { re: 0, im: 0 };
  return {
    v: 0,
    u: 0,
    type,
    stable,
    trace: 0,
    determinant: 0,
    discriminant: 0,
    eigenvalues: [zero, zero],
  };
}

describe('fixedPointMarker(point, x, y)', () => {
  it('fills stable points, rings unstable ones and crosses a square for saddles', () => {
    const stable = fixedPointMarker(point('stable focus', true), 10, 20);
    expect(stable).toContain('class="fixed-point fixed-point-stable-focus"');
    expect(stable).toMatch(/<circle[^>]*cx="10"[^>]*cy="20"[^>]*fill="#000000"/);
    expect(fixedPointMarker(point('unstable node', false), 0, 0)).toContain('fill="#ffffff"');
    const saddle = fixedPointMarker(point('saddle', false), 0, 0);
    expect(saddle).toContain('fixed-point-saddle');
    expect(saddle).toContain('<rect');
    expect(saddle.match(/<line/g)).toHaveLength(2);
  });
});

describe('phaseLegend(x, y, withTrajectory)', () => {
  it('names the nullclines and the kinds of fixed point, and the trajectory only with one', () => {
    const without = phaseLegend(50, 100, false);
    for (const label of ['v-nullcline (dv/dt = 0)', 'u-nullcline (du/dt = 0)', 'stable', 'saddle'])
      expect(without).toContain(label);
    expect(without).not.toContain('trajectory');
    expect(without).not.toContain('reset jump');
    const withRun = phaseLegend(50, 100, true);
    expect(withRun).toContain('trajectory');
    expect(withRun).toContain('reset jump');
    expect(withRun).toContain(`stroke="${PHASE_COLOURS.reset}"`);
  });
});
