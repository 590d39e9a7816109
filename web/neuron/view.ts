/**
 * The neuron view: sliders and fields for every parameter, the I(t) expression, the preset
 * picker, the plot and its readout. Every input event re-simulates and redraws synchronously;
 * a bad value shows its message next to its field while the last good plot stays.
 */
import { ExpressionError, ParameterError, TRACE_BYTES_PER_STEP } from 'izhikit';
import { el } from '../ui/dom.js';
import { createExportBar } from '../ui/export-bar.js';
import { createNeuronControls, type FieldKey } from './controls.js';
import { createErrorDisplay } from './error-display.js';
import { addNeuronExports } from './export-buttons.js';
import { createNeuronPlotArea } from './plot-area.js';
import { linkProblems } from './link-check.js';
import {
  MAX_INPUT_CHARS,
  baseState,
  readNeuronParams,
  runState,
  type NeuronRun,
  type NeuronState,
} from './state.js';

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
  readonly result: NeuronRun | undefined;
  /** Extra buttons (SVG, PNG export) added once the figure renderer is available. */
  readonly exportBar: HTMLElement;
  /** Opens the link `params`: its state, with every value that cannot run marked. */
  openLink(params: URLSearchParams): void;
}

const toggles = ({ showU, showI, showPhase }: NeuronState) => ({ showU, showI, showPhase });

export function createNeuronView(
  initial: NeuronState,
  onChange: (state: NeuronState) => void,
): NeuronView {
  let state = initial;
  let result: NeuronRun | undefined;

  // Disabled until there is a run to export (a link with a bad value opens without one).
  const exportBar = createExportBar('Export', { disabled: true });
  const plots = createNeuronPlotArea(
    (name, checked) => update({ ...state, [name]: checked }, name),
    exportBar.element,
  );
  const controls = createNeuronControls(initial, () => state, update);
  const errors = createErrorDisplay(
    () => controls.fields,
    controls.expression,
    plots.message,
    (stale) => plots.setStale(stale, result !== undefined),
  );
  addNeuronExports(
    exportBar,
    () => ({ result, state }),
    (text) => (plots.message.textContent = text),
  );
  plots.chart.onCursor = (index) => {
    if (result !== undefined) plots.showPhasePlane(result, state, index);
  };

  const element = el(
    'section',
    { class: 'view neuron-view', 'data-view': 'neuron' },
    plots.element,
    controls.element,
  );

  /** The last state that ran. */
  let lastGood: NeuronState | undefined;

  /**
   * After a failed run, marks every other field changed since the last good run that is wrong on
   * its own (the library reports one error at a time): each is tried alone on the last good
   * state, and a ParameterError that names it marks it.
   */
  function markOthers(failed: NeuronState): void {
    const good = lastGood;
    if (good === undefined || good.model !== failed.model) return;
    for (const key of controls.fields.keys()) {
      if (errors.isMarked(key) || failed[key] === good[key]) continue;
      try {
        runState({ ...good, [key]: failed[key] }, EXPLORER_MAX_TRACE_BYTES);
      } catch (error) {
        if (error instanceof ParameterError && error.parameter === key) {
          errors.markField(key, error.message);
        }
      }
    }
  }

  function update(next: NeuronState, source: string): void {
    const start = performance.now();
    state = next;
    plots.chart.setVisible(state.showU, state.showI);
    controls.setModelError(undefined);
    controls.show(state);
    plots.show(state);
    try {
      if (state.input.length > MAX_INPUT_CHARS) {
        throw new ExpressionError(
          `I(t) is ${state.input.length} characters long; the explorer takes at most ` +
            `${MAX_INPUT_CHARS} (its link must fit in a URL)`,
          MAX_INPUT_CHARS,
        );
      }
      const run = runState(state, EXPLORER_MAX_TRACE_BYTES);
      errors.clear();
      if (result === undefined) exportBar.enable();
      result = run;
      lastGood = state;
      plots.showRun(run, state);
    } catch (error) {
      if (errors.marked) errors.clear();
      errors.show(error, source, state.input);
      markOthers(state);
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
    exportBar: exportBar.element,
    setState(next) {
      update(next, 'state');
    },
    openLink(params) {
      const linked = readNeuronParams(params);
      update(linked, 'state');
      const base = { ...baseState(linked.model, linked.preset), ...toggles(linked) };
      for (const [key, message] of linkProblems(params, base, linked, EXPLORER_MAX_TRACE_BYTES)) {
        if (key === 'model') controls.setModelError(message);
        const field = controls.fields.get(key as FieldKey);
        field?.setError(message);
        // A marked field of the Advanced group is shown, not left folded away.
        field?.element.closest('details')?.setAttribute('open', '');
      }
    },
  };
}
