/**
 * The neuron view: sliders and fields for every parameter, the I(t) expression, the preset
 * picker, the plot and its readout. Every input event re-simulates and redraws synchronously;
 * a bad value shows its message next to its field while the last good plot stays.
 */
import {
  DivergenceError,
  ExpressionError,
  INTEGRATORS,
  INTEGRATOR_NAMES,
  IzhikitError,
  MemoryLimitError,
  ParameterError,
  PRESETS,
  TRACE_BYTES_PER_STEP,
  classifyPattern,
  compileExpression,
  formatBytes,
  phasePlane,
  isIntegratorName,
  renderTraceFigure,
  runFigureData,
  simulate,
  type Preset,
  type SimulationResult,
} from 'izhikit';
import { el, formatNumber, uniqueId } from '../ui/dom.js';
import { readoutItem } from '../ui/readout-item.js';
import { downloadText } from '../ui/download.js';
import { downloadPng, downloadSvg } from '../ui/figure-export.js';
import { createSliderField, type SliderField } from '../ui/slider-field.js';
import { createExpressionField } from './expression-field.js';
import { runToCsv, runToJsonText } from './export.js';
import {
  ADVANCED_FIELDS,
  NEURON_FIELDS,
  START_FIELDS,
  SUBSTEPS_FIELD,
  type FieldSpec,
} from './fields.js';
import { createPresetPicker, presetTitle } from './preset-picker.js';
import { spikeReadout } from './readout.js';
import { stateFromPreset, simulationOptions, type NeuronState } from './state.js';
import { PhaseChart } from './phase-chart.js';
import { stepWindow } from './step-window.js';
import { TraceChart } from './trace-chart.js';

/** The name of the performance measure taken from an input event to the end of the redraw. */
export const REDRAW_MEASURE = 'izhikit:redraw';

/**
 * The largest trace the view records: 1 million steps (32 MB; 10 s at dt = 0.01 ms). With every
 * panel on, such a run simulates and redraws in 0.15–0.3 s per slider move (2 million steps took
 * up to 0.9 s); a longer one would stall the page at every keystroke. The CLI has no such limit.
 */
export const EXPLORER_MAX_TRACE_BYTES = (1e6 + 1) * TRACE_BYTES_PER_STEP; // t_0 … t_K, K = 1e6

export interface NeuronView {
  readonly element: HTMLElement;
  readonly state: NeuronState;
  /** Replaces the whole state (a preset, the URL) and redraws. */
  setState(state: NeuronState): void;
  /** The last good run, for exports. */
  readonly result: SimulationResult | undefined;
  /** Extra buttons (SVG, PNG export) added once the figure renderer is available. */
  readonly exportBar: HTMLElement;
}

type FieldKey = FieldSpec['key'];

/** The u0 shown in its field: the given one, or b·v0 without the binary noise. */
function u0Of(state: NeuronState): number {
  return state.u0 ?? Number((state.b * state.v0).toPrecision(12));
}

