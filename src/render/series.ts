/** Draws the recorded columns of a neuron as SVG paths: traces (min/max decimated), spikes and stimulus. */
import { scaleLinear } from 'd3-scale';
import { line as linePath } from 'd3-shape';
import { decimateMinMax } from './decimate.js';
import type { Box, LinearScale } from './axis.js';
import { element, line } from './svg.js';
import { THEME } from './theme.js';
import type { Attributes } from './svg.js';

/** One neuron's recording, as the figures read it; the columns share one time axis `t` (ms). */
export interface NeuronRecording {
  readonly t: ArrayLike<number>;
  readonly v: ArrayLike<number>;
  readonly u?: ArrayLike<number>;
  readonly I?: ArrayLike<number>;
  /** Spike times (ms). */
  readonly spikes: ArrayLike<number>;
  /** The spike cut-off (mV) that the trace holds at a spike. */
  readonly vpeak: number;
}

/** A drawn path and how it was reduced. */
export interface DrawnSeries {
  readonly markup: string;
  /** Samples of the input in the plotted time range. */
  readonly samples: number;
  /** Points the path goes through. */
  readonly points: number;
  readonly decimated: boolean;
}

/**
 * A path through (x, y) over the x scale's domain, reduced to min/max per pixel column when the
 * series has more than two samples per column.
 */
export function seriesPath(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xScale: LinearScale,
  yScale: LinearScale,
  attrs: Attributes,
): DrawnSeries {
  const [x0, x1] = xScale.domain() as [number, number];
  const [r0, r1] = xScale.range() as [number, number];
  const columns = Math.max(1, Math.round(Math.abs(r1 - r0)));
  const kept = decimateMinMax(x, y, x0, x1, columns);
  const ys = kept.y;
  const d =
    linePath<number>()
      .x((value) => xScale(value))
      .y((_, i) => yScale(ys[i] as number))
      .digits(1)(kept.x) ?? '';
  const samples = kept.decimated ? countInRange(x, x0, x1) : kept.x.length;
  return {
    markup: element('path', { d, fill: 'none', ...attrs }),
    samples,
    points: kept.x.length,
    decimated: kept.decimated,
  };
}

function countInRange(x: ArrayLike<number>, x0: number, x1: number): number {
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const value = x[i] as number;
    if (value >= x0 && value <= x1) n++;
  }
  return n;
}

/**
 * One vertical stroke per spike, from the sample before it up to vpeak at the spike time, so that
 * every spike reaches the peak even where decimation merges neighbours; each stroke is its own
 * element (class `spike-peak`, `data-t` its time) and the group carries `data-count`.
 */
export function spikePeaks(
  recording: NeuronRecording,
  xScale: LinearScale,
  yScale: LinearScale,
  colour: string = THEME.voltage,
): string {
  const { t, v, spikes, vpeak } = recording;
  const [x0, x1] = xScale.domain() as [number, number];
  let out = '';
  let count = 0;
  let k = 0;
  for (let s = 0; s < spikes.length; s++) {
    const time = spikes[s] as number;
    if (time < x0 || time > x1) continue;
    while (k < t.length && (t[k] as number) < time - 1e-9) k++;
    const before = k > 0 ? (v[k - 1] as number) : (v[0] as number);
    const x = xScale(time);
    out += line(x, yScale(Math.min(before, vpeak)), x, yScale(vpeak), {
      class: 'spike-peak',
      'data-t': String(time),
    });
    count++;
  }
  return element(
    'g',
    {
      class: 'spikes',
      'data-count': String(count),
      stroke: colour,
      'stroke-width': THEME.traceWidth,
      'stroke-linecap': 'round',
    },
    out,
  );
}

/**
 * The input I(t) as a thin trace in `band`, scaled to its own range (as the papers draw the
 * stimulus under each voltage trace); a constant input is drawn as a flat line at mid-height.
 */
export function stimulusTrace(
  t: ArrayLike<number>,
  I: ArrayLike<number>,
  xScale: LinearScale,
  band: Box,
): DrawnSeries {
  let [lo, hi] = minMax(I);
  if (!(hi > lo)) {
    const level = Number.isFinite(lo) ? lo : 0;
    lo = level - 1;
    hi = level + 1;
  }
  const yScale = scaleLinear()
    .domain([lo, hi])
    .range([band.y + band.height, band.y]);
  const drawn = seriesPath(t, I, xScale, yScale, {
    stroke: THEME.stimulus,
    'stroke-width': THEME.stimulusWidth,
    'stroke-linejoin': 'round',
  });
  return { ...drawn, markup: element('g', { class: 'stimulus' }, drawn.markup) };
}

/** The smallest and largest value of a column, ignoring NaN; [Infinity, −Infinity] when empty. */
function minMax(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  return [lo, hi];
}

/** The extent of a column, ignoring NaN; [0, 0] when empty. */
export function extent(values: ArrayLike<number>): [number, number] {
  const [lo, hi] = minMax(values);
  return Number.isFinite(lo) ? [lo, hi] : [0, 0];
}

/** "601 samples" or "601 samples drawn as 412 points (min/max per pixel column)". */
export function describeSeries(name: string, drawn: DrawnSeries): string {
  return drawn.decimated
    ? `${name}: ${drawn.samples} samples drawn as ${drawn.points} points (min/max per pixel column)`
    : `${name}: ${drawn.samples} samples, all drawn`;
}
