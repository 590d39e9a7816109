/**
 * The network figure, as in [2003]: the spike raster (excitatory and inhibitory neurons in two
 * colours), the population rate under it and v(t) of one chosen neuron. Long runs stay small: the
 * raster is drawn as one mark per occupied pixel cell and the traces min/max per pixel column.
 */
import { scaleLinear } from 'd3-scale';
import { ParameterError } from '../errors.js';
import { bottomAxis, leftAxis, leftAxisWidth, type Box, type LinearScale } from './axis.js';
import { describeSeries, extent, seriesPath, spikePeaks } from './series.js';
import { element, px, svgDocument, text } from './svg.js';
import { fitText, textWidth } from './text.js';
import { THEME } from './theme.js';

/** What the network figure draws; a network run's result fits it as it is. */
export interface NetworkFigureData {
  /** Excitatory neurons are 0 … ne − 1, inhibitory ne … ne + ni − 1. */
  readonly ne: number;
  readonly ni: number;
  /** Length of the run (ms); the time axis is [0, duration]. */
  readonly duration: number;
  /** The raster: time (ms) and neuron index of every spike. */
  readonly spikes: { readonly t: ArrayLike<number>; readonly i: ArrayLike<number> };
  /** Mean rate of the network (Hz) per bin of `rateBinWidth` ms, bin k covering (k·w, (k+1)·w]. */
  readonly populationRate?: ArrayLike<number>;
  /** Width of a population-rate bin (ms), 1 by default. */
  readonly rateBinWidth?: number;
  /** v(t) of one neuron. */
  readonly trace?: {
    readonly neuron: number;
    readonly t: ArrayLike<number>;
    readonly v: ArrayLike<number>;
  };
  readonly title?: string;
  /** A line under the title, for example the seed and the scaling. */
  readonly subtitle?: string;
}

export interface NetworkFigureOptions {
  /** Figure width in px (800 by default). */
  readonly width?: number;
  /** Height of the raster in px (300 by default). */
  readonly rasterHeight?: number;
}

/** The spike cut-off of the network's neurons (mV): v is drawn up to it, as in the papers. */
const NETWORK_VPEAK = 30;
const RATE_HEIGHT = 90;
const TRACE_HEIGHT = 110;
const GAP = 16;
const TOP = 64;

/**
 * Renders the network figure as a standalone SVG document.
 *
 * @throws ParameterError for sizes, a duration or a raster that do not fit together
 */
export function renderNetworkFigure(
  data: NetworkFigureData,
  options: NetworkFigureOptions = {},
): string {
  const { ne, ni, duration } = data;
  const n = ne + ni;
  if (!(Number.isInteger(ne) && Number.isInteger(ni) && ne >= 0 && ni >= 0 && n > 0)) {
    throw new ParameterError(
      'ne',
      `ne and ni must be whole numbers ≥ 0 with ne + ni > 0, got ${ne} and ${ni}`,
    );
  }
  if (!(Number.isFinite(duration) && duration > 0)) {
    throw new ParameterError('duration', `duration must be positive, got ${duration} ms`);
  }
  if (data.spikes.t.length !== data.spikes.i.length) {
    throw new ParameterError('spikes', 'the raster’s t and i arrays differ in length');
  }
  const width = options.width ?? 800;
  const rasterHeight = options.rasterHeight ?? 300;
  const rate = data.populationRate;
  const trace = data.trace;
  const binWidth = data.rateBinWidth ?? 1;

  const neuronScale = scaleLinear().domain([0, n]);
  const rateScale =
    rate === undefined
      ? undefined
      : scaleLinear()
          .domain([0, Math.max(1, extent(rate)[1])])
          .nice();
  const vScale =
    trace === undefined
      ? undefined
      : scaleLinear()
          .domain([Math.min(extent(trace.v)[0], -80), NETWORK_VPEAK])
          .nice();
  // Whole-pixel gutter and width, so that raster cells are exactly one pixel wide.
  const gutter =
    Math.ceil(
      Math.max(
        leftAxisWidth(neuronScale, rasterHeight, 'neuron'),
        rateScale === undefined ? 0 : leftAxisWidth(rateScale, RATE_HEIGHT, 'rate (Hz)'),
        vScale === undefined ? 0 : leftAxisWidth(vScale, TRACE_HEIGHT, 'v (mV)'),
      ),
    ) + 12;
  const plotWidth = Math.round(width) - gutter - 20;
  const tScale = scaleLinear()
    .domain([0, duration])
    .range([gutter, gutter + plotWidth]);

  const parts: string[] = [];
  const notes: string[] = [];
  let y = TOP;
  const rasterBox: Box = { x: gutter, y, width: plotWidth, height: rasterHeight };
  neuronScale.range([y + rasterHeight, y]);
  const raster = rasterMarks(data, rasterBox);
  parts.push(
    element(
      'g',
      { class: 'panel panel-raster', 'data-spike-count': String(data.spikes.t.length) },
      leftAxis(neuronScale, rasterBox, 'neuron') + raster.markup,
    ),
  );
  notes.push(`${data.spikes.t.length} spikes drawn as ${raster.marks} marks (one per pixel cell)`);
  y += rasterHeight;

  if (rate !== undefined && rateScale !== undefined) {
    y += GAP;
    const box: Box = { x: gutter, y, width: plotWidth, height: RATE_HEIGHT };
    rateScale.range([y + RATE_HEIGHT, y]);
    const centres = new Float64Array(rate.length);
    for (let k = 0; k < rate.length; k++) centres[k] = (k + 0.5) * binWidth;
    const drawn = seriesPath(centres, rate, tScale, rateScale, {
      class: 'trace trace-rate',
      stroke: THEME.rate,
      'stroke-width': THEME.traceWidth,
      'stroke-linejoin': 'round',
    });
    parts.push(
      element(
        'g',
        { class: 'panel panel-rate' },
        leftAxis(rateScale, box, 'rate (Hz)') + drawn.markup,
      ),
    );
    notes.push(describeSeries(`rate (${binWidth} ms bins)`, drawn));
    y += RATE_HEIGHT;
  }

  if (trace !== undefined && vScale !== undefined) {
    y += GAP;
    const box: Box = { x: gutter, y, width: plotWidth, height: TRACE_HEIGHT };
    vScale.range([y + TRACE_HEIGHT, y]);
    parts.push(neuronPanel(data, trace, tScale, vScale, box, notes));
    y += TRACE_HEIGHT;
  }

  parts.push(
    bottomAxis(tScale, { x: gutter, y: TOP, width: plotWidth, height: y - TOP }, 't (ms)'),
  );
  const height = y + 58;
  parts.push(
    text(gutter, height - 10, fitText(notes.join(' · '), THEME.smallSize, plotWidth), {
      class: 'footer',
      'font-size': THEME.smallSize,
      fill: THEME.mutedText,
    }),
  );
  const title = data.title ?? `Network of ${n} neurons, ${duration} ms`;
  return svgDocument({
    width,
    height,
    figure: 'network',
    title,
    description: notes.join('; '),
    body: header(title, data, gutter, plotWidth) + parts.join(''),
    attrs: { 'data-spike-count': String(data.spikes.t.length), 'data-marks': String(raster.marks) },
  });
}

