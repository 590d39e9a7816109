/**
 * The network view's small line charts (population rate, spectrum, one neuron's v(t)), in the
 * explorer's style.
 */
import uPlot from 'uplot';
import { TIME_AXIS, axis } from '../ui/chart-theme.js';

/**
 * A uPlot line of `label` against `xLabel` (no label: the raster's time axis above says it),
 * in `color`; charts with the same `sync` key share their cursor.
 */
export function lineChart(
  label: string,
  xLabel: string | undefined,
  color: string,
  sync: string | undefined,
): uPlot {
  const holder = document.createElement('div');
  const empty = new Float64Array(0);
  return new uPlot(
    {
      width: 400,
      height: 120,
      legend: { show: false },
      cursor: {
        drag: { x: false, y: false },
        ...(sync === undefined ? {} : { sync: { key: sync } }),
      },
      scales: { x: { time: false } },
      series: [{}, { label, stroke: color, width: 1.25, points: { show: false } }],
      // Without a label the time axis is the raster's, just above: ticks only.
      axes: [
        xLabel === undefined
          ? axis(undefined, { size: 24, ...TIME_AXIS })
          : axis(xLabel, { size: 30, labelSize: 16, labelGap: 0, ...TIME_AXIS }),
        axis(label, { size: 64, space: 18 }),
      ],
    },
    [empty, empty],
    holder,
  );
}
