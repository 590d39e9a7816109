import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { phasePlane } from '../../src/dynamics/phase-plane.js';
import { insidePlane, trajectoryMarkup } from '../../src/dynamics/phase-trajectory.js';

const plane = phasePlane({ a: 0.02, b: 0.2, c: -65, d: 8 }, 10, {
  vRange: [-80, 40],
  uRange: [-20, 10],
});
const box = { x: 0, y: 0, width: 120, height: 30 };
const vScale = scaleLinear().domain([-80, 40]).range([0, 120]);
const uScale = scaleLinear().domain([-20, 10]).range([30, 0]);

describe('insidePlane(plane, v, u)', () => {
  it('is true inside the window and on its edges, false outside', () => {
    expect(insidePlane(plane, -65, 0)).toBe(true);
    expect(insidePlane(plane, 40, -20)).toBe(true);
    expect(insidePlane(plane, 41, 0)).toBe(false);
    expect(insidePlane(plane, -65, 11)).toBe(false);
  });
});

describe('trajectoryMarkup(plane, traj, vScale, uScale, box)', () => {
  it('draws the path, a dotted reset jump with its landing for each spike, and the start', () => {
    const traj = { v: [-70, -60, 30, -50], u: [-14, -13, -5, -4] };
    const svg = trajectoryMarkup(plane, traj, vScale, uScale, box);
    expect(svg).toContain('class="trajectory"');
    expect(svg).toContain('class="trajectory-start"');
    expect(svg.match(/stroke-dasharray="1.5 2.5"/g)).toHaveLength(1);
    // The spike is drawn up to vpeak at the u before the jump, then resumes from v = c.
    expect(svg).toContain('d="M10,24L20,23L110,23M15,15L30,14"');
    expect(svg).toContain('<path d="M110,23L15,15"');
    expect(svg).toContain('<circle cx="15" cy="15" r="2.2"');
  });

  it('is empty for fewer than two samples', () => {
    expect(trajectoryMarkup(plane, { v: [-70], u: [-14] }, vScale, uScale, box)).toBe('');
  });
});
