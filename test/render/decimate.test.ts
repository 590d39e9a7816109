import { describe, it, expect } from 'vitest';
import { decimateMinMax } from '../../src/render/decimate.js';
import { ParameterError } from '../../src/errors.js';

function ramp(n: number, f: (i: number) => number): [Float64Array, Float64Array] {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = i;
    y[i] = f(i);
  }
  return [x, y];
}

describe('decimateMinMax(x, y, x0, x1, columns)', () => {
  it('keeps every sample when there are at most two per column', () => {
    const [x, y] = ramp(20, (i) => i * i);
    const out = decimateMinMax(x, y, 0, 19, 10);
    expect(out.decimated).toBe(false);
    expect(Array.from(out.y)).toEqual(Array.from(y));
    expect(Array.from(out.index)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('keeps at most two points per column: the min and the max, in time order', () => {
    const [x, y] = ramp(10000, (i) => Math.sin(i / 50));
    const out = decimateMinMax(x, y, 0, 9999, 100);
    expect(out.decimated).toBe(true);
    expect(out.x.length).toBeLessThanOrEqual(200);
    for (let k = 1; k < out.x.length; k++) {
      expect(out.x[k] as number).toBeGreaterThan(out.x[k - 1] as number);
    }
    // Column 3 holds samples 300 … 399 (x0 = 0, width 99.99 per column): its min and max are kept.
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 300; i < 400; i++) {
      lo = Math.min(lo, y[i] as number);
      hi = Math.max(hi, y[i] as number);
    }
    const inColumn = Array.from(out.index).filter((i) => i >= 300 && i < 400);
    expect(inColumn.map((i) => y[i])).toEqual(expect.arrayContaining([lo, hi]));
  });

  it('keeps every spike peak: the largest value of each column survives', () => {
    const [x, y] = ramp(8000, (i) => (i % 997 === 500 ? 30 : -65 + (i % 7)));
    const out = decimateMinMax(x, y, 0, 7999, 200);
    const peaks = Array.from(out.y).filter((v) => v === 30).length;
    expect(peaks).toBe(8);
    expect(Math.min(...out.y)).toBe(-65);
  });

  it('keeps one point where a column is flat', () => {
    const [x, y] = ramp(1000, () => 1);
    const out = decimateMinMax(x, y, 0, 999, 10);
    expect(out.x.length).toBe(10);
  });

  it('drops samples outside [x0, x1] and NaN values', () => {
    const [x, y] = ramp(1000, (i) => (i === 600 ? NaN : i));
    const out = decimateMinMax(x, y, 500, 700, 50);
    expect(Math.min(...out.x)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...out.x)).toBeLessThanOrEqual(700);
    expect(Array.from(out.y).some(Number.isNaN)).toBe(false);
    expect(out.y[0]).toBe(500);
    expect(out.y[out.y.length - 1]).toBe(700);
  });

  it('throws ParameterError for mismatched lengths, bad columns or an empty range', () => {
    const [x, y] = ramp(10, (i) => i);
    expect(() => decimateMinMax(x, y.subarray(1), 0, 9, 5)).toThrow(ParameterError);
    expect(() => decimateMinMax(x, y, 0, 9, 0)).toThrow(ParameterError);
    expect(() => decimateMinMax(x, y, 0, 9, 2.5)).toThrow(ParameterError);
    expect(() => decimateMinMax(x, y, 9, 9, 5)).toThrow(ParameterError);
  });
});
