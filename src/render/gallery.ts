/**
 * The galleries: the 20 features of [2004] Fig. 1 in a 5 × 4 grid, the 8 neuron types of
 * [2003] Fig. 2, and the cell types of [2007] chapter 8 in the 2007 form, each panel a voltage
 * trace on a common scale with its stimulus underneath.
 */
import { scaleLinear } from 'd3-scale';
import { ParameterError } from '../errors.js';
import { simulate, type SimulationResult } from '../model/simulate.js';
import { simulate2007, type BookSimulationResult } from '../model/simulate-2007.js';
import { CELLS_2007, type BookPreset } from '../presets/cells-2007.js';
import { presetOptions } from '../presets/lookup.js';
import { bookPresetOptions } from '../presets/lookup-2007.js';
import { PRESETS, type Preset } from '../presets/presets.js';
import { scaleBar, scaleBarLength, type Box } from './axis.js';
import { formatValue, parameterLine, presetTitle } from './labels.js';
import { seriesPath, spikePeaks, stimulusTrace, extent } from './series.js';
import { element, svgDocument, text } from './svg.js';
import { fitText, fittingFontSize } from './text.js';
import { THEME } from './theme.js';
import { bookParameterLine, bookSpikePeak } from './trace-2007.js';

/** Which gallery: [2004] Fig. 1, [2003] Fig. 2 or the cell types of [2007] chapter 8. */
export type GallerySet = 'features' | 'types' | 'cortical-2007';

export const GALLERY_SETS: readonly GallerySet[] = ['features', 'types', 'cortical-2007'];

/** A panel of the papers' galleries: a preset of the 2003 form and its run (with the trace). */
export interface PaperPanel {
  readonly preset: Preset;
  readonly result: SimulationResult;
}

/** One panel's preset and its run (with the trace), of either form of the model. */
export type GalleryPanel =
  PaperPanel | { readonly preset: BookPreset; readonly result: BookSimulationResult };

export interface GalleryOptions {
  /** Panels per row (5 for features, 4 for types by default). */
  readonly columns?: number;
  /** Width of one panel in px. */
  readonly panelWidth?: number;
  /** Height of one panel in px. */
  readonly panelHeight?: number;
}

interface GalleryLayout {
  readonly title: string;
  readonly columns: number;
  readonly panelWidth: number;
  readonly panelHeight: number;
  /** Show the parameters under each panel's title. */
  readonly parameters: boolean;
  /** The common voltage range of every panel (mV), as in the figures. */
  readonly voltageDomain: readonly [number, number];
  /** The caption's last sentence: where the protocols come from. */
  readonly protocols: string;
}

const PAPER_PROTOCOLS = 'Published protocols, reference scheme.';

/** The common voltage range of the papers' panels (mV). */
const VOLTAGE_DOMAIN: readonly [number, number] = [-90, 32];

const LAYOUTS: Readonly<Record<GallerySet, GalleryLayout>> = {
  features: {
    title: 'Neuro-computational features of the Izhikevich model — [2004] Fig. 1',
    columns: 5,
    panelWidth: 212,
    panelHeight: 150,
    parameters: false,
    voltageDomain: VOLTAGE_DOMAIN,
    protocols: PAPER_PROTOCOLS,
  },
  types: {
    title: 'Neuron types of the Izhikevich model — [2003] Fig. 2',
    columns: 4,
    panelWidth: 240,
    panelHeight: 180,
    parameters: true,
    voltageDomain: VOLTAGE_DOMAIN,
    protocols: PAPER_PROTOCOLS,
  },
  'cortical-2007': {
    title: 'Cortical and thalamic cell types in the 2007 form — [2007] chapter 8',
    columns: 3,
    panelWidth: 300,
    panelHeight: 190,
    parameters: true,
    voltageDomain: [-90, 52],
    protocols: "Step currents (pA) of the book's figures, the book's scheme.",
  },
};

const MARGIN = { left: 16, right: 16, top: 44, bottom: 40 } as const;
const PANEL_PAD = 10;

/** The presets of a gallery, in the papers' order. */
export function galleryPresets(set: GallerySet): (Preset | BookPreset)[] {
  if (!GALLERY_SETS.includes(set)) {
    throw new ParameterError(
      'set',
      `unknown gallery '${String(set)}'; known: ${GALLERY_SETS.join(', ')}`,
    );
  }
  if (set === 'cortical-2007') return [...CELLS_2007];
  return PRESETS.filter((preset) => preset.group === set);
}

/** Runs every preset of a gallery on its published protocol. */
export function galleryPanels(set: 'features' | 'types'): PaperPanel[];
export function galleryPanels(set: GallerySet): GalleryPanel[];
export function galleryPanels(set: GallerySet): GalleryPanel[] {
  galleryPresets(set); // throws ParameterError for an unknown set
  if (set === 'cortical-2007') {
    return CELLS_2007.map((preset) => ({
      preset,
      result: simulate2007(bookPresetOptions(preset)),
    }));
  }
  return PRESETS.filter((preset) => preset.group === set).map((preset) => ({
    preset,
    result: simulate(presetOptions(preset)),
  }));
}

