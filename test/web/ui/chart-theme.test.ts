// Unit tests of the time- and value-axis labels shared by the explorer's charts (no browser needed).
import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { TIME_AXIS, VALUE_AXIS } from '../../../web/ui/chart-theme.js';

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

describe('VALUE_AXIS', () => {
  const values = VALUE_AXIS.values as (chart: uPlot, splits: number[]) => string[];

  it('values(chart, splits) prints millivolts and small steps as uPlot does', () => {
    expect(values(chart, [-80, -40, 0, 40])).toEqual(['-80', '-40', '0', '40']);
    expect(values(chart, [0.1 + 0.2, 0.0001, 2500])).toEqual(['0.3', '0.0001', '2,500']);
  });

  it('values(chart, splits) writes ticks from 100,000 up in powers of ten, short enough for the axis', () => {
    const labels = values(chart, [-250000000, -125000000, 0, 25000000]);
    expect(labels).toEqual(['-2.5e8', '-1.25e8', '0', '2.5e7']);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(7);
  });
});
