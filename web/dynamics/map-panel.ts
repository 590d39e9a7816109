/**
 * The parameter-map panel: the two axes, the step input, Run and Cancel with a progress bar; the
 * map is computed by a pool of Web Workers with the library's scheduler, drawn coloured by pattern
 * with a legend and the named types, and each cell opens in the neuron view on click.
 */
import {
  CancelledError,
  FIRING_PATTERN_LABELS,
  FIRING_PATTERNS,
  IzhikitError,
  MAP_COLOURS,
  MAP_DIVERGED,
  ParameterError,
  axisValue,
  renderParameterMap,
  resolveMapSpec,
  type NeuronParameters,
  type ParameterMap,
  type ResolvedMapSpec,
} from 'izhikit';
import { el, formatNumber, uniqueId } from '../ui/dom.js';
import { downloadText } from '../ui/download.js';
import { downloadSvg } from '../ui/figure-export.js';
import { MapCanvas, restBoundary, type Cell } from './map-canvas.js';
import { mapDigest, mapToCsv, mapToJson, patternName } from './map-export.js';
import { MapWorkers } from './map-workers.js';
import { checkRange, createNumberField, type NumberField } from './number-field.js';
import { AXIS_NAMES, MAX_STEPS, type AxisName, type MapSettings } from './state.js';

/** The performance measure of a whole map run, Run to drawn map (detail: cells and workers). */
export const MAP_MEASURE = 'izhikit:map';

/** The axis choices, short enough for the settings column. */
const AXIS_OPTIONS: Readonly<Record<AxisName, string>> = {
  a: 'a (recovery time scale)',
  b: 'b (recovery sensitivity)',
  c: 'c (reset potential)',
  d: 'd (after-spike jump)',
  I: 'I (step input)',
};

/** The range an axis gets when its parameter is chosen: where the papers' neurons live. */
const AXIS_RANGES: Readonly<Record<AxisName, { from: number; to: number }>> = {
  a: { from: 0, to: 0.2 },
  b: { from: 0, to: 0.3 },
  c: { from: -70, to: -40 },
  d: { from: 0, to: 10 },
  I: { from: 0, to: 20 },
};

/** Maps up to this many cells run by themselves when the view first opens. */
const AUTO_RUN_CELLS = 40000;

export interface MapPanel {
  readonly card: HTMLElement;
  readonly controls: HTMLElement;
  showSettings(settings: MapSettings): void;
  /** Runs the map for the fields' settings over the base neuron. */
  run(base: NeuronParameters, baseName: string): void;
  /** Says whether the map on screen matches the current settings. */
  noteChange(base: NeuronParameters): void;
  /** Runs once when the view first opens (small maps only). */
  runOnce(base: NeuronParameters, baseName: string): void;
}

interface AxisControls {
  readonly name: HTMLSelectElement;
  readonly nameError: HTMLElement;
  readonly from: NumberField;
  readonly to: NumberField;
  readonly steps: NumberField;
  readonly element: HTMLElement;
}

