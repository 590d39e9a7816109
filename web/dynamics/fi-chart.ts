/**
 * The f–I chart: steady rate against constant input as a uPlot chart, drawn in two pieces when
 * there is a rheobase (silent below it, firing from its onset rate above it, so that a Class 2
 * jump is not drawn as a slope), with the rheobase as a dashed line and the onset as a circle.
 */
import uPlot from 'uplot';
import type { FiCurve } from 'izhikit';
import { axis } from '../ui/chart-theme.js';
import { formatNumber } from '../ui/dom.js';

const CURVE = '#1d4ed8';
const RHEOBASE = '#c2410c';
const HEIGHT = 260;

/** Chart columns: I, the silent piece and the firing piece (null where a piece has no point). */
export function fiColumns(curve: FiCurve): [number[], (number | null)[], (number | null)[]] {
  const I: number[] = [];
  const silent: (number | null)[] = [];
  const firing: (number | null)[] = [];
  const { rheobase, onsetRate } = curve;
  const split = rheobase !== undefined && onsetRate !== undefined;
  for (const point of curve.points) {
    if (split && point.I >= rheobase && I.length > 0 && (I[I.length - 1] as number) < rheobase) {
      // The jump: rate 0 up to the rheobase, the onset rate just after it.
      I.push(rheobase, rheobase);
      silent.push(0, null);
      firing.push(null, onsetRate);
    }
    I.push(point.I);
    const fires = !split || point.I >= rheobase || point.rate > 0;
    silent.push(fires ? null : point.rate);
    firing.push(fires ? point.rate : null);
  }
  return [I, silent, firing];
}

export class FiChart {
  readonly element: HTMLElement;
  private readonly chart: uPlot;
  private curve: FiCurve | undefined;

  /** Called with the point under the cursor (input and rate), or undefined when there is none. */
  onCursor: ((point: { I: number; rate: number } | undefined) => void) | undefined;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'fi-chart';
    const series = (label: string): uPlot.Series => ({
      label,
      stroke: CURVE,
      width: 1.5,
      points: { show: true, size: 4, fill: CURVE },
    });
    this.chart = new uPlot(
      {
        width: 600,
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false },
          y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.08)] },
        },
        series: [{}, series('silent'), series('rate (Hz)')],
        axes: [
          axis('constant input I', { size: 34, labelSize: 16, labelGap: 0 }),
          axis('steady rate (Hz)', { size: 56 }),
        ],
        hooks: {
          draw: [(u) => this.drawRheobase(u)],
          setCursor: [
            (u) => {
              const index = u.cursor.idx;
              const I = index == null ? undefined : u.data[0][index];
              const rate = index == null ? undefined : (u.data[2]?.[index] ?? u.data[1]?.[index]);
              this.onCursor?.(
                I === undefined || rate == null ? undefined : { I, rate: rate as number },
              );
            },
          ],
        },
      },
      [[], [], []],
      this.element,
    );
    new ResizeObserver(() => {
      const width = Math.max(240, Math.floor(this.element.clientWidth));
      if (width !== this.chart.width) this.chart.setSize({ width, height: HEIGHT });
    }).observe(this.element);
  }

  setData(curve: FiCurve): void {
    this.curve = curve;
    this.chart.setData(fiColumns(curve) as unknown as uPlot.AlignedData);
    const first = curve.points[0];
    const last = curve.points[curve.points.length - 1];
    if (first !== undefined && last !== undefined) {
      this.chart.setScale('x', { min: first.I, max: last.I });
    }
  }

  private drawRheobase(u: uPlot): void {
    const curve = this.curve;
    if (curve?.rheobase === undefined) return;
    const ctx = u.ctx;
    const pixel = devicePixelRatio;
    const x = u.valToPos(curve.rheobase, 'x', true);
    const { top, height, left, width } = u.bbox;
    ctx.save();
    ctx.strokeStyle = RHEOBASE;
    ctx.lineWidth = pixel;
    ctx.setLineDash([4 * pixel, 3 * pixel]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.setLineDash([]);
    const label = `rheobase ${formatNumber(curve.rheobase, 4)}`;
    ctx.font = `${12 * pixel}px system-ui, sans-serif`;
    ctx.fillStyle = RHEOBASE;
    const right = x + 6 * pixel + ctx.measureText(label).width < left + width;
    ctx.textAlign = right ? 'left' : 'right';
    ctx.fillText(label, right ? x + 5 * pixel : x - 5 * pixel, top + 14 * pixel);
    if (curve.onsetRate !== undefined) {
      const y = u.valToPos(curve.onsetRate, 'y', true);
      ctx.beginPath();
      ctx.arc(x, y, 4 * pixel, 0, 2 * Math.PI);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.lineWidth = 1.5 * pixel;
      ctx.stroke();
    }
    ctx.restore();
  }
}
