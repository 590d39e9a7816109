/**
 * The neuron view's plot: v(t) on top, the stimulus I(t) underneath and u(t) on request, as
 * uPlot charts stacked on a shared time axis and cursor. The simulation's Float64Array columns
 * are handed to uPlot as they are, without copying. Dragging across a panel zooms every panel to
 * that time window (uPlot's select-to-zoom), as a pinch of two fingers does on a touch screen; a
 * double-click resets it, the values under the cursor are shown over the plot, and a held trace
 * is drawn faintly behind v(t).
 */
import uPlot from 'uplot';
import { decimateMinMax, type TraceColumns } from 'izhikit';
import { COLORS, TIME_AXIS, VALUE_AXIS, axis } from '../ui/chart-theme.js';
import { formatNumber } from '../ui/dom.js';
import { attachPinchZoom } from '../ui/pinch-zoom.js';

const SYNC_KEY = 'neuron-trace';

type Column = 'v' | 'u' | 'I';

/** A trace kept for comparison: its times and v. */
export interface HeldTrace {
  readonly t: Float64Array;
  readonly v: Float64Array;
}

/** The height of the bottom panel's time axis: its ticks and its label. */
const TIME_AXIS_HEIGHT = 46;

const PANELS: Record<Column, { label: string; color: string; share: number }> = {
  v: { label: 'v (mV)', color: COLORS.v, share: 0.62 },
  u: { label: 'u', color: COLORS.u, share: 0.2 },
  I: { label: 'I(t)', color: COLORS.I, share: 0.2 },
};