export function createNeuronView(
  initial: NeuronState,
  onChange: (state: NeuronState) => void,
): NeuronView {
  let state = initial;
  let result: SimulationResult | undefined;
  let errorKey: FieldKey | 'input' | undefined;
  const fields = new Map<FieldKey, SliderField>();

  const chart = new TraceChart();
  const phase = new PhaseChart();
  const phaseCaption = el('p', { class: 'phase-caption' });
  const picker = createPresetPicker((preset: Preset) =>
    update(stateFromPreset(preset, state), 'preset'),
  );
  const expression = createExpressionField(initial.input, (text) =>
    update({ ...state, input: text }, 'input'),
  );

  const makeField = (spec: FieldSpec): SliderField => {
    const field = createSliderField({
      name: spec.key,
      label: spec.label,
      ...(spec.unit === undefined ? {} : { unit: spec.unit }),
      help: spec.help,
      min: spec.min,
      max: spec.max,
      step: spec.step,
      value: spec.key === 'u0' ? u0Of(initial) : initial[spec.key],
      onInput: (value) => update({ ...state, [spec.key]: value }, spec.key),
    });
    fields.set(spec.key, field);
    return field;
  };

  // u0 follows b·v0 until the user unticks the box.
  const autoU0Id = uniqueId('auto-u0');
  const autoU0 = el('input', { id: autoU0Id, type: 'checkbox', 'data-field': 'auto-u0' });
  autoU0.addEventListener('change', () => {
    // Unticked, the field starts from the b·v0 it showed (without the binary noise).
    const u0 = autoU0.checked ? undefined : u0Of(state);
    update({ ...state, u0 }, 'u0');
  });

  const integratorId = uniqueId('integrator');
  const integrator = el('select', { id: integratorId, 'data-field': 'integrator' });
  for (const name of INTEGRATOR_NAMES) {
    integrator.append(el('option', { value: name, title: INTEGRATORS[name].description }, name));
  }
  integrator.addEventListener('change', () => {
    if (isIntegratorName(integrator.value))
      update({ ...state, integrator: integrator.value }, 'integrator');
  });

  const toggle = (label: string, name: 'showI' | 'showU' | 'showPhase'): HTMLInputElement => {
    const box = el('input', { type: 'checkbox', 'data-toggle': name });
    box.addEventListener('change', () => update({ ...state, [name]: box.checked }, name));
    toggles.append(el('label', { class: 'toggle' }, box, ` ${label}`));
    return box;
  };
  const toggles = el('div', { class: 'toggles', role: 'group', 'aria-label': 'Plot panels' });
  const showI = toggle('stimulus I(t)', 'showI');
  const showU = toggle('recovery u(t)', 'showU');
  const showPhase = toggle('phase plane (v, u)', 'showPhase');

  const title = el('h2', { class: 'plot-title' });
  const readout = el('dl', { class: 'readout', 'aria-live': 'polite', 'data-readout': '' });
  const message = el('div', { class: 'run-error', role: 'alert' });
  const staleNote = el(
    'span',
    { class: 'stale-note', hidden: true },
    'The plot shows the last valid run until the marked value is fixed.',
  );
  const exportBar = el('div', { class: 'export-bar', role: 'group', 'aria-label': 'Export' });
  const button = (label: string, action: () => void, name: string): HTMLButtonElement => {
    // Disabled until there is a run to export (a link with a bad value opens without one).
    const b = el('button', { type: 'button', 'data-export': name, disabled: true }, label);
    b.addEventListener('click', action);
    exportBar.append(b);
    return b;
  };
  exportBar.append(el('span', { class: 'export-label' }, 'Export'));
  button(
    'CSV',
    () => result && downloadText(runToCsv(result), `${fileStem()}.csv`, 'text/csv'),
    'csv',
  );
  button(
    'JSON',
    () =>
      result &&
      downloadText(runToJsonText(result, state.preset), `${fileStem()}.json`, 'application/json'),
    'json',
  );

  /** The preset the numbers came from, and whether they were edited since. */
  const origin = (): { preset: Preset | undefined; edited: boolean } => {
    const preset = PRESETS.find((p) => p.id === state.preset);
    return { preset, edited: preset !== undefined && edited(preset) };
  };
  // The figure shows the panels on screen, and does not pass edited values off as the preset.
  const figure = (run: SimulationResult): string => {
    const { preset, edited: changed } = origin();
    const data = runFigureData(run, preset);
    return renderTraceFigure(changed ? { ...data, title: `${data.title}, edited` } : data, {
      showU: state.showU,
      showI: state.showI,
    });
  };
  button('SVG', () => result && downloadSvg(figure(result), `${fileStem()}.svg`), 'svg');
  button(
    'PNG',
    () => {
      if (result !== undefined) {
        downloadPng(figure(result), `${fileStem()}.png`).catch((error: unknown) => {
          message.textContent = `the PNG could not be made: ${String(error)}`;
        });
      }
    },
    'png',
  );

  const fileStem = (): string => {
    const { preset, edited: changed } = origin();
    return preset === undefined ? 'neuron' : changed ? `${preset.id}-edited` : preset.id;
  };

  const advanced = el(
    'details',
    { class: 'advanced' },
    el('summary', {}, 'Advanced: model terms and integrator'),
    el(
      'p',
      { class: 'hint' },
      'dv/dt = k2·v² + k1·v + k0 − u + I,  du/dt = a·(b·(v − vb) − κ·u),  spike when v > vpeak.',
    ),
    ...ADVANCED_FIELDS.map((spec) => makeField(spec).element),
    el(
      'div',
      { class: 'select-field' },
      el('label', { for: integratorId }, el('span', { class: 'field-name' }, 'integrator')),
      integrator,
    ),
    makeField(SUBSTEPS_FIELD).element,
  );

  const controls = el(
    'form',
    { class: 'controls', 'aria-label': 'Neuron parameters' },
    picker.element,
    el(
      'fieldset',
      {},
      el('legend', {}, 'Neuron'),
      ...NEURON_FIELDS.map((spec) => makeField(spec).element),
    ),
    el('fieldset', {}, el('legend', {}, 'Input'), expression.element),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Start and time grid'),
      ...START_FIELDS.map((spec) => {
        const field = makeField(spec);
        if (spec.key === 'u0') {
          field.element.append(
            el('label', { class: 'toggle', for: autoU0Id }, autoU0, ' u0 = b·v0'),
          );
        }
        return field.element;
      }),
    ),
    advanced,
  );
  controls.addEventListener('submit', (event) => event.preventDefault());

  // Over the chart, so that showing it never changes the chart's size.
  chart.element.append(staleNote);
  const plotArea = el(
    'div',
    { class: 'plot-area' },
    el('div', { class: 'plot-head' }, title, readout),
    message,
    el(
      'div',
      { class: 'plot-body' },
      chart.element,
      el('div', { class: 'phase-box' }, phase.element, phaseCaption),
    ),
    el('div', { class: 'plot-foot' }, toggles, exportBar),
  );
  const element = el(
    'section',
    { class: 'view neuron-view', 'data-view': 'neuron' },
    plotArea,
    controls,
  );

  function showState(): void {
    for (const [key, field] of fields) {
      const value = key === 'u0' ? u0Of(state) : state[key];
      if (Number(field.number.value) !== value || field.number.value === '') field.set(value);
    }
    autoU0.checked = state.u0 === undefined;
    const u0Field = fields.get('u0');
    if (u0Field !== undefined) {
      u0Field.slider.disabled = state.u0 === undefined;
      u0Field.number.disabled = state.u0 === undefined;
    }
    integrator.value = state.integrator;
    const substeps = fields.get('substeps');
    if (substeps !== undefined) substeps.element.hidden = state.integrator === 'reference';
    if (expression.input.value !== state.input) expression.set(state.input);
    showI.checked = state.showI;
    showU.checked = state.showU;
    showPhase.checked = state.showPhase;
    plotArea.classList.toggle('with-phase', state.showPhase);
    const preset = PRESETS.find((p) => p.id === state.preset);
    picker.show(state.preset, preset !== undefined && edited(preset));
    title.textContent = preset === undefined ? 'Custom neuron' : presetTitle(preset);
  }

  function edited(preset: Preset): boolean {
    const reference = stateFromPreset(preset, state);
    return (Object.keys(reference) as (keyof NeuronState)[]).some(
      (key) => reference[key] !== state[key],
    );
  }

  function showReadout(run: SimulationResult): void {
    // A preset's own input has a known stimulus onset; an edited input gets it from I(t).
    const preset = PRESETS.find((p) => p.id === state.preset);
    const onset =
      preset !== undefined && preset.input === state.input ? preset.stimulus[0]?.start : undefined;
    const r = spikeReadout(run, onset);
    // Say what the latency counts from: a rebound burst (tc-burst) counts from t = 0, not from
    // the release of the inhibition, and "51 ms" alone read as the latter.
    const latency =
      r.latency === undefined
        ? '—'
        : r.latencyFrom === 0
          ? `${formatNumber(r.latency, 6)} ms (from t = 0)`
          : `${formatNumber(r.latency, 6)} ms (input onset ${formatNumber(r.latencyFrom, 6)} ms)`;
    readout.replaceChildren(
      readoutItem('spikes', String(r.count), 'count'),
      readoutItem('first-spike latency', latency, 'latency'),
      readoutItem('mean rate', `${formatNumber(r.rate, 4)} Hz`, 'rate'),
      patternItem(run),
    );
  }

  /** The firing-pattern label, for step inputs (the classifier's assumption). */
  function patternItem(run: SimulationResult): HTMLElement {
    const window = run.trace === undefined ? undefined : stepWindow(run.trace);
    if (window === undefined) {
      return readoutItem('pattern', 'not a step input', 'pattern', {
        title: 'The pattern label is for an input that steps once to a constant level.',
        muted: true,
      });
    }
    const pattern = classifyPattern(run.spikes, window);
    return readoutItem('pattern', pattern.label, 'pattern', { title: pattern.reason });
  }

  /** The phase plane at the input of step `index` (the cursor), or at the end of the run. */
  function showPhasePlane(run: SimulationResult, index: number | undefined): void {
    const trace = run.trace;
    if (!state.showPhase || trace === undefined) return;
    const at = index ?? trace.I.length - 1;
    const I = trace.I[at] as number;
    try {
      phase.setData(phasePlane(run.params, I, { trajectory: trace, fieldSize: 0 }), trace);
      phase.setMarker(index);
      phaseCaption.textContent =
        index === undefined
          ? `Nullclines for I = ${formatNumber(I, 4)}, the input at the end of the run; point at the trace to see them at another time.`
          : `Nullclines for I(${formatNumber(trace.t[at] as number, 6)} ms) = ${formatNumber(I, 4)}.`;
    } catch (error) {
      phaseCaption.textContent = error instanceof IzhikitError ? error.message : String(error);
    }
  }
  chart.onCursor = (index) => {
    if (result !== undefined) showPhasePlane(result, index);
  };

  /** Shows the error under the field at fault (where the user can fix it) and marks the plot stale. */
  function showError(error: unknown, source: string): void {
    const fieldError = (key: FieldKey, text: string): void => {
      errorKey = key;
      fields.get(key)?.setError(text);
      message.textContent = '';
    };
    if (error instanceof ExpressionError) {
      expression.setError({ message: error.message, position: error.position });
      errorKey = 'input';
      message.textContent = '';
    } else if (error instanceof ParameterError && fields.has(error.parameter as FieldKey)) {
      fieldError(error.parameter as FieldKey, error.message);
    } else if (error instanceof DivergenceError && !inputIsFinite(error.time)) {
      expression.setError({ message: error.message });
      errorKey = 'input';
      message.textContent = '';
    } else if (error instanceof DivergenceError) {
      // Under the value just changed (the user is looking there), else under dt, which it names.
      fieldError(fields.has(source as FieldKey) ? (source as FieldKey) : 'dt', error.message);
    } else if (error instanceof MemoryLimitError) {
      const steps = Math.round(error.requiredBytes / TRACE_BYTES_PER_STEP);
      fieldError(
        source === 'dt' ? 'dt' : 'duration',
        `duration/dt = ${steps} steps: the trace would need ${formatBytes(error.requiredBytes)}, ` +
          `more than the ${formatBytes(error.limitBytes)} the explorer draws; use a larger dt or a shorter duration`,
      );
    } else {
      message.textContent =
        error instanceof IzhikitError ? error.message : `unexpected error: ${String(error)}`;
    }
    plotArea.classList.add('stale');
    // A link with a bad value opens with no run to keep.
    staleNote.textContent =
      result === undefined
        ? 'Nothing to plot until the marked value is fixed.'
        : 'The plot shows the last valid run until the marked value is fixed.';
    staleNote.hidden = false;
  }

  /** Whether I(t) is finite at `time`: a run that diverged with a finite input needs a smaller dt. */
  function inputIsFinite(time: number): boolean {
    try {
      return Number.isFinite(compileExpression(state.input).evaluate(time));
    } catch {
      return true;
    }
  }

  function clearErrors(): void {
    if (errorKey === 'input') expression.setError(undefined);
    else if (errorKey !== undefined) fields.get(errorKey)?.setError(undefined);
    errorKey = undefined;
    message.textContent = '';
    plotArea.classList.remove('stale');
    staleNote.hidden = true;
  }

  function update(next: NeuronState, source: string): void {
    const start = performance.now();
    state = next;
    chart.setVisible(state.showU, state.showI);
    showState();
    try {
      const run = simulate({
        ...simulationOptions(state),
        maxTraceBytes: EXPLORER_MAX_TRACE_BYTES,
      });
      clearErrors();
      if (result === undefined) {
        for (const b of exportBar.querySelectorAll('button')) b.disabled = false;
      }
      result = run;
      if (run.trace !== undefined) chart.setData(run.trace);
      showPhasePlane(run, undefined);
      showReadout(run);
    } catch (error) {
      if (errorKey !== undefined) clearErrors();
      showError(error, source);
    }
    performance.measure(REDRAW_MEASURE, { start, end: performance.now(), detail: source });
    if (source !== 'init') onChange(state);
  }

  update(initial, 'init');

  return {
    element,
    get state() {
      return state;
    },
    get result() {
      return result;
    },
    exportBar,
    setState(next) {
      update(next, 'state');
    },
  };
}
