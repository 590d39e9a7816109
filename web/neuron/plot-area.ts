/**
 * The neuron view's plot area: the trace chart, the phase plane with its caption, the title and
 * readout above them, the panel toggles and the export bar below, and the stale-plot note.
 */
import { IzhikitError, bookPhasePlane, phasePlane } from 'izhikit';
import { el, formatNumber } from '../ui/dom.js';
import { MODELS, findPreset } from './models.js';
import { PhaseChart } from './phase-chart.js';
import { presetTitle } from './preset-picker.js';
import { readoutItems } from './readout-line.js';
import type { NeuronRun, NeuronState } from './state.js';
import { TraceChart } from './trace-chart.js';

export type PanelToggle = 'showI' | 'showU' | 'showPhase';

export interface NeuronPlotArea {
  readonly element: HTMLElement;
  readonly chart: TraceChart;
  /** The line above the plot for errors that belong to no field. */
  readonly message: HTMLElement;
  /** Shows the state's toggles, panels and title. */
  show(state: NeuronState): void;
  /** Draws a good run of `state`: the trace, the phase plane at the end, the readout. */
  showRun(run: NeuronRun, state: NeuronState): void;
  /** The phase plane at the input of step `index` (the cursor), or at the end of the run. */
  showPhasePlane(run: NeuronRun, state: NeuronState, index: number | undefined): void;
  /** Marks the plot as the last valid run (`hasRun`) or as nothing, or clears that. */
  setStale(stale: boolean, hasRun: boolean): void;
}

/** A toggle calls `onToggle`; `exportBar` goes at the foot, beside the toggles. */
export function createNeuronPlotArea(
  onToggle: (name: PanelToggle, checked: boolean) => void,
  exportBar: HTMLElement,
): NeuronPlotArea {
  const chart = new TraceChart();
  const phase = new PhaseChart();
  const phaseCaption = el('p', { class: 'phase-caption' });

  const toggles = el('div', { class: 'toggles', role: 'group', 'aria-label': 'Plot panels' });
  const toggle = (label: string, name: PanelToggle): HTMLInputElement => {
    const box = el('input', { type: 'checkbox', 'data-toggle': name });
    box.addEventListener('change', () => onToggle(name, box.checked));
    toggles.append(el('label', { class: 'toggle' }, box, ` ${label}`));
    return box;
  };
  const showI = toggle('stimulus I(t)', 'showI');
  const showU = toggle('recovery u(t)', 'showU');
  const showPhase = toggle('phase plane (v, u)', 'showPhase');

  // Hold: the trace on screen stays, faint, behind the next ones, to compare a change with.
  let current: NeuronRun | undefined;
  const holdButton = el(
    'button',
    { type: 'button', class: 'small', 'data-action': 'hold', 'aria-pressed': 'false' },
    'Hold trace',
  );
  holdButton.addEventListener('click', () => {
    const holding = holdButton.getAttribute('aria-pressed') === 'true';
    const trace = current?.trace;
    chart.hold(holding || trace === undefined ? undefined : { t: trace.t, v: trace.v });
    holdButton.setAttribute('aria-pressed', String(!holding && trace !== undefined));
    holdButton.textContent = !holding && trace !== undefined ? 'Drop held trace' : 'Hold trace';
  });
  const resetZoom = el(
    'button',
    {
      type: 'button',
      class: 'small',
      'data-action': 'reset-zoom',
      title: 'or double-click the plot',
    },
    'Whole run',
  );
  resetZoom.addEventListener('click', () => chart.resetZoom());
  // A touch screen has no drag-to-zoom (a drag scrolls the page) and no double-click.
  const zoomHint = el(
    'span',
    { class: 'hint' },
    el('span', { class: 'for-mouse' }, 'Drag across the plot to zoom; double-click to reset.'),
    el(
      'span',
      { class: 'for-touch' },
      'Touch the plot to read its values at that time; pinch it with two fingers to zoom.',
    ),
  );

  const title = el('h2', { class: 'plot-title' });
  const readout = el('dl', { class: 'readout', 'aria-live': 'polite', 'data-readout': '' });
  const message = el('div', { class: 'run-error', role: 'alert' });
  const staleNote = el(
    'span',
    { class: 'stale-note', hidden: true },
    'The plot shows the last valid run until the marked value is fixed.',
  );

  // Over the chart, so that showing it never changes the chart's size.
  chart.element.append(staleNote);
  const element = el(
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
    el(
      'div',
      { class: 'plot-foot' },
      toggles,
      el('div', { class: 'plot-tools' }, holdButton, resetZoom, zoomHint),
      exportBar,
    ),
  );

  function showPhasePlane(run: NeuronRun, state: NeuronState, index: number | undefined): void {
    const trace = run.trace;
    if (!state.showPhase || trace === undefined) return;
    const at = index ?? trace.I.length - 1;
    const I = trace.I[at] as number;
    const unit = MODELS[state.model].currentUnit;
    const withUnit = (value: number): string =>
      unit === '' ? formatNumber(value, 4) : `${formatNumber(value, 4)} ${unit}`;
    try {
      const options = { trajectory: trace, fieldSize: 0 };
      const plane =
        'model' in run
          ? bookPhasePlane(run.params, I, options)
          : phasePlane(run.params, I, options);
      phase.setData(plane, trace, unit);
      phase.setMarker(index);
      phaseCaption.textContent =
        index === undefined
          ? `Nullclines for I = ${withUnit(I)}, the input at the end of the run; point at the trace to see them at another time.`
          : `Nullclines for I(${formatNumber(trace.t[at] as number, 6)} ms) = ${withUnit(I)}.`;
    } catch (error) {
      phaseCaption.textContent = error instanceof IzhikitError ? error.message : String(error);
    }
  }

  return {
    element,
    chart,
    message,
    show(state) {
      showI.checked = state.showI;
      showU.checked = state.showU;
      showPhase.checked = state.showPhase;
      element.classList.toggle('with-phase', state.showPhase);
      chart.setCurrentUnit(MODELS[state.model].currentUnit);
      const preset = findPreset(state.preset);
      title.textContent = preset === undefined ? 'Custom neuron' : presetTitle(preset);
    },
    showRun(run, state) {
      current = run;
      if (run.trace !== undefined) chart.setData(run.trace);
      showPhasePlane(run, state, undefined);
      readout.replaceChildren(...readoutItems(run, state));
    },
    showPhasePlane,
    setStale(stale, hasRun) {
      element.classList.toggle('stale', stale);
      readout.dataset.stale = String(stale);
      if (stale) {
        // A link with a bad value opens with no run to keep.
        staleNote.textContent = hasRun
          ? 'The plot shows the last valid run until the marked value is fixed.'
          : 'Nothing to plot until the marked value is fixed.';
      }
      staleNote.hidden = !stale;
    },
  };
}