/** A panel's label with the unit of current (none for the 2003 form's u and I). */
function labelOf(column: Column, currentUnit: string): string {
  const { label } = PANELS[column];
  return column === 'v' || currentUnit === '' ? label : `${label} (${currentUnit})`;
}

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
  /** The time window zoomed to, or undefined for the whole run. */
  private zoom: { min: number; max: number } | undefined;
  /** True while one panel's zoom is copied to the others. */
  private syncing = false;
  private held: HeldTrace | undefined;
  /** The unit of u and I: '' for the 2003 form, pA for the 2007 form. */
  private currentUnit = '';
  /** The values under the cursor, over the top right of the plot. */
  readonly values: HTMLElement;

  /** Called with the step index under the cursor as it moves over any panel (none: undefined). */
  onCursor: ((index: number | undefined) => void) | undefined;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'trace-chart';
    this.values = document.createElement('div');
    this.values.className = 'cursor-values';
    this.values.dataset.cursorValues = '';
    this.element.append(this.values);
    this.setVisible(false, true);
    new ResizeObserver(() => this.resize()).observe(this.element);
  }

  /** Labels u and I with `unit` ('' for none), rebuilding the panels when it changes. */
  setCurrentUnit(unit: string): void {
    if (unit === this.currentUnit) return;
    this.currentUnit = unit;
    const shown = this.columns;
    this.columns = [];
    this.setVisible(shown.includes('u'), shown.includes('I'));
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
    const { color } = PANELS[column];
    const label = labelOf(column, this.currentUnit);
    const holder = document.createElement('div');
    holder.className = `trace-panel trace-${column}`;
    holder.dataset.panel = column;
    this.element.append(holder);
    // Only the bottom panel labels the time axis; the others keep a thin axis for alignment.
    const timeAxis = last
      ? axis('t (ms)', { size: TIME_AXIS_HEIGHT - 16, labelSize: 16, labelGap: 0, ...TIME_AXIS })
      : axis(undefined, { size: 6, values: () => [] });
    const options: uPlot.Options = {
      width,
      height,
      legend: { show: false },
      cursor: { sync: { key: SYNC_KEY }, drag: { x: true, y: false, setScale: true } },
      scales: { x: { time: false } },
      series: [{}, { label, stroke: color, width: 1.25, points: { show: false } }],
      // The short u and I panels (a phone's are 30 px) space their ticks closer, to show two.
      axes: [
        timeAxis,
        axis(label, { size: 56, ...(column === 'v' ? {} : { space: 12 }), ...VALUE_AXIS }),
      ],
      hooks: {
        setCursor: [
          (u) => {
            const index = u.cursor.idx ?? undefined;
            this.showValues(index);
            this.onCursor?.(index);
          },
        ],
        setScale: [
          (u, key) => {
            if (key !== 'x') return;
            // Each panel's own window, for tests and styles to read.
            holder.dataset.x = `${u.scales.x?.min},${u.scales.x?.max}`;
            this.zoomed(u);
          },
        ],
        ...(column === 'v' ? { drawAxes: [(u: uPlot) => this.drawHeld(u)] } : {}),
      },
    };
    const empty = new Float64Array(0);
    const chart = new uPlot(options, [empty, empty], holder);
    attachPinchZoom(chart, () => this.wholeRun());
    return { column, chart, holder };
  }

  /** Plots a trace, synchronously (so that the caller can time the redraw); a zoom is kept. */
  setData(trace: TraceColumns): void {
    this.trace = trace;
    const zoom = this.zoom;
    this.syncing = true;
    for (const panel of this.panels) {
      panel.chart.batch(() => {
        panel.chart.setData([trace.t, trace[panel.column]], zoom === undefined);
        if (zoom !== undefined) panel.chart.setScale('x', zoom);
      });
    }
    this.syncing = false;
  }

  /** The time window on screen, or undefined when the whole run is shown. */
  get window(): { min: number; max: number } | undefined {
    return this.zoom;
  }

  /** The times of the whole run, or undefined before a trace. */
  private wholeRun(): { min: number; max: number } | undefined {
    const t = this.trace?.t;
    if (t === undefined || t.length < 2) return undefined;
    return { min: t[0] as number, max: t.at(-1) as number };
  }

  /** Shows the whole run again. */
  resetZoom(): void {
    this.markZoom(undefined);
    if (this.trace !== undefined) this.setData(this.trace);
  }

  private markZoom(zoom: { min: number; max: number } | undefined): void {
    this.zoom = zoom;
    this.element.dataset.zoomed = String(zoom !== undefined);
    this.element.dataset.window = zoom === undefined ? '' : `${zoom.min},${zoom.max}`;
  }

  /** Keeps `trace` (copied) as a faint line behind v(t), or drops the held trace. */
  hold(trace: HeldTrace | undefined): void {
    this.held = trace === undefined ? undefined : { t: trace.t.slice(), v: trace.v.slice() };
    this.element.dataset.held = String(this.held !== undefined);
    for (const panel of this.panels) if (panel.column === 'v') panel.chart.redraw(false);
  }

  /** A panel's x scale changed (a drag, a double-click, new data): the others follow. */
  private zoomed(chart: uPlot): void {
    if (this.syncing) return;
    const scale = chart.scales.x;
    const t = this.trace?.t;
    if (scale === undefined) return;
    const { min, max } = scale;
    if (min === undefined || max === undefined || t === undefined || t.length === 0) return;
    const whole = min <= (t[0] as number) && max >= (t.at(-1) as number);
    this.markZoom(whole ? undefined : { min, max });
    this.syncing = true;
    for (const panel of this.panels) {
      if (panel.chart !== chart) panel.chart.setScale('x', { min, max });
    }
    this.syncing = false;
  }

  private showValues(index: number | undefined): void {
    const trace = this.trace;
    if (index === undefined || trace === undefined || index >= trace.t.length) {
      this.values.textContent = '';
      return;
    }
    const parts = [`t = ${formatNumber(trace.t[index] as number, 6)} ms`];
    for (const column of this.columns) {
      parts.push(
        `${column} = ${formatNumber(trace[column][index] as number, 4)}${column === 'v' ? ' mV' : this.currentUnit === '' ? '' : ` ${this.currentUnit}`}`,
      );
    }
    this.values.textContent = parts.join('  ');
  }

  /** Draws the held trace, min/max per pixel column over the window on screen, behind v(t). */
  private drawHeld(chart: uPlot): void {
    const held = this.held;
    const scale = chart.scales.x;
    if (held === undefined || scale === undefined) return;
    const { min, max } = scale;
    if (held.t.length === 0 || min === undefined || max === undefined) return;
    const columns = Math.max(1, Math.round(chart.bbox.width));
    let line;
    try {
      line = decimateMinMax(held.t, held.v, min, max, columns);
    } catch {
      return;
    }
    const context = chart.ctx;
    context.save();
    context.beginPath();
    context.rect(chart.bbox.left, chart.bbox.top, chart.bbox.width, chart.bbox.height);
    context.clip();
    context.strokeStyle = COLORS.held;
    context.lineWidth = 1.5 * devicePixelRatio;
    context.beginPath();
    for (let k = 0; k < line.x.length; k++) {
      const x = chart.valToPos(line.x[k] as number, 'x', true);
      const y = chart.valToPos(line.y[k] as number, 'y', true);
      if (k === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    }
    context.stroke();
    context.restore();
  }

  private layout(): { width: number; heights: number[] } {
    const width = Math.max(240, Math.floor(this.element.clientWidth || 600));
    const height = Math.max(260, Math.floor(this.element.clientHeight || 420));
    const share = this.columns.reduce((sum, column) => sum + PANELS[column].share, 0);
    const last = this.columns.length - 1;
    // A short panel keeps 40 px of plot (the bottom one its time axis too); the v panel gives
    // up what those floors take, so that on a phone the panels still fit the chart.
    const heights = this.columns.map((column, index) =>
      Math.max(
        column === 'v' ? 100 : index === last ? 40 + TIME_AXIS_HEIGHT : 40,
        Math.floor((height * PANELS[column].share) / share) - 2,
      ),
    );
    const v = this.columns.indexOf('v');
    const over = heights.reduce((sum, each) => sum + each + 2, 0) - height;
    if (over > 0 && v >= 0) heights[v] = Math.max(100, (heights[v] as number) - over);
    return { width, heights };
  }

  private resize(): void {
    const { width, heights } = this.layout();
    this.panels.forEach((panel, index) =>
      panel.chart.setSize({ width, height: heights[index] ?? 100 }),
    );
  }
}