/**
 * Renders a gallery as a standalone SVG document: one panel per preset (class `panel`,
 * `data-preset` its id), titled as in the paper, v(t) with every spike drawn to vpeak, I(t)
 * underneath and a time scale bar. `panels` defaults to `galleryPanels(set)`.
 */
export function renderGallery(
  set: GallerySet,
  panels: readonly GalleryPanel[] = galleryPanels(set),
  options: GalleryOptions = {},
): string {
  galleryPresets(set); // throws ParameterError for an unknown set
  const base = LAYOUTS[set];
  const columns = options.columns ?? base.columns;
  const panelWidth = options.panelWidth ?? base.panelWidth;
  const panelHeight = options.panelHeight ?? base.panelHeight;
  const rows = Math.ceil(panels.length / columns);
  const width = MARGIN.left + columns * panelWidth + MARGIN.right;
  const height = MARGIN.top + rows * panelHeight + MARGIN.bottom;

  let body = text(MARGIN.left + PANEL_PAD, 26, fitText(base.title, THEME.titleSize, width - 40), {
    class: 'figure-title',
    'font-size': THEME.titleSize,
    fill: THEME.text,
  });
  let samples = 0;
  let points = 0;
  panels.forEach((panel, i) => {
    const box: Box = {
      x: MARGIN.left + (i % columns) * panelWidth,
      y: MARGIN.top + Math.floor(i / columns) * panelHeight,
      width: panelWidth,
      height: panelHeight,
    };
    const drawn = galleryPanel(panel, box, base);
    body += drawn.markup;
    samples += drawn.samples;
    points += drawn.points;
  });
  const caption =
    `Each panel: v(t) on a common scale (${formatValue(base.voltageDomain[0])} to ` +
    `${formatValue(base.voltageDomain[1])} mV), the input I(t) underneath (scaled per panel), and a time scale bar. ` +
    base.protocols;
  body += text(
    MARGIN.left + PANEL_PAD,
    height - 14,
    fitText(caption, THEME.smallSize, width - 40),
    {
      class: 'caption',
      'font-size': THEME.smallSize,
      fill: THEME.mutedText,
    },
  );
  return svgDocument({
    width,
    height,
    figure: `gallery-${set}`,
    title: base.title,
    description: `${panels.length} panels; ${samples} samples drawn as ${points} points (min/max per pixel column where longer than the panel is wide).`,
    body,
    attrs: { 'data-panel-count': String(panels.length) },
  });
}

function galleryPanel(
  panel: GalleryPanel,
  box: Box,
  layout: GalleryLayout,
): { markup: string; samples: number; points: number } {
  const { preset, result } = panel;
  const trace = result.trace;
  if (trace === undefined) {
    throw new ParameterError('plot', `the run of '${preset.id}' has no trace to draw`);
  }
  const inner = box.width - 2 * PANEL_PAD;
  const left = box.x + PANEL_PAD;
  const title = presetTitle(preset);
  let y = box.y + THEME.panelTitleSize + 2;
  const titleSize = fittingFontSize(title, THEME.panelTitleSize, 10, inner);
  let out = text(left, y, fitText(title, titleSize, inner), {
    class: 'panel-title',
    'font-size': titleSize,
    fill: THEME.text,
  });
  if (layout.parameters) {
    y += THEME.smallSize + 4;
    const line =
      'model' in panel.result
        ? bookParameterLine(panel.result.params)
        : parameterLine(panel.result.params);
    out += text(left, y, fitText(line, THEME.smallSize, inner), {
      class: 'panel-parameters',
      'font-size': THEME.smallSize,
      fill: THEME.mutedText,
    });
  }
  y += 8;
  const barSpace = THEME.smallSize + 12;
  const stimulusHeight = 16;
  const voltageHeight = box.y + box.height - barSpace - stimulusHeight - 6 - y;
  const t = trace.t;
  const tScale = scaleLinear()
    .domain([t[0] as number, t[t.length - 1] as number])
    .range([left, left + inner]);
  const [lo, hi] = extent(trace.v);
  const vScale = scaleLinear()
    .domain([Math.min(lo, layout.voltageDomain[0]), Math.max(hi, layout.voltageDomain[1])])
    .range([y + voltageHeight, y]);
  const voltage = seriesPath(t, trace.v, tScale, vScale, {
    class: 'trace trace-v',
    stroke: THEME.voltage,
    'stroke-width': THEME.traceWidth,
    'stroke-linejoin': 'round',
  });
  const vpeak = 'model' in panel.result ? bookSpikePeak(panel.result) : panel.result.params.vpeak;
  const recording = { t, v: trace.v, spikes: result.spikes, vpeak };
  out += voltage.markup + spikePeaks(recording, tScale, vScale);
  y += voltageHeight + 6;
  const stimulus = stimulusTrace(t, trace.I, tScale, {
    x: left,
    y,
    width: inner,
    height: stimulusHeight,
  });
  out += stimulus.markup;
  y += stimulusHeight + 8;
  const duration = (t[t.length - 1] as number) - (t[0] as number);
  out += scaleBar(tScale, scaleBarLength(duration), left + inner, y, 'ms');
  return {
    markup: element(
      'g',
      {
        class: 'panel',
        'data-preset': preset.id,
        'data-spike-count': String(result.spikes.length),
      },
      out,
    ),
    samples: voltage.samples,
    points: voltage.points,
  };
}
