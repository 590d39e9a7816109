import { describe, expect, it } from 'vitest';
import { phasePlane } from '../../src/dynamics/phase-plane.js';
import { renderPhasePlane } from '../../src/dynamics/render-phase.js';
import { simulate } from '../../src/model/simulate.js';
import { getPreset, presetOptions } from '../../src/presets/lookup.js';

describe('renderPhasePlane(plane, options)', () => {
  it('draws both nullclines, the fixed points by stability, reset and vpeak lines and the trajectory', () => {
    const run = simulate(presetOptions('resonator'));
    const trajectory = run.trace as NonNullable<typeof run.trace>;
    const svg = renderPhasePlane(phasePlane(getPreset('resonator').params, 0, { trajectory }), {
      trajectory,
    });
    expect(svg).toMatch(/^<svg[^>]+data-figure="phase-plane"/);
    expect(svg).toContain('class="nullcline nullcline-v"');
    expect(svg).toContain('class="nullcline nullcline-u"');
    expect(svg).toContain('fixed-point-stable-focus');
    expect(svg).toContain('fixed-point-saddle');
    expect(svg).toContain('reset v = c = −60');
    expect(svg).toContain('vpeak = 30');
    expect(svg).toContain('class="trajectory"');
    expect(svg).toContain('damped oscillations');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
