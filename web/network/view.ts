/**
 * The network view: the settings of the paper's network, Run and Cancel with a progress bar, and
 * the results of the run (made in a Web Worker, so the page never freezes): the raster, the
 * population rate, its spectrum with the dominant frequency, per-population rates, and the v(t)
 * of a neuron picked on the raster.
 */
import { el, formatNumber } from '../ui/dom.js';
import { downloadText } from '../ui/download.js';
import { createExportBar } from '../ui/export-bar.js';
import { NetworkClient } from './client.js';
import { createNetworkControls } from './controls.js';
import { networkFigure, spikesCsv, summaryJson, type NeuronTrace } from './export.js';
import { createNetworkPlots } from './plots.js';
import { RESULT_NEUTRAL, type NetworkSettings, type NetworkSummary } from './protocol.js';
import type { NetworkViewState } from './state.js';
import { settingsProblem, type SettingKey, type SizeKey } from './validate.js';

export interface NetworkView {
  readonly element: HTMLElement;
  readonly state: NetworkViewState;
  setState(state: NetworkViewState): void;
  /** Called when the view comes on screen: runs the network the first time. */
  onShow(): void;
  /** The last finished run. */
  readonly summary: NetworkSummary | undefined;
  readonly exportBar: HTMLElement;
}

/** Networks up to this size run by themselves when the view opens from a link. */
const AUTO_RUN_NEURONS = 5000;

