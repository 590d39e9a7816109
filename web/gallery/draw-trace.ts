/**
 * Draws a small v(t) trace with its stimulus strip on a canvas: min/max per pixel column, so a
 * long trace costs one pass and keeps its spikes, and the device pixel ratio handled here only.
 */
import type { TraceColumns } from 'izhikit';

export interface TraceStyle {
  readonly stroke: string;
  readonly stimulus: string;
}

/** Fraction of the height given to the stimulus strip under the trace. */
const STIMULUS_SHARE = 0.22;

export function drawTrace(canvas: HTMLCanvasElement, trace: TraceColumns, style: TraceStyle): void {
  const ratio = window.devicePixelRatio || 1;
  const cssWidth = canvas.clientWidth || 200;
  const cssHeight = canvas.clientHeight || 90;
  const width = Math.round(cssWidth * ratio);
  const height = Math.round(cssHeight * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null) return;
  context.clearRect(0, 0, width, height);
  const traceHeight = Math.floor(height * (1 - STIMULUS_SHARE)) - 4 * ratio;
  const stripTop = traceHeight + 4 * ratio;
  const stripHeight = height - stripTop - ratio;
  column(context, trace.v, width, 2 * ratio, traceHeight - 2 * ratio, style.stroke, ratio);
  column(context, trace.I, width, stripTop, stripHeight, style.stimulus, ratio);
}

/** Draws one column of values as a min/max envelope per pixel column. */
function column(
  context: CanvasRenderingContext2D,
  values: Float64Array,
  width: number,
  top: number,
  height: number,
  color: string,
  ratio: number,
): void {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!(high > low)) {
    high = low + 1;
    low -= 1;
  }
  const y = (value: number): number => top + height - ((value - low) / (high - low)) * height;
  const n = values.length;
  context.strokeStyle = color;
  context.lineWidth = ratio;
  context.lineJoin = 'round';
  context.beginPath();
  let previous = y(values[0] ?? 0);
  context.moveTo(0, previous);
  for (let x = 0; x < width; x++) {
    const from = Math.floor((x * n) / width);
    const to = Math.max(from + 1, Math.floor(((x + 1) * n) / width));
    let min = Infinity;
    let max = -Infinity;
    for (let k = from; k < to && k < n; k++) {
      const value = values[k] as number;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (min === Infinity) continue;
    // Join from the previous column's end, then span this column's range.
    context.lineTo(x + 0.5, Math.min(previous, y(max)));
    context.lineTo(x + 0.5, Math.max(previous, y(min)));
    previous = y(values[Math.min(n - 1, to - 1)] as number);
    context.lineTo(x + 0.5, previous);
  }
  context.stroke();
}
