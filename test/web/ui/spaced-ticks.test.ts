// Unit tests of the canvas axis ticks (no browser needed).
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { spacedTicks } from '../../../web/ui/spaced-ticks.js';

describe('spacedTicks(scale, gap)', () => {
  it('keeps d3’s ticks when they stand far enough apart', () => {
    const scale = scaleLinear().domain([-80, 30]).range([0, 600]);
    expect(spacedTicks(scale, 40)).toEqual(scale.ticks(6));
  });

  it('thins the ticks of −140…30 mV over 330 px so that neighbours stand ≥ 40 px apart', () => {
    const scale = scaleLinear().domain([-140, 30]).range([0, 330]);
    const ticks = spacedTicks(scale, 40);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (let k = 1; k < ticks.length; k++) {
      expect(scale(ticks[k] as number) - scale(ticks[k - 1] as number)).toBeGreaterThanOrEqual(40);
    }
    expect(ticks).toContain(-100);
  });
});
