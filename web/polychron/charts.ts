/**
 * The polychronization view's charts: the raster of the last second and the picture of one
 * group (both painted on a uPlot's canvas, so that they share the explorer's axes), the rates of
 * the two populations, and the weight histogram as bars.
 */
import uPlot from 'uplot';
import { COLORS, TIME_AXIS, axis } from '../ui/chart-theme.js';
import { groupLinks } from './group-links.js';
import type { GroupPicture } from './protocol.js';

/** A uPlot with no series of its own whose plotting area `paint` draws, in `ranges`. */
function paintedChart(
  xLabel: string,
  yLabel: string,
  ranges: () => { x: [number, number]; y: [number, number] },
  paint: (u: uPlot, x: (value: number) => number, y: (value: number) => number) => void,
): uPlot {
  const holder = document.createElement('div');
  return new uPlot(
    {
      width: 600,
      height: 240,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: {
        x: { time: false, range: () => ranges().x },
        y: { range: () => ranges().y },
      },
      series: [{}, { show: false }],
      axes: [
        axis(xLabel, { size: 30, labelSize: 16, labelGap: 0, ...TIME_AXIS }),
        axis(yLabel, { size: 64 }),
      ],
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            const { left, top, width, height } = u.bbox;
            ctx.save();
            ctx.beginPath();
            ctx.rect(left, top, width, height);
            ctx.clip();
            paint(
              u,
              (value) => u.valToPos(value, 'x', true),
              (value) => u.valToPos(value, 'y', true),
            );
            ctx.restore();
          },
        ],
      },
    },
    [
      [0, 1],
      [0, 0],
    ],
    holder,
  );
}

/** Redraws a painted chart after its data changed. */
function repaint(chart: uPlot): void {
  chart.setData(
    [
      [0, 1],
      [0, 0],
    ],
    true,
  );
}

export interface RasterSecond {
  readonly ne: number;
  readonly ni: number;
  /** Spike times (ms from the second's start) and neurons. */
  readonly t: Int32Array;
  readonly i: Int32Array;
}

/** The spikes of one second: a dot per spike, blue for excitatory and red for inhibitory. */
export function createRaster(): { chart: uPlot; show(data: RasterSecond): void } {
  let data: RasterSecond | undefined;
  const chart = paintedChart(
    't (ms within the second)',
    'neuron',
    () => ({ x: [0, 1000], y: [0, data === undefined ? 1000 : data.ne + data.ni] }),
    (u, x, y) => {
      if (data === undefined) return;
      const ctx = u.ctx;
      const ratio = window.devicePixelRatio || 1;
      const size = Math.max(1, Math.round(1.5 * ratio));
      for (const population of [0, 1]) {
        ctx.fillStyle = population === 0 ? COLORS.excitatory : COLORS.inhibitory;
        for (let s = 0; s < data.t.length; s++) {
          const neuron = data.i[s] as number;
          if ((neuron < data.ne ? 0 : 1) !== population) continue;
          ctx.fillRect(Math.round(x(data.t[s] as number)), Math.round(y(neuron + 0.5)), size, size);
        }
      }
    },
  );
  return {
    chart,
    show(next) {
      data = next;
      repaint(chart);
    },
  };
}

/** A small uPlot of `series` against an x axis labelled `xLabel`, with no data yet. */
function smallChart(xLabel: string, yLabel: string, x: uPlot.Scale, series: uPlot.Series[]): uPlot {
  const empty = new Float64Array(0);
  return new uPlot(
    {
      width: 400,
      height: 160,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, ...x } },
      series: [{}, ...series],
      axes: [
        axis(xLabel, { size: 30, labelSize: 16, labelGap: 0, ...TIME_AXIS }),
        axis(yLabel, { size: 64, space: 18 }),
      ],
    },
    [empty, ...series.map(() => empty)],
    document.createElement('div'),
  );
}

/** Lines of several series against model seconds. */
export function createSeriesChart(
  yLabel: string,
  series: readonly { label: string; color: string }[],
): uPlot {
  return smallChart(
    'model time (s)',
    yLabel,
    {},
    series.map(({ label, color }) => ({
      label,
      stroke: color,
      width: 1.5,
      // Dots while there are too few seconds for a line to show.
      points: { show: (u: uPlot) => u.data[0].length < 12, size: 5 },
    })),
  );
}

/** The weight histogram as bars over the weight axis (x: the bins' centres). */
export function createHistogram(): uPlot {
  return smallChart(
    'weight (mV)',
    'synapses',
    {
      // From the first bin's left edge to the last one's right edge.
      range: (u, min, max) => {
        const half = u.data[0].length > 1 ? (max - min) / (u.data[0].length - 1) / 2 : 0.5;
        return [min - half, max + half];
      },
    },
    [
      {
        label: 'synapses',
        stroke: COLORS.excitatory,
        fill: 'rgba(29, 78, 216, 0.55)',
        width: 1,
        paths: uPlot.paths.bars?.({ size: [0.9, Infinity], align: 1 }),
        points: { show: false },
      },
    ],
  );
}

/** The anchors' colour (amber). */
const ANCHOR = '#f59e0b';

/**
 * One group: each firing a dot at (time, neuron) (the anchors amber, excitatory neurons blue,
 * inhibitory ones, numbered from `ne` on, red), each link a line from the pre's to the post's.
 */
export function createGroupChart(): {
  chart: uPlot;
  show(group: GroupPicture | undefined, ne: number): void;
} {
  let group: GroupPicture | undefined;
  let excitatory = 0;
  let low = 0;
  let high = 1;
  const chart = paintedChart(
    't (ms from the first anchor)',
    'neuron',
    () => ({
      x: [-2, group === undefined ? 100 : Math.max(10, group.span + 5)],
      y: [low, high],
    }),
    (u, x, y) => {
      if (group === undefined) return;
      const ctx = u.ctx;
      const ratio = window.devicePixelRatio || 1;
      ctx.strokeStyle = 'rgba(51, 65, 85, 0.45)';
      ctx.lineWidth = ratio;
      for (const [from, to] of groupLinks(group)) {
        ctx.beginPath();
        ctx.moveTo(x(group.times[from] as number), y(group.members[from] as number));
        ctx.lineTo(x(group.times[to] as number), y(group.members[to] as number));
        ctx.stroke();
      }
      const radius = 3 * ratio;
      for (let k = 0; k < group.members.length; k++) {
        const member = group.members[k] as number;
        ctx.fillStyle =
          k < 3 ? ANCHOR : member < excitatory ? COLORS.excitatory : COLORS.inhibitory;
        ctx.beginPath();
        ctx.arc(x(group.times[k] as number), y(group.members[k] as number), radius, 0, 2 * Math.PI);
        ctx.fill();
      }
    },
  );
  return {
    chart,
    show(next, ne) {
      excitatory = ne;
      group = next;
      if (next !== undefined && next.members.length > 0) {
        let min = Infinity;
        let max = -Infinity;
        for (const member of next.members) {
          min = Math.min(min, member);
          max = Math.max(max, member);
        }
        const pad = Math.max(5, Math.round((max - min) * 0.05));
        low = Math.max(0, min - pad);
        high = max + pad;
      }
      repaint(chart);
    },
  };
}