function header(title: string, data: NetworkFigureData, left: number, width: number): string {
  let out = text(left, 26, fitText(title, THEME.titleSize, width), {
    class: 'figure-title',
    'font-size': THEME.titleSize,
    fill: THEME.text,
  });
  // The legend names the colours; the subtitle, if any, follows it on the same line.
  let x = left;
  const legend = [
    ['excitatory', data.ne, THEME.excitatory],
    ['inhibitory', data.ni, THEME.inhibitory],
  ] as const;
  for (const [name, count, colour] of legend) {
    if (count === 0) continue;
    const label = `${name} (${count})`;
    out += element('rect', { x, y: 38, width: 9, height: 9, fill: colour });
    out += text(x + 13, 46.5, label, {
      class: `legend legend-${name}`,
      'font-size': THEME.labelSize,
      fill: THEME.text,
    });
    x += 13 + textWidth(label, THEME.labelSize) + 16;
  }
  if (data.subtitle !== undefined) {
    out += text(x, 46.5, fitText(data.subtitle, THEME.labelSize, left + width - x), {
      class: 'figure-subtitle',
      'font-size': THEME.labelSize,
      fill: THEME.mutedText,
    });
  }
  return out;
}

/**
 * The raster on a grid of pixel cells (one column per pixel, at most one row per pixel): each
 * occupied cell is one mark, and neighbouring marks in a row merge into one stroke, so the file
 * grows with the figure's size (at most one mark per pixel), not with the number of spikes.
 */
function rasterMarks(data: NetworkFigureData, box: Box): { markup: string; marks: number } {
  const n = data.ne + data.ni;
  const columns = Math.max(1, Math.round(box.width));
  const rows = Math.max(1, Math.min(n, Math.round(box.height)));
  const grid = occupancy(data, columns, rows);
  const cellWidth = box.width / columns;
  const cellHeight = box.height / rows;
  let marks = 0;
  let out = '';
  for (const [population, colour, name] of [
    [1, THEME.excitatory, 'excitatory'],
    [2, THEME.inhibitory, 'inhibitory'],
  ] as const) {
    const d: string[] = [];
    for (let r = 0; r < rows; r++) {
      const y = box.y + box.height - (r + 0.5) * cellHeight;
      let c = 0;
      let penX = -1;
      while (c < columns) {
        if (grid[r * columns + c] !== population) {
          c++;
          continue;
        }
        const start = c;
        while (c < columns && grid[r * columns + c] === population) c++;
        marks += c - start;
        const x = box.x + start * cellWidth;
        const length = (c - start) * cellWidth;
        // The first mark of a row moves absolutely, the next ones relative to the pen: shorter.
        d.push(penX < 0 ? `M${px(x)} ${px(y)}h${px(length)}` : `m${px(x - penX)} 0h${px(length)}`);
        penX = x + length;
      }
    }
    if (d.length === 0) continue;
    out += element('path', {
      class: `raster raster-${name}`,
      d: d.join(''),
      stroke: colour,
      'stroke-width': Math.max(1, Math.min(cellHeight * 0.9, 3)),
      // Square caps make a one-pixel cell a visible dot.
      'stroke-linecap': 'square',
      fill: 'none',
    });
  }
  return { markup: out, marks };
}

