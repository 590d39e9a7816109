/**
 * The parameter map of either form on a canvas: one rectangle per cell in its pattern's colour,
 * axes with round ticks and units, the named types of [2003] as dots, and the cell under the
 * pointer outlined. Knows which cell a point of the canvas falls on, for hover and click.
 */
import { scaleLinear } from 'd3-scale';
import { MAP_COLOURS, restBoundaryB, type ResolvedMapSpec } from 'izhikit';
import { isBookSpec, mapModelOf, type AnyParameterMap } from './map-model.js';
import { typeMarks } from './type-marks.js';

const MARGIN = { top: 10, right: 14, bottom: 44, left: 66 } as const;
const FONT = '12px system-ui, sans-serif';
const INK = '#0f172a';
const MUTED = '#475569';

/**
 * The b above which the step input exceeds the saddle-node input (no resting state: the neuron
 * must fire), when one axis is b and the other a, c or d (which leave the fixed points alone).
 */
export function restBoundary(spec: ResolvedMapSpec): { axis: 'x' | 'y'; b: number } | undefined {
  const axis = spec.x.name === 'b' ? 'x' : spec.y.name === 'b' ? 'y' : undefined;
  const other = axis === 'x' ? spec.y.name : spec.x.name;
  if (axis === undefined || !['a', 'c', 'd'].includes(other)) return undefined;
  const b = restBoundaryB(spec.base, spec.input);
  const range = spec[axis];
  const half = (range.to - range.from) / (2 * (range.steps - 1));
  if (b === undefined || b < range.from - half || b > range.to + half) return undefined;
  return { axis, b };
}

export interface Cell {
  readonly ix: number;
  readonly iy: number;
}

export class MapCanvas {
  readonly canvas: HTMLCanvasElement;
  private map: AnyParameterMap | undefined;
  private hover: Cell | undefined;
  private width = 0;
  private height = 0;

  constructor() {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map-canvas';
  }

  get shown(): AnyParameterMap | undefined {
    return this.map;
  }

  setData(map: AnyParameterMap): void {
    this.map = map;
    this.hover = undefined;
    this.draw();
  }

  /** Sets the size in CSS pixels and redraws. */
  setSize(width: number, height: number): void {
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    const ratio = devicePixelRatio;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.draw();
  }

  setHover(cell: Cell | undefined): void {
    if (cell?.ix === this.hover?.ix && cell?.iy === this.hover?.iy) return;
    this.hover = cell;
    this.draw();
  }

  /** The plot area in CSS pixels from the canvas's top-left corner. */
  box(): { x: number; y: number; width: number; height: number } {
    return {
      x: MARGIN.left,
      y: MARGIN.top,
      width: Math.max(10, this.width - MARGIN.left - MARGIN.right),
      height: Math.max(10, this.height - MARGIN.top - MARGIN.bottom),
    };
  }

  /** The cell under a point given in CSS pixels from the canvas's top-left corner. */
  cellAt(px: number, py: number): Cell | undefined {
    const map = this.map;
    if (map === undefined) return undefined;
    const box = this.box();
    const fx = (px - box.x) / box.width;
    const fy = (box.y + box.height - py) / box.height;
    if (fx < 0 || fx >= 1 || fy < 0 || fy >= 1) return undefined;
    return { ix: Math.floor(fx * map.spec.x.steps), iy: Math.floor(fy * map.spec.y.steps) };
  }

