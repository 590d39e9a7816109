/**
 * The parameter map's card, for a map of either form: the map drawn coloured by firing pattern,
 * its title and subtitle, the legend with each pattern's share, the note on the resting-state
 * boundary (2003 form), and exports.
 */
import {
  FIRING_PATTERN_LABELS,
  FIRING_PATTERNS,
  MAP_COLOURS,
  MAP_DIVERGED,
  renderParameterMap,
} from 'izhikit';
import { el, formatNumber } from '../ui/dom.js';
import { downloadText } from '../ui/download.js';
import { createExportBar } from '../ui/export-bar.js';
import { downloadPng, downloadSvg } from '../ui/figure-export.js';
import { MapCanvas, restBoundary, type Cell } from './map-canvas.js';
import { mapDigest, mapToCsv, mapToJson, patternName } from './map-export.js';
import { isBookSpec, mapModelOf, type AnyMapSpec, type AnyParameterMap } from './map-model.js';
import { attachMapPointer } from './map-pointer.js';

export interface MapCard {
  readonly element: HTMLElement;
  /** The line above the map that says why a run failed. */
  readonly message: HTMLElement;
  /** Fits the map to the card's width. */
  layout(): void;
  /** Shows `shown`, computed over `baseName` in `ms` on `workerCount` workers. */
  show(shown: AnyParameterMap, baseName: string, ms: number, workerCount: number): void;
  /** Says, where the map will be, that nothing was computed yet and why. */
  waiting(text: string): void;
  /** Fades the map and says so when it no longer shows the neuron and settings on screen. */
  setStale(stale: boolean): void;
}

