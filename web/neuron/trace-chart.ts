/**
 * The neuron view's plot: v(t) on top, the stimulus I(t) underneath and u(t) on request, as
 * uPlot charts stacked on a shared time axis and cursor. The simulation's Float64Array columns
 * are handed to uPlot as they are, without copying.
 */
import uPlot from 'uplot';
import type { TraceColumns } from 'izhikit';
import { COLORS, TIME_AXIS, axis } from '../ui/chart-theme.js';

const SYNC_KEY = 'neuron-trace';

type Column = 'v' | 'u' | 'I';

const PANELS: Record<Column, { label: string; color: string; share: number }> = {
  v: { label: 'v (mV)', color: COLORS.v, share: 0.62 },
  u: { label: 'u', color: COLORS.u, share: 0.2 },
  I: { label: 'I(t)', color: COLORS.I, share: 0.2 },
};

interface Panel {
  readonly column: Column;
  readonly chart: uPlot;
  readonly holder: HTMLElement;
}

export class TraceChart {
  readonly element: HTMLElement;
  private panels: Panel[] = [];
  private columns: Column[] = [];
  private trace: TraceColumns | undefined;

  /** Called with the step index under the cursor as it moves over any panel (none: undefined). */
  onCursor: ((index: number | undefined) => void) | undefined;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'trace-chart';
    this.setVisible(false, true);
    new ResizeObserver(() => this.resize()).observe(this.element);
  }

  /** Chooses the panels: v always, then u and I when asked. */
  setVisible(showU: boolean, showI: boolean): void {
    const columns: Column[] = ['v'];
    if (showU) columns.push('u');
    if (showI) columns.push('I');
    if (columns.join() === this.columns.join()) return;
    this.columns = columns;
    for (const panel of this.panels) {
      panel.chart.destroy();
      panel.holder.remove();
    }
    const { width, heights } = this.layout();
    this.panels = columns.map((column, index) =>
      this.makePanel(column, index === columns.length - 1, width, heights[index] ?? 100),
    );
    if (this.trace !== undefined) this.setData(this.trace);
  }

  private makePanel(column: Column, last: boolean, width: number, height: number): Panel {
    const { label, color } = PANELS[column];
    const holder = document.createElement('div');
    holder.className = `trace-panel trace-${column}`;
    holder.dataset.panel = column;
    this.element.append(holder);
    // Only the bottom panel labels the time axis; the others keep a thin axis for alignment.
    const timeAxis = last
      ? axis('t (ms)', { size: 30, labelSize: 16, labelGap: 0, ...TIME_AXIS })
      : axis(undefined, { size: 6, values: () => [] });
    const options: uPlot.Options = {
      width,
      height,
      legend: { show: false },
      cursor: { sync: { key: SYNC_KEY }, drag: { x: false, y: false } },
      scales: { x: { time: false } },
      series: [{}, { label, stroke: color, width: 1.25, points: { show: false } }],
      axes: [timeAxis, axis(label, { size: 56 })],
      hooks: {
        setCursor: [(u) => this.onCursor?.(u.cursor.idx ?? undefined)],
      },
    };
    const empty = new Float64Array(0);
    const chart = new uPlot(options, [empty, empty], holder);
    return { column, chart, holder };
  }

  /** Plots a trace, synchronously (so that the caller can time the redraw). */
  setData(trace: TraceColumns): void {
    this.trace = trace;
    for (const panel of this.panels) {
      panel.chart.batch(() => panel.chart.setData([trace.t, trace[panel.column]]));
    }
  }

  private layout(): { width: number; heights: number[] } {
    const width = Math.max(240, Math.floor(this.element.clientWidth || 600));
    const height = Math.max(260, Math.floor(this.element.clientHeight || 420));
    const share = this.columns.reduce((sum, column) => sum + PANELS[column].share, 0);
    const heights = this.columns.map((column) =>
      Math.max(70, Math.floor((height * PANELS[column].share) / share) - 2),
    );
    return { width, heights };
  }

  private resize(): void {
    const { width, heights } = this.layout();
    this.panels.forEach((panel, index) =>
      panel.chart.setSize({ width, height: heights[index] ?? 100 }),
    );
  }
}
