/**
 * Min/max decimation: reduces a long series to at most two points per pixel column (the lowest
 * and the highest sample of the column, in time order), so that a line drawn through them looks
 * exactly like the full series at that width, spikes included.
 */
import { ParameterError } from '../errors.js';

export interface DecimatedSeries {
  /** x of each kept sample. */
  readonly x: Float64Array;
  /** y of each kept sample. */
  readonly y: Float64Array;
  /** Index of each kept sample in the input arrays. */
  readonly index: Int32Array;
  /** False when the input was short enough to keep every sample in the range. */
  readonly decimated: boolean;
}

/**
 * Keeps, for each of `columns` equal columns of [x0, x1], the samples with the smallest and the
 * largest y (one point when they coincide). `x` must be ascending; samples outside [x0, x1] and
 * samples whose y is NaN are dropped. When the range holds at most 2·columns samples they are
 * all kept and `decimated` is false.
 *
 * @throws ParameterError when the lengths differ, columns is not a positive whole number, or
 *   the range is empty
 */
export function decimateMinMax(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  x0: number,
  x1: number,
  columns: number,
): DecimatedSeries {
  if (x.length !== y.length) {
    throw new ParameterError('y', `x and y differ in length (${x.length} and ${y.length})`);
  }
  if (!Number.isInteger(columns) || columns < 1) {
    throw new ParameterError('columns', `columns must be a positive whole number, got ${columns}`);
  }
  if (!(x1 > x0)) throw new ParameterError('x1', `the range [${x0}, ${x1}] is empty`);
  const first = lowerBound(x, x0);
  const end = upperBound(x, x1);
  if (end - first <= 2 * columns) return keepAll(x, y, first, end);

  const index = new Int32Array(2 * columns);
  let kept = 0;
  const scale = columns / (x1 - x0);
  let column = -1;
  let minIndex = -1;
  let maxIndex = -1;
  const flush = (): void => {
    if (minIndex < 0) return;
    if (minIndex === maxIndex || (y[minIndex] as number) === (y[maxIndex] as number)) {
      index[kept++] = minIndex;
    } else if (minIndex < maxIndex) {
      index[kept++] = minIndex;
      index[kept++] = maxIndex;
    } else {
      index[kept++] = maxIndex;
      index[kept++] = minIndex;
    }
  };
  for (let i = first; i < end; i++) {
    const value = y[i] as number;
    if (Number.isNaN(value)) continue;
    const c = Math.min(columns - 1, Math.floor(((x[i] as number) - x0) * scale));
    if (c !== column) {
      flush();
      column = c;
      minIndex = i;
      maxIndex = i;
    } else {
      if (value < (y[minIndex] as number)) minIndex = i;
      if (value > (y[maxIndex] as number)) maxIndex = i;
    }
  }
  flush();
  return gather(x, y, index.subarray(0, kept), true);
}

function keepAll(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  first: number,
  end: number,
): DecimatedSeries {
  const index = new Int32Array(end - first);
  let kept = 0;
  for (let i = first; i < end; i++) if (!Number.isNaN(y[i] as number)) index[kept++] = i;
  return gather(x, y, index.subarray(0, kept), false);
}

function gather(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  index: Int32Array,
  decimated: boolean,
): DecimatedSeries {
  const xs = new Float64Array(index.length);
  const ys = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) {
    xs[k] = x[index[k] as number] as number;
    ys[k] = y[index[k] as number] as number;
  }
  return { x: xs, y: ys, index: Int32Array.from(index), decimated };
}

/** First index whose x is ≥ value. */
function lowerBound(x: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((x[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose x is > value. */
function upperBound(x: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((x[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