export function createMapPanel(options: {
  readonly initial: MapSettings;
  readonly onSettings: (settings: MapSettings) => void;
  readonly onOpenCell: (spec: ResolvedMapSpec, cell: Cell) => void;
  /** The base neuron now (for Run pressed in the panel). */
  readonly base: () => { neuron: NeuronParameters; name: string } | undefined;
}): MapPanel {
  const workers = new MapWorkers();
  let settings = options.initial;
  let controller: AbortController | undefined;
  let ranOnce = false;
  let map: ParameterMap | undefined;
  let mapBase: NeuronParameters | undefined;

  const makeAxis = (label: 'x' | 'y', axis: MapSettings['x']): AxisControls => {
    const selectId = uniqueId(`map-${label}`);
    const name = el('select', { id: selectId, 'data-field': `map-${label}-name` });
    for (const option of AXIS_NAMES) {
      name.append(el('option', { value: option }, AXIS_OPTIONS[option]));
    }
    name.value = axis.name;
    const nameError = el('div', { class: 'field-error', role: 'alert' });
    const field = (part: 'from' | 'to' | 'steps', value: number): NumberField =>
      createNumberField({
        label: part,
        name: `map-${label}-${part}`,
        value,
        onInput: () => edited(),
      });
    const from = field('from', axis.from);
    const to = field('to', axis.to);
    const steps = field('steps', axis.steps);
    name.addEventListener('change', () => {
      // A range for a is no range for c: start from the new parameter's usual one.
      const range = AXIS_RANGES[name.value as AxisName];
      from.set(range.from);
      to.set(range.to);
      edited();
    });
    const element = el(
      'div',
      { class: 'map-axis' },
      el(
        'div',
        { class: 'select-field' },
        el('label', { for: selectId }, el('span', { class: 'field-name' }, `${label} axis`)),
        name,
      ),
      nameError,
      el('div', { class: 'range-row' }, from.element, to.element, steps.element),
    );
    return { name, nameError, from, to, steps, element };
  };
  const x = makeAxis('x', settings.x);
  const y = makeAxis('y', settings.y);
  const input = createNumberField({
    label: 'step input I',
    name: 'map-input',
    value: settings.input,
    help: 'the constant input each cell steps to at t = 0, from rest at I = 0',
    onInput: () => edited(),
  });

  /** Reads and checks the fields; marks the bad ones; the settings when all are good. */
  function readFields(): MapSettings | undefined {
    const rx = checkRange(x.from, x.to, x.steps, MAX_STEPS);
    const ry = checkRange(y.from, y.to, y.steps, MAX_STEPS);
    const I = input.value();
    input.setError(Number.isFinite(I) ? undefined : 'the step input must be a number');
    const same = x.name.value === y.name.value;
    y.nameError.textContent = same ? 'choose a parameter other than the x axis' : '';
    x.nameError.textContent = '';
    if (rx === undefined || ry === undefined || !Number.isFinite(I) || same) return undefined;
    return {
      x: { name: x.name.value as AxisName, ...rx },
      y: { name: y.name.value as AxisName, ...ry },
      input: I,
    };
  }

  function edited(): void {
    const next = readFields();
    if (next === undefined) {
      status.textContent = 'fix the marked field to run a new map';
      return;
    }
    settings = next;
    options.onSettings(settings);
    const base = options.base();
    if (base !== undefined) panel.noteChange(base.neuron);
  }

  const runButton = el(
    'button',
    { type: 'button', class: 'primary', 'data-action': 'map-run' },
    'Run',
  );
  const cancelButton = el(
    'button',
    { type: 'button', 'data-action': 'map-cancel', disabled: true },
    'Cancel',
  );
  const progressId = uniqueId('map-progress');
  const progress = el('progress', { id: progressId, max: 1, value: 0, 'data-map-progress': '' });
  const status = el('p', { class: 'run-status', role: 'status', 'data-map-status': '' });
  cancelButton.addEventListener('click', () => controller?.abort());
  runButton.addEventListener('click', () => {
    const base = options.base();
    if (base === undefined) status.textContent = 'fix the marked neuron value first';
    else panel.run(base.neuron, base.name);
  });

  const controls = el(
    'fieldset',
    { class: 'run-box' },
    el('legend', {}, 'Parameter map'),
    x.element,
    y.element,
    input.element,
    el('p', { class: 'hint' }, 'The other parameters come from the neuron above.'),
    el('div', { class: 'run-buttons' }, runButton, cancelButton),
    el('label', { for: progressId, class: 'progress-label' }, 'Progress'),
    progress,
    status,
  );

  const canvas = new MapCanvas();
  const title = el('h2', { class: 'plot-title' }, 'Parameter map');
  const subtitle = el('p', { class: 'hint map-subtitle' });
  const message = el('div', { class: 'run-error', role: 'alert', 'data-map-error': '' });
  const legend = el('ul', { class: 'map-legend', 'aria-label': 'Firing patterns' });
  const hover = el('p', { class: 'map-hover', 'aria-live': 'polite' }, ' ');
  const restNote = el('p', { class: 'hint', 'data-rest-note': '' });
  const holder = el('div', { class: 'map-holder', 'data-map': '' }, canvas.canvas);
  const exportBar = el(
    'div',
    { class: 'export-bar', role: 'group', 'aria-label': 'Export the map' },
    el('span', { class: 'export-label' }, 'Export'),
  );
  const exportButton = (label: string, name: string, action: (shown: ParameterMap) => void) => {
    const button = el('button', { type: 'button', 'data-export': name }, label);
    button.addEventListener('click', () => map !== undefined && action(map));
    exportBar.append(button);
  };
  exportButton('CSV', 'map-csv', (shown) =>
    downloadText(mapToCsv(shown), 'parameter-map.csv', 'text/csv'),
  );
  exportButton('JSON', 'map-json', (shown) =>
    downloadText(mapToJson(shown), 'parameter-map.json', 'application/json'),
  );
  exportButton('SVG', 'map-svg', (shown) =>
    downloadSvg(renderParameterMap(shown), 'parameter-map.svg'),
  );
  const card = el(
    'div',
    { class: 'plot-card map-card' },
    el('div', { class: 'plot-head' }, title),
    subtitle,
    message,
    el('div', { class: 'map-body' }, holder, legend),
    hover,
    restNote,
    el(
      'p',
      { class: 'hint' },
      'Each cell is one neuron, started at rest and given the step input for 300 ms; its spike train is named by the same rules as the pattern label of the neuron view. ' +
        'Dots: the neuron types of [2003] Fig. 2, filled when their other two parameters equal the neuron above; in brackets when they differ. Click a cell to see its trace.',
    ),
    el('div', { class: 'plot-foot' }, el('span'), exportBar),
  );

  new ResizeObserver(() => layout()).observe(holder);
  function layout(): void {
    const width = Math.floor(holder.clientWidth);
    if (width <= 0) return;
    canvas.setSize(width, Math.round(Math.min(520, Math.max(260, width * 0.72))));
    // Where the cells are, for tests and tools that point at a cell.
    holder.dataset.box = JSON.stringify(canvas.box());
  }

  const cellOf = (event: MouseEvent): Cell | undefined => {
    const rect = canvas.canvas.getBoundingClientRect();
    return canvas.cellAt(event.clientX - rect.left, event.clientY - rect.top);
  };
  canvas.canvas.addEventListener('mousemove', (event) => {
    const cell = cellOf(event);
    canvas.setHover(cell);
    canvas.canvas.style.cursor = cell === undefined ? 'default' : 'pointer';
    hover.textContent = cell === undefined || map === undefined ? ' ' : describeCell(map, cell);
  });
  canvas.canvas.addEventListener('mouseleave', () => {
    canvas.setHover(undefined);
    hover.textContent = ' ';
  });
  canvas.canvas.addEventListener('click', (event) => {
    const cell = cellOf(event);
    if (cell !== undefined && map !== undefined) options.onOpenCell(map.spec, cell);
  });

  // From the keyboard: arrows move over the cells (Shift: ten at a time), Enter opens one.
  canvas.canvas.tabIndex = 0;
  canvas.canvas.setAttribute(
    'aria-label',
    'Parameter map: arrow keys move over the cells, Enter opens the cell in the neuron view',
  );
  let keyCell: Cell | undefined;
  canvas.canvas.addEventListener('keydown', (event) => {
    if (map === undefined) return;
    const { x: ax, y: ay } = map.spec;
    const step = event.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    const current = keyCell ?? { ix: Math.floor(ax.steps / 2), iy: Math.floor(ay.steps / 2) };
    if (move !== undefined) {
      event.preventDefault();
      const clamp = (value: number, n: number) => Math.max(0, Math.min(n - 1, value));
      keyCell =
        keyCell === undefined
          ? current
          : {
              ix: clamp(current.ix + move[0], ax.steps),
              iy: clamp(current.iy + move[1], ay.steps),
            };
      canvas.setHover(keyCell);
      hover.textContent = describeCell(map, keyCell);
    } else if ((event.key === 'Enter' || event.key === ' ') && keyCell !== undefined) {
      event.preventDefault();
      options.onOpenCell(map.spec, keyCell);
    }
  });
  canvas.canvas.addEventListener('blur', () => {
    keyCell = undefined;
    canvas.setHover(undefined);
  });

  function setRunning(running: boolean): void {
    runButton.disabled = running;
    cancelButton.disabled = !running;
    card.classList.toggle('running', running);
  }

  function show(shown: ParameterMap, baseName: string, ms: number): void {
    map = shown;
    const { spec } = shown;
    title.textContent = `Firing patterns over (${spec.x.name}, ${spec.y.name})`;
    const fixed = (['a', 'b', 'c', 'd'] as const)
      .filter((n) => n !== spec.x.name && n !== spec.y.name)
      .map((n) => `${n} = ${formatNumber(spec.base[n], 6)}`)
      .join(', ');
    const stepped =
      spec.x.name === 'I' || spec.y.name === 'I' ? 'I' : `I = ${formatNumber(spec.input, 6)}`;
    subtitle.textContent = `${fixed} (from ${baseName}) · step to ${stepped} at t = 0 from rest · ${spec.duration} ms, dt = ${spec.dt} ms · ${spec.x.steps} × ${spec.y.steps} cells in ${formatNumber(ms, 3)} ms on ${workers.size} worker${workers.size === 1 ? '' : 's'}`;
    canvas.setData(shown);
    keyCell = undefined;
    const boundary = restBoundary(spec);
    const cd = ['c', 'd'].includes(spec.x.name) && ['c', 'd'].includes(spec.y.name);
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
    legend.replaceChildren(
      ...[...FIRING_PATTERNS.map((p) => FIRING_PATTERN_LABELS[p]), 'diverged (dt too large)']
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
        ),
    );
  }

  const panel: MapPanel = {
    card,
    controls,
    showSettings(next) {
      settings = next;
      for (const [controls, axis] of [
        [x, next.x],
        [y, next.y],
      ] as const) {
        controls.name.value = axis.name;
        controls.from.set(axis.from);
        controls.to.set(axis.to);
        controls.steps.set(axis.steps);
      }
      input.set(next.input);
    },
    noteChange(base) {
      if (controller !== undefined || map === undefined) return;
      const { spec } = map;
      const same =
        spec.x.name === settings.x.name &&
        spec.y.name === settings.y.name &&
        (['from', 'to', 'steps'] as const).every(
          (k) => spec.x[k] === settings.x[k] && spec.y[k] === settings.y[k],
        ) &&
        spec.input === settings.input &&
        mapBase !== undefined &&
        (['a', 'b', 'c', 'd'] as const).every(
          (k) => k === spec.x.name || k === spec.y.name || mapBase?.[k] === base[k],
        );
      status.textContent = same
        ? 'the map shows these settings'
        : 'settings changed: press Run to compute the new map';
    },
    run(base, baseName) {
      ranOnce = true;
      if (controller !== undefined) {
        // A run still going: stop it and its workers before this one takes fresh ones.
        controller.abort();
        workers.stop();
      }
      const fields = readFields();
      if (fields === undefined) {
        status.textContent = 'fix the marked field first';
        return;
      }
      let spec: ResolvedMapSpec;
      try {
        spec = resolveMapSpec({ x: fields.x, y: fields.y, base, input: fields.input });
      } catch (error) {
        if (
          error instanceof ParameterError &&
          (error.parameter === 'x' || error.parameter === 'y')
        ) {
          (error.parameter === 'x' ? x : y).nameError.textContent = error.message;
        } else if (error instanceof ParameterError && error.parameter === 'input') {
          input.setError(error.message);
        } else {
          message.textContent = error instanceof IzhikitError ? error.message : String(error);
        }
        status.textContent = 'fix the marked field first';
        return;
      }
      const own = new AbortController();
      controller = own;
      message.textContent = '';
      progress.value = 0;
      status.textContent = 'running…';
      setRunning(true);
      const start = performance.now();
      workers
        .run(spec, {
          signal: own.signal,
          onProgress: (fraction) => {
            if (controller !== own) return;
            progress.value = fraction;
            status.textContent = `running… ${Math.round(fraction * 100)} %`;
          },
        })
        .then(
          (result) => {
            if (controller !== own) return;
            const ms = performance.now() - start;
            mapBase = base;
            show(result, baseName, ms);
            performance.measure(MAP_MEASURE, {
              start,
              end: performance.now(),
              detail: { cells: result.codes.length, workers: workers.size },
            });
            status.textContent = `done: ${result.codes.length} cells in ${formatNumber(ms, 3)} ms`;
          },
          (error: unknown) => {
            if (controller !== own) return;
            progress.value = 0;
            if (error instanceof CancelledError) {
              status.textContent =
                map === undefined ? 'cancelled' : 'cancelled: the map shows the last finished run';
            } else {
              status.textContent = 'failed';
              message.textContent = error instanceof Error ? error.message : String(error);
            }
          },
        )
        .finally(() => {
          if (controller !== own) return;
          controller = undefined;
          setRunning(false);
        });
    },
    runOnce(base, baseName) {
      layout();
      if (!ranOnce && settings.x.steps * settings.y.steps <= AUTO_RUN_CELLS)
        panel.run(base, baseName);
    },
  };
  return panel;
}

/** "a = 0.0404, b = 0.152: tonic spiking · click to open this neuron". */
function describeCell(map: ParameterMap, cell: Cell): string {
  const { x, y } = map.spec;
  const code = map.codes[cell.iy * x.steps + cell.ix] as number;
  const name =
    code === MAP_DIVERGED
      ? 'diverged'
      : FIRING_PATTERN_LABELS[FIRING_PATTERNS[code] ?? 'quiescent'];
  return `${x.name} = ${formatNumber(axisValue(x, cell.ix), 4)}, ${y.name} = ${formatNumber(axisValue(y, cell.iy), 4)}: ${name} · click to open this neuron`;
}
