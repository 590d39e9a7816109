// Unit tests of the time-axis labels shared by the explorer's charts (no browser needed).
import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { TIME_AXIS } from '../../../web/ui/chart-theme.js';

const chart = {} as uPlot;

describe('TIME_AXIS', () => {
  it('values(chart, splits) prints 1000 ms as 1000, without the separator a short axis clipped to "1.000"', () => {
    const values = TIME_AXIS.values as (chart: uPlot, splits: number[]) => string[];
    expect(values(chart, [0, 500, 1000, 300000])).toEqual(['0', '500', '1000', '300000']);
    expect(values(chart, [0.1 + 0.2, 2.5])).toEqual(['0.3', '2.5']);
  });

  it('space(chart, axis, min, max) leaves room for six-digit labels and at least 50 px', () => {
    const space = TIME_AXIS.space as (
      chart: uPlot,
      axis: number,
      min: number,
      max: number,
    ) => number;
    expect(space(chart, 0, 0, 150)).toBe(50);
    expect(space(chart, 0, 0, 300000)).toBeGreaterThanOrEqual(6 * 8);
    expect(space(chart, 0, 0, 300000)).toBeGreaterThan(space(chart, 0, 0, 1000));
  });
});
