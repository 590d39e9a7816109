/**
 * The network view: the settings of the paper's network, Run and Cancel with a progress bar, and
 * the results of the run (made in a Web Worker, so the page never freezes): the raster, the
 * population rate, its spectrum with the dominant frequency, per-population rates, and the v(t)
 * of a neuron picked on the raster.
 */
import uPlot from 'uplot';
import { renderNetworkFigure } from 'izhikit';
import { COLORS, TIME_AXIS, axis } from '../ui/chart-theme.js';
import { el, formatNumber, uniqueId } from '../ui/dom.js';
import { readoutItem } from '../ui/readout-item.js';
import { downloadText } from '../ui/download.js';
import { downloadPng, downloadSvg } from '../ui/figure-export.js';
import { createSliderField, type SliderField } from '../ui/slider-field.js';
import { NetworkClient } from './client.js';
import type { NetworkSettings, NetworkSummary } from './protocol.js';
import { Raster } from './raster.js';
import type { NetworkViewState } from './state.js';
import { settingsProblem, type SettingKey } from './validate.js';

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

const FIELDS: {
  key: SettingKey;
  label: string;
  unit?: string;
  help: string;
  min: number;
  max: number;
  step: number;
}[] = [
  { key: 'ne', label: 'Ne', help: 'number of excitatory neurons', min: 0, max: 10000, step: 100 },
  { key: 'ni', label: 'Ni', help: 'number of inhibitory neurons', min: 0, max: 2500, step: 25 },
  {
    key: 'dt',
    label: 'dt',
    unit: 'ms',
    help: 'time step (the paper uses 1 ms)',
    min: 0.05,
    max: 1,
    step: 0.05,
  },
  {
    key: 'duration',
    label: 'duration T',
    unit: 'ms',
    help: 'length of the run',
    min: 100,
    max: 5000,
    step: 100,
  },
  {
    key: 'seed',
    label: 'seed',
    help: 'seed of the random generator: the same seed gives the same spikes',
    min: 0,
    max: 100,
    step: 1,
  },
];

