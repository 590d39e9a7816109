/**
 * The trace figure: v(t) of one neuron with its input I(t) as a thin trace underneath (as the
 * papers draw it), axes in ms and mV, optional u(t) and I(t) panels, every spike drawn to vpeak.
 */
import { figureHeader } from './heading.js';
import { scaleLinear } from 'd3-scale';
import { ParameterError } from '../errors.js';
import type { SimulationResult } from '../model/simulate.js';
import type { Preset } from '../presets/presets.js';
import { bottomAxis, leftAxis, leftAxisWidth, type Box, type LinearScale } from './axis.js';
import { formatValue, parameterLine, presetTitle } from './labels.js';
import {
  describeSeries,
  extent,
  seriesPath,
  spikePeaks,
  stimulusTrace,
  type DrawnSeries,
  type NeuronRecording,
} from './series.js';
import { element, svgDocument, text } from './svg.js';
import { fitText } from './text.js';
import { THEME } from './theme.js';

/** What the trace figure draws. */
export interface TraceFigureData extends NeuronRecording {
  /** The preset's name, or what the run is. */
  readonly title: string;
  /** A line under the title: source, parameters, input. */
  readonly subtitle?: string;
}

export interface TraceFigureOptions {
  /** Figure width in px (760 by default). */
  readonly width?: number;
  /** Add a u(t) panel. */
  readonly showU?: boolean;
  /** Add an I(t) panel with its own axis (instead of the thin stimulus trace). */
  readonly showI?: boolean;
  /** Height of the v(t) panel in px (220 by default). */
  readonly voltageHeight?: number;
}

const MARGIN = { top: 58, right: 20, bottom: 58, gap: 14 } as const;
const STIMULUS_BAND = 30;
const SIDE_PANEL = 100;

/**
 * The data of the trace figure for a run: its full recorded columns (the figure decimates only
 * when it draws), titled with the preset's name.
 *
 * @throws ParameterError when the run recorded spikes only
 */
export function runFigureData(result: SimulationResult, preset?: Preset): TraceFigureData {
  const trace = result.trace;
  if (trace === undefined) {
    throw new ParameterError('plot', 'a figure needs the trace: run without --spikes-only');
  }
  const where = preset === undefined ? '' : `${preset.source} · `;
  return {
    title: preset === undefined ? 'custom neuron' : presetTitle(preset),
    subtitle:
      `${where}${parameterLine(result.params)} v0=${formatValue(result.v0)} · ` +
      `dt=${formatValue(result.dt)} ms · I(t) = ${result.input}`,
    t: trace.t,
    v: trace.v,
    u: trace.u,
    I: trace.I,
    spikes: result.spikes,
    vpeak: result.params.vpeak,
  };
}

