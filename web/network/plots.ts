/**
 * The network view's plot area: the raster, the population rate, its spectrum and one neuron's
 * v(t), with the title and readout above them, sized to the space they have.
 */
import { COLORS } from '../ui/chart-theme.js';
import { el, formatNumber } from '../ui/dom.js';
import { readoutItem } from '../ui/readout-item.js';
import { lineChart } from './line-chart.js';
import type { NetworkSummary } from './protocol.js';
import { Raster } from './raster.js';

export interface NetworkPlots {
  readonly element: HTMLElement;
  readonly raster: Raster;
  /** The line above the plots that says why a run failed. */
  readonly message: HTMLElement;
  /** Fits the charts to the space they have. */
  layout(): void;
  /** Shows a finished run: title, readout, raster, population rate and spectrum. */
  showSummary(result: NetworkSummary): void;
  /** Says that the v(t) of `neuron` (`kind`: excitatory or inhibitory) is on its way. */
  traceComing(neuron: number, kind: string): void;
  /** Shows the v(t) of `neuron` over a run of `duration` ms. */
  showTrace(neuron: number, kind: string, t: Float64Array, v: Float64Array, duration: number): void;
  /** Puts the reason the v(t) could not be computed in its title. */
  traceFailed(message: string): void;
  /** Empties the v(t) chart. */
  clearTrace(): void;
  /** Fades the plots and says so when they no longer show the settings on screen. */
  setStale(stale: boolean): void;
}

/** `exportBar` goes at the foot, beside the hint; clicking a raster row calls `onPick`. */
export function createNetworkPlots(
  onPick: (neuron: number) => void,
  exportBar: HTMLElement,
): NetworkPlots {
  const raster = new Raster(onPick);
  const rateChart = lineChart('rate (Hz)', undefined, COLORS.rate, 'network-time');
  const spectrumChart = lineChart('power', 'frequency (Hz)', COLORS.spectrum, undefined);
  const traceChart = lineChart('v (mV)', 't (ms)', COLORS.v, 'network-time');

  const title = el('h2', { class: 'plot-title' }, 'Network');
  const readout = el('dl', { class: 'readout', 'aria-live': 'polite', 'data-readout': '' });
  const message = el('div', { class: 'run-error', role: 'alert', 'data-error': '' });
  const traceTitle = el('h3', { class: 'chart-title' }, 'v(t) of one neuron: click a raster row');

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
  const chartBox = (heading: HTMLElement, chart: { root: HTMLElement }): HTMLElement =>
    el('div', { class: 'chart-box' }, heading, chart.root.parentElement as HTMLElement);
  const rateBox = chartBox(
    el('h3', { class: 'chart-title' }, 'Population rate (1 ms bins)'),
    rateChart,
  );
  const spectrumTitle = el('h3', { class: 'chart-title' }, 'Spectrum of the population rate');
  const spectrumBox = chartBox(spectrumTitle, spectrumChart);
  const traceBox = chartBox(traceTitle, traceChart);
  const wholeRun = el(
    'button',
    {
      type: 'button',
      class: 'small',
      'data-action': 'reset-zoom',
      title: 'or double-click the raster',
      hidden: true,
    },
    'Whole run',
  );
  wholeRun.addEventListener('click', () => raster.setWindow(undefined));
  const plots = el(
    'div',
    { class: 'network-plots' },
    rasterBox,
    rateBox,
    el('div', { class: 'network-lower' }, spectrumBox, traceBox),
  );
  const staleNote = el(
    'p',
    { class: 'stale-line', 'data-stale-note': '', hidden: true },
    'These plots show an earlier run, not the settings now shown: press Run to simulate them.',
  );
  const element = el(
    'div',
    { class: 'plot-area network-plot-area' },
    el('div', { class: 'plot-head' }, title, readout),
    message,
    staleNote,
    plots,
    el(
      'div',
      { class: 'plot-foot' },
      el(
        'span',
        { class: 'hint' },
        'Runs in Web Workers (see threads): the page stays responsive. ',
        // a touch screen has no drag-to-zoom (a drag scrolls the page) and no double-click
        el(
          'span',
          { class: 'for-mouse' },
          'Drag across the raster to zoom in time; double-click to reset.',
        ),
        el(
          'span',
          { class: 'for-touch' },
          'Tap a row of the raster to see that neuron; pinch it with two fingers to zoom in time.',
        ),
      ),
      wholeRun,
      exportBar,
    ),
  );

  // A zoom of the raster zooms the rate and v(t) charts, which share its time axis.
  raster.onZoom = (window) => {
    zoomWindow = window;
    wholeRun.hidden = window === undefined;
    const duration = shownDuration ?? 1000;
    for (const chart of [rateChart, traceChart]) {
      chart.setScale('x', window ?? { min: 0, max: duration });
    }
  };
  let shownDuration: number | undefined;
  let zoomWindow: { min: number; max: number } | undefined;

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

  function showSummary(result: NetworkSummary): void {
    const { ne, ni, duration, synapses } = result.settings;
    shownDuration = duration;
    title.textContent =
      `Network of ${ne} excitatory + ${ni} inhibitory neurons` +
      (synapses === 'all' ? '' : `, ${synapses} synapses each`);
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
    raster.setWindow(undefined);
    spectrumTitle.textContent = `Spectrum of the population rate: peak at ${formatNumber(result.dominantFrequency, 4)} Hz`;
    // Show the band where the rhythms are (up to 100 Hz), not the flat tail to 500 Hz, but
    // always the dominant frequency that the readout names (a tiny network's can be 286 Hz).
    const top = Math.max(100, Math.ceil((result.dominantFrequency * 1.2) / 50) * 50);
    let band = result.frequency.length;
    while (band > 2 && (result.frequency[band - 1] as number) > top) band--;
    spectrumChart.setData([result.frequency.subarray(0, band), result.power.subarray(0, band)]);
    spectrumBox.dataset.upTo = String(result.frequency[band - 1]);
  }

  return {
    element,
    raster,
    message,
    layout,
    showSummary,
    traceComing(neuron, kind) {
      traceTitle.textContent = `v(t) of neuron ${neuron} (${kind}): computing…`;
    },
    showTrace(neuron, kind, t, v, duration) {
      traceTitle.textContent = `v(t) of neuron ${neuron} (${kind})`;
      traceTitle.dataset.neuron = String(neuron);
      traceChart.setData([t, v]);
      traceChart.setScale('x', zoomWindow ?? { min: 0, max: duration });
    },
    traceFailed(text) {
      traceTitle.textContent = text;
    },
    clearTrace() {
      traceChart.setData([new Float64Array(0), new Float64Array(0)]);
    },
    setStale(stale) {
      element.classList.toggle('stale', stale);
      staleNote.hidden = !stale;
    },
  };
}