/** Which population fired in each cell of a columns × rows grid (0 none, 1 E, 2 I). */
function occupancy(data: NetworkFigureData, columns: number, rows: number): Uint8Array {
  const { ne, ni, duration, spikes } = data;
  const n = ne + ni;
  const grid = new Uint8Array(columns * rows);
  for (let s = 0; s < spikes.t.length; s++) {
    const t = spikes.t[s] as number;
    const i = spikes.i[s] as number;
    if (!(t >= 0 && t <= duration) || i < 0 || i >= n) continue;
    const c = Math.min(columns - 1, Math.floor((t / duration) * columns));
    const r = Math.min(rows - 1, Math.floor((i / n) * rows));
    grid[r * columns + c] = i < ne ? 1 : 2;
  }
  return grid;
}

function neuronPanel(
  data: NetworkFigureData,
  trace: NonNullable<NetworkFigureData['trace']>,
  tScale: LinearScale,
  vScale: LinearScale,
  box: Box,
  notes: string[],
): string {
  const { neuron, t, v } = trace;
  // The network's v overshoots 30 mV before the reset at the next step: draw it cut at the peak.
  const shown = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) shown[k] = Math.min(v[k] as number, NETWORK_VPEAK);
  const spikeTimes: number[] = [];
  for (let s = 0; s < data.spikes.t.length; s++) {
    if (data.spikes.i[s] === neuron) spikeTimes.push(data.spikes.t[s] as number);
  }
  const drawn = seriesPath(t, shown, tScale, vScale, {
    class: 'trace trace-v',
    stroke: THEME.voltage,
    'stroke-width': THEME.traceWidth,
    'stroke-linejoin': 'round',
  });
  notes.push(describeSeries(`v of neuron ${neuron}`, drawn));
  const population = neuron < data.ne ? 'excitatory' : 'inhibitory';
  const label = `neuron ${neuron} (${population}), ${spikeTimes.length} spikes`;
  return element(
    'g',
    { class: 'panel panel-v', 'data-neuron': String(neuron) },
    leftAxis(vScale, box, 'v (mV)') +
      drawn.markup +
      spikePeaks({ t, v: shown, spikes: spikeTimes, vpeak: NETWORK_VPEAK }, tScale, vScale) +
      text(box.x + box.width, box.y - 3, label, {
        class: 'panel-label',
        'font-size': THEME.smallSize,
        'text-anchor': 'end',
        fill: THEME.mutedText,
      }),
  );
}

/** The parts of a network run that its figure uses (a `NetworkResult` has them all). */
export interface NetworkRunLike {
  readonly ne: number;
  readonly ni: number;
  readonly dt: number;
  readonly duration: number;
  readonly seed?: number;
  readonly spikes: NetworkFigureData['spikes'];
  readonly populationRate?: ArrayLike<number>;
  readonly traces?: Readonly<
    Record<number, { readonly t: ArrayLike<number>; readonly v: ArrayLike<number> }>
  >;
}

/**
 * The network figure's data for a run: its raster and population rate, and v(t) of `neuron`
 * (by default the lowest-numbered recorded neuron; none when no neuron was recorded).
 *
 * @throws ParameterError when `neuron` was not recorded
 */
export function networkFigureData(run: NetworkRunLike, neuron?: number): NetworkFigureData {
  const recorded = Object.keys(run.traces ?? {})
    .map(Number)
    .sort((x, y) => x - y);
  const chosen = neuron ?? recorded[0];
  const trace = chosen === undefined ? undefined : run.traces?.[chosen];
  if (chosen !== undefined && trace === undefined) {
    throw new ParameterError(
      'neuron',
      `neuron ${chosen} was not recorded; recorded: ${recorded.join(', ') || 'none'}`,
    );
  }
  return {
    ne: run.ne,
    ni: run.ni,
    duration: run.duration,
    spikes: run.spikes,
    ...(run.populationRate === undefined ? {} : { populationRate: run.populationRate }),
    ...(chosen === undefined || trace === undefined
      ? {}
      : { trace: { neuron: chosen, t: trace.t, v: trace.v } }),
    title: `Network of ${run.ne} excitatory and ${run.ni} inhibitory neurons, ${run.duration} ms`,
    subtitle: `${run.seed === undefined ? '' : `seed ${run.seed}, `}dt = ${run.dt} ms`,
  };
}
