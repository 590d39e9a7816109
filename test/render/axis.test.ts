import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { boxBesideLeftAxis, leftAxisWidth } from '../../src/render/axis.js';

describe('boxBesideLeftAxis(scale, title, width, height, margin)', () => {
  it('starts 14 px beyond the left axis and fills the width up to the right margin', () => {
    const scale = scaleLinear().domain([0, 1000]);
    const box = boxBesideLeftAxis(scale, 'rate (Hz)', 600, 300, { top: 50, right: 20 });
    const gutter = leftAxisWidth(scale, 300, 'rate (Hz)') + 14;
    expect(box).toEqual({ x: gutter, y: 50, width: 600 - gutter - 20, height: 300 });
  });

  it('leaves more room for wider tick labels', () => {
    const margin = { top: 0, right: 0 };
    const narrow = boxBesideLeftAxis(scaleLinear().domain([0, 1]), 'u', 600, 300, margin);
    const wide = boxBesideLeftAxis(scaleLinear().domain([0, 100000]), 'u', 600, 300, margin);
    expect(wide.x).toBeGreaterThan(narrow.x);
    expect(wide.x + wide.width).toBeCloseTo(600, 9);
  });
});