  /** The centre of a cell in CSS pixels, for tests and keyboard users. */
  cellCentre(cell: Cell): { x: number; y: number } | undefined {
    const map = this.map;
    if (map === undefined) return undefined;
    const box = this.box();
    return {
      x: box.x + ((cell.ix + 0.5) * box.width) / map.spec.x.steps,
      y: box.y + box.height - ((cell.iy + 0.5) * box.height) / map.spec.y.steps,
    };
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d');
    const map = this.map;
    if (ctx === null || this.width === 0) return;
    const ratio = devicePixelRatio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    if (map === undefined) return;
    const { spec, codes } = map;
    const { x, y } = spec;
    const box = this.box();
    const cellW = box.width / x.steps;
    const cellH = box.height / y.steps;
    // Cell edges on whole device pixels: fractional edges would show as faint seams.
    const edgeX = (ix: number): number => Math.round((box.x + ix * cellW) * ratio) / ratio;
    const edgeY = (iy: number): number =>
      Math.round((box.y + box.height - iy * cellH) * ratio) / ratio;
    for (let iy = 0; iy < y.steps; iy++) {
      const top = edgeY(iy + 1);
      const bottom = edgeY(iy);
      let ix = 0;
      while (ix < x.steps) {
        const code = codes[iy * x.steps + ix] as number;
        let end = ix + 1;
        while (end < x.steps && codes[iy * x.steps + end] === code) end++;
        ctx.fillStyle = MAP_COLOURS[code] ?? '#000000';
        ctx.fillRect(edgeX(ix), top, edgeX(end) - edgeX(ix), bottom - top);
        ix = end;
      }
    }
    ctx.strokeStyle = MUTED;
    ctx.lineWidth = 1;
    ctx.strokeRect(box.x - 0.5, box.y - 0.5, box.width + 1, box.height + 1);

    // Cells are centred on their values: the axes reach half a cell beyond each end.
    const half = (axis: typeof x) => (axis.to - axis.from) / (2 * (axis.steps - 1));
    const xScale = scaleLinear()
      .domain([x.from - half(x), x.to + half(x)])
      .range([box.x, box.x + box.width]);
    const yScale = scaleLinear()
      .domain([y.from - half(y), y.to + half(y)])
      .range([box.y + box.height, box.y]);
    ctx.font = FONT;
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const tick of xScale.ticks(Math.max(2, Math.floor(box.width / 80)))) {
      const px = xScale(tick);
      ctx.fillRect(px - 0.5, box.y + box.height, 1, 5);
      ctx.fillText(xScale.tickFormat()(tick), px, box.y + box.height + 7);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const tick of yScale.ticks(Math.max(2, Math.floor(box.height / 50)))) {
      const py = yScale(tick);
      ctx.fillRect(box.x - 5, py - 0.5, 5, 1);
      ctx.fillText(yScale.tickFormat()(tick), box.x - 7, py);
    }
    ctx.fillStyle = INK;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    const model = mapModelOf(spec);
    ctx.fillText(model.title(x.name), box.x + box.width / 2, this.height - 2);
    ctx.save();
    ctx.translate(12, box.y + box.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(model.title(y.name), 0, 0);
    ctx.restore();

    const boundary = isBookSpec(spec) ? undefined : restBoundary(spec);
    if (boundary !== undefined) {
      const label = `rest vanishes above b = ${Number(boundary.b.toPrecision(3))}`;
      ctx.save();
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 1.2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.font = FONT;
      ctx.lineJoin = 'round';
      const halo = (text: string, tx: number, ty: number): void => {
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#ffffff';
        ctx.strokeText(text, tx, ty);
        ctx.fillStyle = '#000000';
        ctx.fillText(text, tx, ty);
      };
      if (boundary.axis === 'y') {
        const py = yScale(boundary.b);
        ctx.moveTo(box.x, py);
        ctx.lineTo(box.x + box.width, py);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.textAlign = 'right';
        ctx.textBaseline = 'bottom';
        halo(label, box.x + box.width - 6, py - 3);
      } else {
        const px = xScale(boundary.b);
        ctx.moveTo(px, box.y);
        ctx.lineTo(px, box.y + box.height);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.textAlign = 'left';
        ctx.textBaseline = 'top';
        halo(label, px + 5, box.y + 4);
      }
      ctx.restore();
    }

    const [x0, x1] = xScale.domain() as [number, number];
    const [y0, y1] = yScale.domain() as [number, number];
    ctx.font = `bold ${FONT}`;
    ctx.textBaseline = 'alphabetic';
    ctx.lineJoin = 'round';
    for (const mark of isBookSpec(spec) ? [] : typeMarks(spec)) {
      if (mark.x < x0 || mark.x > x1 || mark.y < y0 || mark.y > y1) continue;
      const cx = xScale(mark.x);
      const cy = yScale(mark.y);
      ctx.beginPath();
      ctx.arc(cx, cy, 4.5, 0, 2 * Math.PI);
      ctx.fillStyle = mark.filled ? '#000000' : '#ffffff';
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#000000';
      ctx.stroke();
      const right = cx + 8 + ctx.measureText(mark.label).width < box.x + box.width;
      ctx.textAlign = right ? 'left' : 'right';
      const tx = right ? cx + 8 : cx - 8;
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#ffffff';
      ctx.strokeText(mark.label, tx, cy - 6);
      ctx.fillStyle = '#000000';
      ctx.fillText(mark.label, tx, cy - 6);
    }

    if (this.hover !== undefined) {
      const { ix, iy } = this.hover;
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#000000';
      ctx.strokeRect(
        box.x + ix * cellW - 1,
        box.y + box.height - (iy + 1) * cellH - 1,
        cellW + 2,
        cellH + 2,
      );
    }
  }
}
