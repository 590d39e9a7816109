import { describe, expect, it } from 'vitest';
import { fiCurve } from '../../src/dynamics/fi-curve.js';
import { renderFiCurve } from '../../src/dynamics/render-fi.js';
import { getPreset } from '../../src/presets/lookup.js';

describe('renderFiCurve(curve)', () => {
  it('draws the curve, the rheobase and the class', () => {
    const curve = fiCurve(getPreset('class-2-excitable').params, { from: 0, to: 2, steps: 5 });
    const svg = renderFiCurve(curve, { title: 'f–I' });
    expect(svg).toContain('data-figure="fi-curve"');
    expect(svg).toContain('class="rheobase"');
    expect(svg).toContain('Class 2');
  });
});