function lineChart(
  label: string,
  xLabel: string | undefined,
  color: string,
  sync: string | undefined,
): uPlot {
  const holder = document.createElement('div');
  const empty = new Float64Array(0);
  return new uPlot(
    {
      width: 400,
      height: 120,
      legend: { show: false },
      cursor: {
        drag: { x: false, y: false },
        ...(sync === undefined ? {} : { sync: { key: sync } }),
      },
      scales: { x: { time: false } },
      series: [{}, { label, stroke: color, width: 1.25, points: { show: false } }],
      // Without a label the time axis is the raster's, just above: ticks only.
      axes: [
        xLabel === undefined
          ? axis(undefined, { size: 24, ...TIME_AXIS })
          : axis(xLabel, { size: 30, labelSize: 16, labelGap: 0, ...TIME_AXIS }),
        axis(label, { size: 64, space: 18 }),
      ],
    },
    [empty, empty],
    holder,
  );
}

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
  let neuronTrace: { neuron: number; t: Float64Array; v: Float64Array } | undefined;
  const client = new NetworkClient();
  const fields = new Map<SettingKey, SliderField>();

  const raster = new Raster((neuron) => pick(neuron));
  const rateChart = lineChart('rate (Hz)', undefined, COLORS.rate, 'network-time');
  const spectrumChart = lineChart('power', 'frequency (Hz)', COLORS.spectrum, undefined);
  const traceChart = lineChart('v (mV)', 't (ms)', COLORS.v, 'network-time');

  /** The field showing a problem of the settings, if any. */
  let problemKey: SettingKey | undefined;
  /** The size changed last: a network too large for memory is reported under it. */
  let sizeField: 'ne' | 'ni' = 'ne';

  /** Shows the settings' first problem under its field; true when they can run. */
  const checkSettings = (): boolean => {
    const problem = settingsProblem(state.settings, sizeField);
    if (problemKey !== undefined && problemKey !== problem?.key) {
      fields.get(problemKey)?.setError(undefined);
    }
    problemKey = problem?.key;
    if (problem !== undefined) fields.get(problem.key)?.setError(problem.message);
    return problem === undefined;
  };

  const setSettings = (settings: Partial<NetworkSettings>): void => {
    state = { ...state, settings: { ...state.settings, ...settings } };
    if ('ne' in settings) sizeField = 'ne';
    if ('ni' in settings) sizeField = 'ni';
    // The message of a failed run no longer applies once a setting changes.
    if (runId === undefined) message.textContent = '';
    const valid = checkSettings();
    if (runId === undefined && !valid) {
      status.textContent = 'fix the marked setting, then press Run';
    } else if (runId === undefined && summary !== undefined) {
      const shown = summary.settings;
      const same = (Object.keys(shown) as (keyof NetworkSettings)[]).every(
        (key) => shown[key] === state.settings[key],
      );
      status.textContent = same
        ? 'the plots show these settings'
        : 'settings changed: press Run to simulate them';
    }
    onChange(state);
  };

  for (const spec of FIELDS) {
    fields.set(
      spec.key,
      createSliderField({
        name: `net-${spec.key}`,
        label: spec.label,
        ...(spec.unit === undefined ? {} : { unit: spec.unit }),
        help: spec.help,
        min: spec.min,
        max: spec.max,
        step: spec.step,
        value: initial.settings[spec.key],
        onInput: (value) => setSettings({ [spec.key]: value }),
      }),
    );
  }
  const field = (key: SettingKey): HTMLElement => (fields.get(key) as SliderField).element;

  const scaleId = uniqueId('scale');
  const scale = el('input', { id: scaleId, type: 'checkbox', 'data-field': 'net-scale' });
  scale.addEventListener('change', () => setSettings({ scale: scale.checked }));

  const runButton = el('button', { type: 'submit', class: 'primary', 'data-action': 'run' }, 'Run');
  const cancelButton = el(
    'button',
    { type: 'button', 'data-action': 'cancel', disabled: true },
    'Cancel',
  );
  const progressId = uniqueId('progress');
  const progress = el('progress', { id: progressId, max: 1, value: 0, 'data-progress': '' });
  const status = el('p', { class: 'run-status', role: 'status', 'data-status': '' });

  const neuronId = uniqueId('neuron');
  const neuronField = el('input', {
    id: neuronId,
    type: 'number',
    class: 'number',
    min: 0,
    step: 1,
    'data-field': 'net-neuron',
  });
  const neuronError = el('div', { id: `${neuronId}-error`, class: 'field-error', role: 'alert' });
  neuronField.setAttribute('aria-describedby', neuronError.id);
  const showNeuron = el('button', { type: 'button', 'data-action': 'show-neuron' }, 'Show v(t)');
  showNeuron.addEventListener('click', () => {
    const text = neuronField.value.trim();
    const neuron = Number(text);
    // An empty field is not neuron 0 (Number('') is 0).
    if (text === '' || !Number.isInteger(neuron)) {
      const n = summary === undefined ? undefined : summary.settings.ne + summary.settings.ni;
      neuronError.textContent =
        `the neuron index must be a whole number` + (n === undefined ? '' : ` from 0 to ${n - 1}`);
      return;
    }
    pick(neuron);
  });
  // Enter in the index shows that neuron; it does not re-run the whole network.
  neuronField.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      showNeuron.click();
    }
  });

  const controls = el(
    'form',
    { class: 'controls', 'aria-label': 'Network settings' },
    el(
      'fieldset',
      {},
      el('legend', {}, 'Network'),
      field('ne'),
      field('ni'),
      el(
        'label',
        {
          class: 'toggle',
          for: scaleId,
          title: 'multiply excitatory weights by 800/Ne and inhibitory ones by 200/Ni',
        },
        scale,
        ' scale weights with size (800/Ne, 200/Ni)',
      ),
    ),
    el('fieldset', {}, el('legend', {}, 'Run'), field('dt'), field('duration'), field('seed')),
    el(
      'fieldset',
      { class: 'run-box' },
      el('legend', {}, 'Simulation'),
      el('div', { class: 'run-buttons' }, runButton, cancelButton),
      el('label', { for: progressId, class: 'progress-label' }, 'Progress'),
      progress,
      status,
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'One neuron'),
      el(
        'div',
        { class: 'field-head' },
        el('label', { for: neuronId }, el('span', { class: 'field-name' }, 'neuron index')),
        neuronField,
      ),
      neuronError,
      el('p', { class: 'hint' }, 'Or click a row of the raster.'),
      showNeuron,
    ),
  );
  controls.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  cancelButton.addEventListener('click', () => {
    if (runId !== undefined) client.cancel(runId);
  });

  const title = el('h2', { class: 'plot-title' }, 'Network');
  const readout = el('dl', { class: 'readout', 'aria-live': 'polite', 'data-readout': '' });
  const message = el('div', { class: 'run-error', role: 'alert', 'data-error': '' });
  const traceTitle = el('h3', { class: 'chart-title' }, 'v(t) of one neuron: click a raster row');
  const exportBar = el('div', { class: 'export-bar', role: 'group', 'aria-label': 'Export' });
  exportBar.append(el('span', { class: 'export-label' }, 'Export'));
  const exportButtons: HTMLButtonElement[] = [];
  const exportButton = (label: string, name: string, action: () => void): void => {
    // Nothing to export before the first run finishes.
    const b = el('button', { type: 'button', 'data-export': name, disabled: true }, label);
    b.addEventListener('click', action);
    exportBar.append(b);
    exportButtons.push(b);
  };
  exportButton(
    'CSV',
    'csv',
    () => summary && downloadText(spikesCsv(summary), 'network-spikes.csv', 'text/csv'),
  );
  exportButton(
    'JSON',
    'json',
    () => summary && downloadText(summaryJson(summary), 'network.json', 'application/json'),
  );

  const figure = (shown: NetworkSummary): string => {
    const { ne, ni, duration, seed, scale: scaled, dt } = shown.settings;
    return renderNetworkFigure({
      ne,
      ni,
      duration,
      spikes: { t: shown.spikeTimes, i: shown.spikeNeurons },
      populationRate: shown.populationRate,
      ...(neuronTrace === undefined ? {} : { trace: neuronTrace }),
      subtitle: `seed ${seed} · dt = ${dt} ms · weights ${scaled ? 'scaled to the size' : 'as in the paper'}`,
    });
  };
  exportButton('SVG', 'svg', () => summary && downloadSvg(figure(summary), 'network.svg'));
  exportButton('PNG', 'png', () => {
    if (summary === undefined) return;
    downloadPng(figure(summary), 'network.png').catch((error: unknown) => {
      message.textContent = `the PNG could not be made: ${String(error)}`;
    });
  });

  const rasterBox = el(
    'div',
    { class: 'chart-box raster-box' },
    el(
      'h3',
      { class: 'chart-title' },
      'Spike raster: ',
      el('span', { class: 'legend-e' }, 'excitatory'),
      ' · ',
      el('span', { class: 'legend-i' }, 'inhibitory'),
    ),
    raster.element,
  );
  const rateBox = el(
    'div',
    { class: 'chart-box' },
    el('h3', { class: 'chart-title' }, 'Population rate (1 ms bins)'),
    rateChart.root.parentElement as HTMLElement,
  );
  const spectrumTitle = el('h3', { class: 'chart-title' }, 'Spectrum of the population rate');
  const spectrumBox = el(
    'div',
    { class: 'chart-box' },
    spectrumTitle,
    spectrumChart.root.parentElement as HTMLElement,
  );
  const traceBox = el(
    'div',
    { class: 'chart-box' },
    traceTitle,
    traceChart.root.parentElement as HTMLElement,
  );
  const plots = el(
    'div',
    { class: 'network-plots' },
    rasterBox,
    rateBox,
    el('div', { class: 'network-lower' }, spectrumBox, traceBox),
  );
  const plotArea = el(
    'div',
    { class: 'plot-area network-plot-area' },
    el('div', { class: 'plot-head' }, title, readout),
    message,
    plots,
    el(
      'div',
      { class: 'plot-foot' },
      el('span', { class: 'hint' }, 'Runs in a Web Worker: the page stays responsive.'),
      exportBar,
    ),
  );
  const element = el(
    'section',
    { class: 'view network-view', 'data-view': 'network' },
    plotArea,
    controls,
  );

  new ResizeObserver(() => layout()).observe(plots);
  function layout(): void {
    const width = Math.max(240, plots.clientWidth);
    const height = Math.max(360, plots.clientHeight);
    raster.setSize(width, Math.floor(height * 0.45));
    rateChart.setSize({ width, height: Math.floor(height * 0.19) });
    const lowerWidth = width >= 640 ? Math.floor((width - 12) / 2) : width;
    const lowerHeight = Math.floor(height * 0.26);
    spectrumChart.setSize({ width: lowerWidth, height: lowerHeight });
    traceChart.setSize({ width: lowerWidth, height: lowerHeight });
  }

  function showState(): void {
    for (const [key, f] of fields) {
      if (Number(f.number.value) !== state.settings[key]) f.set(state.settings[key]);
    }
    scale.checked = state.settings.scale;
    if (state.neuron !== undefined) neuronField.value = String(state.neuron);
  }

  function setRunning(running: boolean): void {
    runButton.disabled = running;
    cancelButton.disabled = !running;
    element.classList.toggle('running', running);
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
    status.textContent = 'running…';
    setRunning(true);
    const started = performance.now();
    const id = client.run(settings, {
      onProgress: (fraction) => {
        if (runId !== id) return;
        progress.value = fraction;
        status.textContent = `running… ${Math.round(fraction * 100)} %`;
      },
      onDone: (result) => {
        if (runId !== id) return;
        runId = undefined;
        setRunning(false);
        progress.value = 1;
        const wall = performance.now() - started;
        status.textContent =
          `done: ${result.spikeTimes.length} spikes; simulated in ${formatNumber(result.elapsedMs, 3)} ms ` +
          `(${formatNumber(wall, 3)} ms in all, with building the weights and the analysis)`;
        show(result);
      },
      onFailed: (failure) => {
        if (runId !== id) return;
        runId = undefined;
        setRunning(false);
        progress.value = 0;
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
    for (const b of exportButtons) b.disabled = false;
    const { ne, ni, duration, seed, scale: scaled } = result.settings;
    title.textContent = `Network of ${ne} excitatory + ${ni} inhibitory neurons`;
    const hz = (rate: number): string => (Number.isNaN(rate) ? '—' : `${formatNumber(rate, 4)} Hz`);
    const all = (result.spikeTimes.length / (ne + ni)) * (1000 / duration);
    readout.replaceChildren(
      readoutItem('spikes', String(result.spikeTimes.length), 'spikes'),
      readoutItem('excitatory', hz(result.excitatoryRate), 'excitatory'),
      readoutItem('inhibitory', hz(result.inhibitoryRate), 'inhibitory'),
      readoutItem('all', hz(all), 'rate'),
      readoutItem('dominant frequency', hz(result.dominantFrequency), 'dominant'),
    );
    raster.setData({ ne, ni, duration, t: result.spikeTimes, i: result.spikeNeurons });
    const binTimes = new Float64Array(result.populationRate.length);
    // Bin k covers (k, k + 1] ms: plot it at its middle.
    for (let k = 0; k < binTimes.length; k++) binTimes[k] = k + 0.5;
    rateChart.setData([binTimes, result.populationRate]);
    rateChart.setScale('x', { min: 0, max: duration });
    spectrumTitle.textContent = `Spectrum of the population rate: peak at ${formatNumber(result.dominantFrequency, 4)} Hz`;
    // Show the band where the rhythms are (up to 100 Hz), not the flat tail to 500 Hz, but
    // always the dominant frequency that the readout names (a tiny network's can be 286 Hz).
    const top = Math.max(100, Math.ceil((result.dominantFrequency * 1.2) / 50) * 50);
    let band = result.frequency.length;
    while (band > 2 && (result.frequency[band - 1] as number) > top) band--;
    spectrumChart.setData([result.frequency.subarray(0, band), result.power.subarray(0, band)]);
    spectrumBox.dataset.upTo = String(result.frequency[band - 1]);
    element.dataset.seed = String(seed);
    element.dataset.scaled = String(scaled);
    if (state.neuron !== undefined && state.neuron < ne + ni) pick(state.neuron);
    else {
      raster.select(undefined);
      neuronTrace = undefined;
      traceChart.setData([new Float64Array(0), new Float64Array(0)]);
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
    traceTitle.textContent = `v(t) of neuron ${neuron} (${kind}): computing…`;
    if (traceId !== undefined) client.cancel(traceId);
    neuronTrace = undefined;
    const id = client.trace(shown.settings, neuron, {
      onTrace: (trace) => {
        if (traceId !== id) return;
        traceId = undefined;
        traceTitle.textContent = `v(t) of neuron ${neuron} (${kind})`;
        traceTitle.dataset.neuron = String(neuron);
        traceChart.setData([trace.t, trace.v]);
        traceChart.setScale('x', { min: 0, max: shown.settings.duration });
        neuronTrace = { neuron, t: trace.t, v: trace.v };
      },
      onFailed: (failure) => {
        if (traceId !== id) return;
        traceId = undefined;
        if (failure.kind !== 'cancelled') traceTitle.textContent = failure.message;
      },
    });
    traceId = id;
  }

  showState();
  checkSettings();
  return {
    element,
    get state() {
      return state;
    },
    get summary() {
      return summary;
    },
    exportBar,
    setState(next) {
      state = next;
      showState();
      checkSettings();
    },
    onShow() {
      layout();
      const { ne, ni } = state.settings;
      if (ranOnce) return;
      if (ne + ni <= AUTO_RUN_NEURONS) run();
      else if (checkSettings()) {
        status.textContent = `${ne + ni} neurons: press Run (networks over ${AUTO_RUN_NEURONS} neurons do not start by themselves)`;
      } else status.textContent = 'fix the marked setting, then press Run';
    },
  };
}

function spikesCsv(summary: NetworkSummary): string {
  const rows = ['t,i'];
  const { spikeTimes: t, spikeNeurons: i } = summary;
  for (let s = 0; s < t.length; s++) rows.push(`${t[s]},${i[s]}`);
  return rows.join('\n') + '\n';
}

function summaryJson(summary: NetworkSummary): string {
  return (
    JSON.stringify({
      ...summary.settings,
      rates: { excitatory: summary.excitatoryRate, inhibitory: summary.inhibitoryRate },
      dominantFrequency: summary.dominantFrequency,
      populationRate: Array.from(summary.populationRate),
      spikes: { t: Array.from(summary.spikeTimes), i: Array.from(summary.spikeNeurons) },
    }) + '\n'
  );
}