/** Renders the trace figure as a standalone SVG document. */
export function renderTraceFigure(data: TraceFigureData, options: TraceFigureOptions = {}): string {
  const width = options.width ?? 760;
  const voltageHeight = options.voltageHeight ?? 220;
  const { t, v, u, I } = data;
  if (t.length < 2) throw new ParameterError('t', 'a trace figure needs at least two samples');
  const showU = options.showU === true && u !== undefined;
  const showI = options.showI === true && I !== undefined;
  const thinStimulus = !showI && I !== undefined;

  const t0 = t[0] as number;
  const t1 = t[t.length - 1] as number;
  const [vLo, vHi] = extent(v);
  const vScale = scaleLinear()
    .domain([Math.min(vLo, data.vpeak) - 5, Math.max(vHi, data.vpeak) + 5])
    .nice();
  const uScale = showU
    ? scaleLinear()
        .domain(padded(extent(u)))
        .nice()
    : undefined;
  const iScale = showI
    ? scaleLinear()
        .domain(padded(extent(I)))
        .nice()
    : undefined;

  const gutter =
    Math.max(
      leftAxisWidth(vScale, voltageHeight, 'v (mV)'),
      uScale === undefined ? 0 : leftAxisWidth(uScale, SIDE_PANEL, 'u'),
      iScale === undefined ? 0 : leftAxisWidth(iScale, SIDE_PANEL, 'I(t)'),
    ) + 12;
  const plotWidth = width - gutter - MARGIN.right;
  const tScale = scaleLinear()
    .domain([t0, t1])
    .range([gutter, gutter + plotWidth]);

  let y = MARGIN.top;
  const vBox: Box = { x: gutter, y, width: plotWidth, height: voltageHeight };
  vScale.range([vBox.y + vBox.height, vBox.y]);
  y += voltageHeight;

  const parts: string[] = [];
  const notes: string[] = [];
  const voltage = seriesPath(t, v, tScale, vScale, {
    class: 'trace trace-v',
    stroke: THEME.voltage,
    'stroke-width': THEME.traceWidth,
    'stroke-linejoin': 'round',
  });
  parts.push(
    element(
      'g',
      { class: 'panel panel-v' },
      leftAxis(vScale, vBox, 'v (mV)') + voltage.markup + spikePeaks(data, tScale, vScale),
    ),
  );
  notes.push(describeSeries('v', voltage));

  if (thinStimulus) {
    y += 8;
    const band: Box = { x: gutter, y, width: plotWidth, height: STIMULUS_BAND };
    const stimulus = stimulusTrace(t, I, tScale, band);
    parts.push(
      element(
        'g',
        { class: 'panel panel-stimulus' },
        text(gutter - 8, band.y + band.height / 2 + 4, 'I(t)', {
          'font-size': THEME.labelSize,
          'text-anchor': 'end',
          fill: THEME.mutedText,
        }) + stimulus.markup,
      ),
    );
    y += STIMULUS_BAND;
  }

  const sidePanel = (
    name: string,
    values: ArrayLike<number>,
    scale: LinearScale,
    colour: string,
  ): DrawnSeries => {
    y += MARGIN.gap;
    const box: Box = { x: gutter, y, width: plotWidth, height: SIDE_PANEL };
    scale.range([box.y + box.height, box.y]);
    const drawn = seriesPath(t, values, tScale, scale, {
      class: `trace trace-${name}`,
      stroke: colour,
      'stroke-width': THEME.traceWidth,
      'stroke-linejoin': 'round',
    });
    parts.push(
      element(
        'g',
        { class: `panel panel-${name}` },
        leftAxis(scale, box, name === 'I' ? 'I(t)' : 'u') + drawn.markup,
      ),
    );
    y += SIDE_PANEL;
    return drawn;
  };
  if (showU && uScale !== undefined && u !== undefined) {
    notes.push(describeSeries('u', sidePanel('u', u, uScale, THEME.recovery)));
  }
  if (showI && iScale !== undefined && I !== undefined) {
    notes.push(describeSeries('I', sidePanel('I', I, iScale, THEME.stimulus)));
  }

  parts.push(
    bottomAxis(
      tScale,
      { x: gutter, y: MARGIN.top, width: plotWidth, height: y - MARGIN.top },
      't (ms)',
    ),
  );
  const height = y + MARGIN.bottom;
  const spikeCount = data.spikes.length;
  const footer = `${spikeCount} spike${spikeCount === 1 ? '' : 's'} · ${notes.join(' · ')}`;
  parts.push(
    text(gutter, height - 10, fitText(footer, THEME.smallSize, plotWidth), {
      class: 'footer',
      'font-size': THEME.smallSize,
      fill: THEME.mutedText,
    }),
  );

  const header = figureHeader(gutter, plotWidth, data.title, data.subtitle, 26);

  return svgDocument({
    width,
    height,
    figure: 'trace',
    title: data.title,
    description: `${data.title}: ${footer}`,
    body: header + parts.join(''),
    attrs: {
      'data-spike-count': String(spikeCount),
      'data-decimated': String(voltage.decimated),
    },
  });
}

function padded([lo, hi]: [number, number]): [number, number] {
  const pad = hi > lo ? (hi - lo) * 0.05 : 1;
  return [lo - pad, hi + pad];
}