export function createNetworkView(
  initial: NetworkViewState,
  onChange: (state: NetworkViewState) => void,
): NetworkView {
  let state = initial;
  let summary: NetworkSummary | undefined;
  let runId: number | undefined;
  let traceId: number | undefined;
  let ranOnce = false;
  /** The v(t) on screen, for the figure export. */
  let neuronTrace: NeuronTrace | undefined;
  const client = new NetworkClient();

  // Nothing to export before the first run finishes.
  const exportBar = createExportBar('Export', { disabled: true });
  const plots = createNetworkPlots((neuron) => pick(neuron), exportBar.element);
  const { raster, message } = plots;
  const controls = createNetworkControls(initial, {
    onSettings: (settings) => setSettings(settings),
    onRun: () => run(),
    onCancel: () => {
      if (runId !== undefined) client.cancel(runId);
    },
    onPick: (neuron) => pick(neuron),
    size: () => (summary === undefined ? undefined : summary.settings.ne + summary.settings.ni),
  });
  const { fields, runBox, neuronField, neuronError } = controls;
  const { progress, status } = runBox;

  exportBar.add(
    'CSV',
    'csv',
    () => summary && downloadText(spikesCsv(summary), 'network-spikes.csv', 'text/csv'),
  );
  exportBar.add(
    'JSON',
    'json',
    () => summary && downloadText(summaryJson(summary), 'network.json', 'application/json'),
  );
  exportBar.addFigure(
    () => summary && networkFigure(summary, neuronTrace),
    () => 'network',
    (text) => (message.textContent = text),
  );

  const element = el(
    'section',
    { class: 'view network-view', 'data-view': 'network' },
    plots.element,
    controls.element,
  );

  /** The field showing a problem of the settings, if any. */
  let problemKey: SettingKey | undefined;
  /** The size changed last: a network too large for memory is reported under it. */
  let sizeField: SizeKey = 'ne';

  /** Shows the settings' first problem under its field; true when they can run. */
  function checkSettings(): boolean {
    const problem = settingsProblem(state.settings, sizeField);
    if (problemKey !== undefined && problemKey !== problem?.key) {
      fields.get(problemKey)?.setError(undefined);
    }
    problemKey = problem?.key;
    if (problem !== undefined) fields.get(problem.key)?.setError(problem.message);
    return problem === undefined;
  }

  /** Whether the plots show the settings now on screen (true before any run: nothing to mislead). */
  function plotsCurrent(): boolean {
    if (summary === undefined) return true;
    const shown = summary.settings;
    return (Object.keys(shown) as (keyof NetworkSettings)[]).every(
      (key) => RESULT_NEUTRAL.includes(key) || shown[key] === state.settings[key],
    );
  }

  function markStale(): void {
    plots.setStale(!plotsCurrent());
  }

  function setSettings(settings: Partial<NetworkSettings>): void {
    state = { ...state, settings: { ...state.settings, ...settings } };
    if ('ne' in settings) sizeField = 'ne';
    if ('ni' in settings) sizeField = 'ni';
    if ('synapses' in settings) sizeField = 'synapses';
    // The message of a failed run no longer applies once a setting changes.
    if (runId === undefined) message.textContent = '';
    const valid = checkSettings();
    if (runId === undefined && !valid) {
      status.textContent = 'fix the marked setting, then press Run';
    } else if (runId === undefined && summary !== undefined) {
      status.textContent = plotsCurrent()
        ? 'the plots show these settings'
        : 'settings changed: press Run to simulate them';
    }
    markStale();
    onChange(state);
  }

  function run(): void {
    if (runId !== undefined) client.cancel(runId);
    ranOnce = true;
    const settings = state.settings;
    if (!checkSettings()) {
      // The field says what to change; the line above the plots says why nothing ran.
      message.textContent = settingsProblem(settings, sizeField)?.message ?? '';
      progress.value = 0;
      status.textContent = 'failed';
      return;
    }
    message.textContent = '';
    progress.value = 0;
    status.textContent = 'building the network…';
    runBox.setRunning(true, element);
    const started = performance.now();
    const id = client.run(settings, {
      onProgress: (fraction, phase) => {
        if (runId !== id) return;
        runBox.showProgress(fraction, phase === 'building' ? 'building synapses' : undefined);
      },
      onDone: (result) => {
        if (runId !== id) return;
        runId = undefined;
        runBox.setRunning(false, element);
        progress.value = 1;
        const wall = performance.now() - started;
        const on = result.threads === 1 ? 'in one worker' : `on ${result.threads} threads`;
        status.textContent =
          `done: ${result.spikeTimes.length} spikes; simulated in ${formatNumber(result.elapsedMs, 3)} ms ` +
          `${on}, built in ${formatNumber(result.setupMs, 3)} ms (${formatNumber(wall, 3)} ms in ` +
          `all, with the analysis)`;
        element.dataset.threads = String(result.threads);
        element.dataset.loopMs = String(result.elapsedMs);
        element.dataset.setupMs = String(result.setupMs);
        element.dataset.wallMs = String(wall);
        show(result);
      },
      onFailed: (failure) => {
        if (runId !== id) return;
        runId = undefined;
        runBox.setRunning(false, element);
        progress.value = 0;
        markStale();
        if (failure.kind === 'cancelled') {
          status.textContent = 'cancelled';
        } else {
          status.textContent = 'failed';
          message.textContent = failure.message;
          const key = failure.parameter as SettingKey | undefined;
          if (key !== undefined && fields.has(key)) {
            problemKey = key;
            fields.get(key)?.setError(failure.message);
          }
        }
      },
    });
    runId = id;
  }

  function show(result: NetworkSummary): void {
    summary = result;
    markStale();
    exportBar.enable();
    plots.showSummary(result);
    const { ne, ni, seed, scale: scaled } = result.settings;
    element.dataset.seed = String(seed);
    element.dataset.scaled = String(scaled);
    if (state.neuron !== undefined && state.neuron < ne + ni) pick(state.neuron);
    else {
      raster.select(undefined);
      neuronTrace = undefined;
      plots.clearTrace();
    }
  }

  function pick(neuron: number): void {
    const shown = summary;
    if (shown === undefined) {
      neuronError.textContent = 'run the network first: the v(t) comes from the finished run';
      return;
    }
    const n = shown.settings.ne + shown.settings.ni;
    if (!(Number.isInteger(neuron) && neuron >= 0 && neuron < n)) {
      neuronError.textContent = `there is no neuron ${neuron}: pick one from 0 to ${n - 1}`;
      return;
    }
    message.textContent = '';
    neuronError.textContent = '';
    state = { ...state, neuron };
    neuronField.value = String(neuron);
    onChange(state);
    raster.select(neuron);
    const kind = neuron < shown.settings.ne ? 'excitatory' : 'inhibitory';
    plots.traceComing(neuron, kind);
    if (traceId !== undefined) client.cancel(traceId);
    neuronTrace = undefined;
    const id = client.trace(shown.settings, neuron, {
      onTrace: (trace) => {
        if (traceId !== id) return;
        traceId = undefined;
        plots.showTrace(neuron, kind, trace.t, trace.v, shown.settings.duration);
        neuronTrace = { neuron, t: trace.t, v: trace.v };
      },
      onFailed: (failure) => {
        if (traceId !== id) return;
        traceId = undefined;
        if (failure.kind !== 'cancelled') plots.traceFailed(failure.message);
      },
    });
    traceId = id;
  }

  controls.show(state);
  checkSettings();
  return {
    element,
    get state() {
      return state;
    },
    get summary() {
      return summary;
    },
    exportBar: exportBar.element,
    setState(next) {
      state = next;
      controls.show(state);
      checkSettings();
      markStale();
    },
    onShow() {
      plots.layout();
      const { ne, ni } = state.settings;
      if (ranOnce) return;
      if (ne + ni <= AUTO_RUN_NEURONS) run();
      else if (checkSettings()) {
        status.textContent = `${ne + ni} neurons: press Run (networks over ${AUTO_RUN_NEURONS} neurons do not start by themselves)`;
      } else status.textContent = 'fix the marked setting, then press Run';
    },
  };
}
