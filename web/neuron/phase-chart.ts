/**
 * The phase-plane panel beside the trace: the (v, u) trajectory of the run over the nullclines
 * of the model at one input level, the fixed points (filled when stable), the reset line v = c
 * and the cut-off v = vpeak, drawn on a canvas.
 */
import { scaleLinear } from 'd3-scale';
import type { BookPhasePlane, PhasePlane, TraceColumns } from 'izhikit';
import { COLORS } from '../ui/chart-theme.js';
import { el, formatNumber } from '../ui/dom.js';
import { spacedTicks } from '../ui/spaced-ticks.js';

const MARGIN = { left: 52, right: 12, top: 8, bottom: 34 } as const;
const NULLCLINE_V = '#ea580c';
const NULLCLINE_U = '#0f766e';
const FONT = '12px system-ui, sans-serif';

export class PhaseChart {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly legend: HTMLElement;
  private plane: PhasePlane | BookPhasePlane | undefined;
  /** The unit of u ('' for the 2003 form). */
  private unit = '';
  private trace: TraceColumns | undefined;
  private marker: number | undefined;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'phase-chart';
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.legend = el('div', { class: 'phase-legend' });
    this.element.append(this.legend, this.canvas);
    new ResizeObserver(() => this.draw()).observe(this.element);
  }

  /** Shows a plane of either form and the trajectory of a trace over it; `unit` is u's and I's. */
  setData(plane: PhasePlane | BookPhasePlane, trace: TraceColumns, unit = ''): void {
    this.plane = plane;
    this.trace = trace;
    this.unit = unit;
    const I = unit === '' ? formatNumber(plane.I, 4) : `${formatNumber(plane.I, 4)} ${unit}`;
    this.canvas.setAttribute(
      'aria-label',
      `Phase plane at I = ${I}: ${plane.fixedPoints.length} fixed point(s)` +
        plane.fixedPoints.map((p) => `, ${p.type} at v = ${p.v.toFixed(1)} mV`).join(''),
    );
    const swatch = (color: string, text: string): HTMLElement =>
      el('span', {}, el('i', { style: `background:${color}` }), text);
    this.legend.replaceChildren(
      swatch(NULLCLINE_V, `v-nullcline (I = ${I})`),
      swatch(NULLCLINE_U, 'u-nullcline'),
      swatch(COLORS.v, 'trajectory'),
      el('span', {}, '● stable, ○ unstable fixed point'),
      // The two dashed verticals: without a key they read as grid lines.
      el(
        'span',
        { 'data-legend': 'reset' },
        el('i', { class: 'dashed' }),
        `v = c (${formatNumber(plane.reset, 4)}) and vpeak (${formatNumber(plane.vpeak, 4)})`,
      ),
    );
    this.draw();
  }

  /** Marks the state at step `index` of the trace (the cursor on the trace), or nothing. */
  setMarker(index: number | undefined): void {
    this.marker = index;
    this.draw();
  }

  draw(): void {
    const ratio = window.devicePixelRatio || 1;
    const cssWidth = Math.max(160, this.element.clientWidth);
    const cssHeight = Math.max(160, this.element.clientHeight - this.legend.offsetHeight - 4);
    const width = Math.round(cssWidth * ratio);
    const height = Math.round(cssHeight * ratio);
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    this.canvas.style.width = `${cssWidth}px`;
    this.canvas.style.height = `${cssHeight}px`;
    const context = this.canvas.getContext('2d');
    if (context === null) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, cssWidth, cssHeight);
    const plane = this.plane;
    const trace = this.trace;
    if (plane === undefined || trace === undefined) return;

    const left = MARGIN.left;
    const right = cssWidth - MARGIN.right;
    const top = MARGIN.top;
    const bottom = cssHeight - MARGIN.bottom;
    const x = scaleLinear().domain(plane.vRange).range([left, right]);
    const y = scaleLinear().domain(plane.uRange).range([bottom, top]);

    // Grid and tick labels.
    context.font = FONT;
    context.lineWidth = 1;
    context.strokeStyle = COLORS.grid;
    context.fillStyle = COLORS.axis;
    context.textAlign = 'center';
    context.textBaseline = 'top';
    for (const tick of spacedTicks(x, 40)) {
      const px = Math.round(x(tick)) + 0.5;
      context.beginPath();
      context.moveTo(px, top);
      context.lineTo(px, bottom);
      context.stroke();
      context.fillText(String(tick), px, bottom + 4);
    }
    context.textAlign = 'right';
    context.textBaseline = 'middle';
    for (const tick of y.ticks(5)) {
      const py = Math.round(y(tick)) + 0.5;
      context.beginPath();
      context.moveTo(left, py);
      context.lineTo(right, py);
      context.stroke();
      context.fillText(String(tick), left - 6, py);
    }
    context.textAlign = 'center';
    context.textBaseline = 'bottom';
    context.fillText('v (mV)', (left + right) / 2, cssHeight - 2);
    context.save();
    context.translate(12, (top + bottom) / 2);
    context.rotate(-Math.PI / 2);
    context.textBaseline = 'middle';
    context.fillText(this.unit === '' ? 'u' : `u (${this.unit})`, 0, 0);
    context.restore();

    // The plot's edge, drawn: the nullclines and the trajectory end on it (its box, in CSS
    // pixels of the canvas, is kept for tests).
    this.canvas.dataset.plotBox = `${left},${top},${right},${bottom}`;
    context.strokeStyle = COLORS.axis;
    context.strokeRect(left + 0.5, top + 0.5, right - left - 1, bottom - top - 1);

    context.save();
    context.beginPath();
    context.rect(left + 1, top + 1, right - left - 2, bottom - top - 2);
    context.clip();

    // Reset line and cut-off.
    context.setLineDash([4, 4]);
    context.strokeStyle = '#94a3b8';
    for (const v of [plane.reset, plane.vpeak]) {
      context.beginPath();
      context.moveTo(x(v), top);
      context.lineTo(x(v), bottom);
      context.stroke();
    }
    context.setLineDash([]);

    // Nullclines.
    context.lineWidth = 1.5;
    polyline(context, plane.vNullcline.v, plane.vNullcline.u, x, y, NULLCLINE_V);
    polyline(context, plane.uNullcline.v, plane.uNullcline.u, x, y, NULLCLINE_U);

    // Trajectory: a spike's jump from vpeak back to c is not drawn as a line.
    context.lineWidth = 1;
    context.strokeStyle = COLORS.v;
    context.globalAlpha = 0.8;
    context.beginPath();
    const { v, u } = trace;
    let pen = false;
    for (let k = 0; k < v.length; k++) {
      const px = x(v[k] as number);
      const py = y(u[k] as number);
      if (pen) context.lineTo(px, py);
      else context.moveTo(px, py);
      pen = (v[k] as number) < plane.vpeak;
    }
    context.stroke();
    context.globalAlpha = 1;

    // Fixed points: filled when stable, open when not.
    for (const point of plane.fixedPoints) {
      context.beginPath();
      context.arc(x(point.v), y(point.u), 4.5, 0, 2 * Math.PI);
      context.fillStyle = point.stable ? '#0f172a' : '#ffffff';
      context.strokeStyle = '#0f172a';
      context.lineWidth = 1.5;
      context.fill();
      context.stroke();
    }
    if (this.marker !== undefined && this.marker < v.length) {
      context.beginPath();
      context.arc(x(v[this.marker] as number), y(u[this.marker] as number), 4, 0, 2 * Math.PI);
      context.fillStyle = '#f59e0b';
      context.fill();
    }
    context.restore();
  }
}

function polyline(
  context: CanvasRenderingContext2D,
  vs: Float64Array,
  us: Float64Array,
  x: (v: number) => number,
  y: (u: number) => number,
  color: string,
): void {
  context.strokeStyle = color;
  context.beginPath();
  for (let k = 0; k < vs.length; k++) {
    const px = x(vs[k] as number);
    const py = y(us[k] as number);
    if (k === 0) context.moveTo(px, py);
    else context.lineTo(px, py);
  }
  context.stroke();
}
