/**
 * The polychronization view's charts in their grid: the raster of the last second, rates and
 * strong synapses over time, the weight histogram, the spectrum and one polychronous group; each
 * fitted to its grid cell, all redrawn from a worker's report.
 */
import { COLORS } from '../ui/chart-theme.js';
import { el, formatNumber } from '../ui/dom.js';
import { lineChart } from '../network/line-chart.js';
import { createGroupChart, createHistogram, createRaster, createSeriesChart } from './charts.js';
import type { PolychronReport } from './protocol.js';

export function createPolychronPlots() {
  const raster = createRaster();
  const rates = createSeriesChart('rate (Hz)', [
    { label: 'excitatory', color: COLORS.excitatory },
    { label: 'inhibitory', color: COLORS.inhibitory },
  ]);
  const strong = createSeriesChart('strong (%)', [{ label: 'strong', color: COLORS.rate }]);
  const histogram = createHistogram();
  const spectrum = lineChart('power', 'frequency (Hz)', COLORS.spectrum, undefined);
  const group = createGroupChart();

  const rasterTitle = el('h3', { class: 'chart-title' }, 'Spike raster of the last second');
  const spectrumTitle = el('h3', { class: 'chart-title' }, 'Spectrum of the excitatory rate');
  const groupTitle = el('h3', { class: 'chart-title' }, 'One group: press Find groups');
  const box = (heading: HTMLElement | string, chart: { root: HTMLElement }, wide = false) =>
    el(
      'div',
      { class: wide ? 'chart-box polychron-wide' : 'chart-box' },
      typeof heading === 'string' ? el('h3', { class: 'chart-title' }, heading) : heading,
      chart.root.parentElement as HTMLElement,
    );
  const rasterBox = box(rasterTitle, raster.chart, true);
  const grid = el(
    'div',
    { class: 'polychron-plots' },
    rasterBox,
    box(
      el(
        'h3',
        { class: 'chart-title' },
        'Rates per second: ',
        el('span', { class: 'legend-e' }, 'excitatory'),
        ' · ',
        el('span', { class: 'legend-i' }, 'inhibitory'),
      ),
      rates,
    ),
    box('Strong synapses (s > 0.9·smax), % of excitatory→excitatory', strong),
    box('Weight histogram of the excitatory synapses', histogram),
    box(spectrumTitle, spectrum),
    box(groupTitle, group.chart, true),
  );
  new ResizeObserver(() => layout()).observe(grid);
  /** Fits each chart to the width of its grid cell. */
  function layout(): void {
    const fit = (
      chart: { root: HTMLElement; setSize(size: { width: number; height: number }): void },
      height: number,
    ): void => {
      const cell = chart.root.parentElement?.parentElement;
      chart.setSize({ width: Math.max(200, cell?.clientWidth ?? 400), height });
    };
    const width = Math.max(200, grid.clientWidth);
    fit(raster.chart, Math.min(320, Math.max(220, Math.floor(width * 0.3))));
    for (const chart of [rates, strong, histogram, spectrum]) fit(chart, 170);
    fit(group.chart, 240);
  }

  function show(next: PolychronReport): void {
    raster.show({ ne: next.ne, ni: next.ni, t: next.rasterT, i: next.rasterI });
    rasterTitle.textContent = `Spike raster of second ${next.seconds} (${next.rasterT.length} spikes)`;
    rasterBox.dataset.spikes = String(next.rasterT.length);
    const seconds = Float64Array.from({ length: next.seconds }, (_, k) => k + 1);
    rates.setData([seconds, next.excitatoryRate, next.inhibitoryRate]);
    strong.setData([seconds, next.strongPercent]);
    const centres = next.counts.map(
      (_, k) => ((next.edges[k] as number) + (next.edges[k + 1] as number)) / 2,
    );
    histogram.setData([centres, next.counts]);
    // The rhythms are below 100 Hz: the flat tail to 500 Hz is left out.
    let band = next.frequency.length;
    while (band > 2 && (next.frequency[band - 1] as number) > 100) band--;
    spectrum.setData([next.frequency.subarray(0, band), next.power.subarray(0, band)]);
    spectrumTitle.textContent =
      `Spectrum of the excitatory rate, last ${next.spectrumSeconds} s: ` +
      `peak at ${formatNumber(next.dominantFrequency, 4)} Hz`;
  }

  return { grid, group, groupTitle, layout, show };
}