/** `current` is the map on screen (for pointing and exports); a cell opens with `onOpenCell`. */
export function createMapCard(
  current: () => AnyParameterMap | undefined,
  onOpenCell: (spec: AnyMapSpec, cell: Cell) => void,
): MapCard {
  const canvas = new MapCanvas();
  const title = el('h2', { class: 'plot-title' }, 'Parameter map');
  const subtitle = el('p', { class: 'hint map-subtitle' });
  const message = el('div', { class: 'run-error', role: 'alert', 'data-map-error': '' });
  const legend = el('ul', { class: 'map-legend', 'aria-label': 'Firing patterns' });
  const hover = el('p', { class: 'map-hover', 'aria-live': 'polite' }, ' ');
  const restNote = el('p', { class: 'hint', 'data-rest-note': '' });
  const explanation = el('p', { class: 'hint', 'data-map-explanation': '' });
  const holder = el('div', { class: 'map-holder', 'data-map': '' }, canvas.canvas);
  // Nothing to export until a map has been computed (a link to a large map opens without one).
  const exportBar = createExportBar('Export the map', { disabled: true });
  const exportMap = (label: string, name: string, action: (shown: AnyParameterMap) => void) => {
    exportBar.add(label, name, () => {
      const shown = current();
      if (shown !== undefined) action(shown);
    });
  };
  exportMap('CSV', 'map-csv', (shown) =>
    downloadText(mapToCsv(shown), 'parameter-map.csv', 'text/csv'),
  );
  exportMap('JSON', 'map-json', (shown) =>
    downloadText(mapToJson(shown), 'parameter-map.json', 'application/json'),
  );
  exportMap('SVG', 'map-svg', (shown) =>
    downloadSvg(renderParameterMap(shown), 'parameter-map.svg'),
  );
  exportMap('PNG', 'map-png', (shown) => {
    downloadPng(renderParameterMap(shown), 'parameter-map.png').catch((error: unknown) => {
      message.textContent = `the PNG could not be made: ${String(error)}`;
    });
  });
  const staleNote = el(
    'p',
    { class: 'stale-line', 'data-stale-note': '', hidden: true },
    'This map was computed for other settings or another neuron: press Run to compute it anew.',
  );
  const element = el(
    'div',
    { class: 'plot-card map-card' },
    el('div', { class: 'plot-head' }, title),
    subtitle,
    message,
    staleNote,
    el('div', { class: 'map-body' }, holder, legend),
    hover,
    restNote,
    explanation,
    el('div', { class: 'plot-foot' }, el('span'), exportBar.element),
  );

  new ResizeObserver(() => layout()).observe(holder);
  function layout(): void {
    const width = Math.floor(holder.clientWidth);
    if (width <= 0) return;
    canvas.setSize(width, Math.round(Math.min(520, Math.max(260, width * 0.72))));
    // Where the cells are, for tests and tools that point at a cell.
    holder.dataset.box = JSON.stringify(canvas.box());
  }

  const pointer = attachMapPointer(canvas, hover, current, (map, cell) =>
    onOpenCell(map.spec, cell),
  );

  function show(shown: AnyParameterMap, baseName: string, ms: number, workerCount: number): void {
    exportBar.enable();
    const { spec } = shown;
    const model = mapModelOf(spec);
    const withUnit = (name: string, value: number): string =>
      `${name} = ${formatNumber(value, 6)}${model.unit(name) === '' ? '' : ` ${model.unit(name)}`}`;
    title.textContent = `Firing patterns over (${spec.x.name}, ${spec.y.name})`;
    const base = spec.base as unknown as Readonly<Record<string, number>>;
    const fixed = model.axes
      .filter((n) => n !== 'I' && n !== spec.x.name && n !== spec.y.name)
      .map((n) => withUnit(n, base[n] as number))
      .join(', ');
    const stepped = spec.x.name === 'I' || spec.y.name === 'I' ? 'I' : withUnit('I', spec.input);
    subtitle.textContent = `${fixed} (from ${baseName}) · step to ${stepped} at t = 0 from rest · ${spec.duration} ms, dt = ${spec.dt} ms · ${spec.x.steps} × ${spec.y.steps} cells in ${formatNumber(ms, 3)} ms on ${workerCount} worker${workerCount === 1 ? '' : 's'}`;
    canvas.setData(shown);
    pointer.reset();
    explanation.textContent = model.explain(spec);
    const boundary = isBookSpec(spec) ? undefined : restBoundary(spec);
    const cd =
      !isBookSpec(spec) && ['c', 'd'].includes(spec.x.name) && ['c', 'd'].includes(spec.y.name);
    restNote.textContent =
      boundary === undefined
        ? cd
          ? 'Why bursts need a high reset c and a small jump d: after a spike the state lands at (c, u + d); while that point lies below the v-nullcline the next spike follows at once, and a small d lets several spikes pass before u has risen enough to end the burst (see the phase plane in the neuron view).'
          : ''
        : `Dashed: for b above ${Number(boundary.b.toPrecision(3))} the step I = ${formatNumber(spec.input, 6)} is above the saddle-node input (k1 − b)²/(4·k2) − k0, so the nullclines no longer cross: there is no resting state and the neuron must fire. Below it the neuron can settle to rest (quiescent, or a few spikes and then rest).`;
    holder.dataset.counts = shown.counts.join(',');
    holder.dataset.digest = mapDigest(shown.codes);
    holder.dataset.cells = String(shown.codes.length);
    holder.dataset.spec = JSON.stringify({ x: spec.x, y: spec.y, input: spec.input });
    legend.replaceChildren(...legendItems(shown));
  }

  function setStale(stale: boolean): void {
    element.classList.toggle('stale', stale);
    staleNote.hidden = !stale;
  }

  function waiting(text: string): void {
    subtitle.textContent = text;
  }

  return { element, message, layout, show, setStale, waiting };
}

/** One line per firing pattern, with its colour and share of the cells; "diverged" if any did. */
function legendItems(shown: AnyParameterMap): HTMLElement[] {
  return [...FIRING_PATTERNS.map((p) => FIRING_PATTERN_LABELS[p]), 'diverged (dt too large)']
    .map((label, code) => ({ label, code, count: shown.counts[code] ?? 0 }))
    .filter(({ code, count }) => code !== MAP_DIVERGED || count > 0)
    .map(({ label, code, count }) =>
      el(
        'li',
        { class: count === 0 ? 'empty' : undefined, 'data-pattern': patternName(code) },
        el('span', { class: 'swatch', style: `background:${MAP_COLOURS[code] ?? '#000'}` }),
        el('span', { class: 'legend-name' }, label),
        el(
          'span',
          { class: 'legend-share' },
          `${((100 * count) / shown.codes.length).toFixed(1)} %`,
        ),
      ),
    );
}
