import { describe, expect, it } from 'vitest';
import { clippedPath } from '../../src/dynamics/clipped-path.js';

const box = { x: 0, y: 0, width: 10, height: 10 };
const path = (xs: number[], ys: number[]) =>
  clippedPath(
    xs.length,
    (i) => xs[i] as number,
    (i) => ys[i] as number,
    box,
  );

describe('clippedPath(n, x, y, box)', () => {
  it('draws a polyline inside the box as one move and its lines', () => {
    expect(path([1, 5, 9], [1, 5, 2])).toBe('M1,1L5,5L9,2');
  });

  it('cuts segments that leave the box at its edge and starts again where they come back', () => {
    expect(path([5, 15, 5], [5, 5, 8])).toBe('M5,5L10,5M10,6.5L5,8');
  });

  it('drops segments wholly outside the box and those with non-finite ends', () => {
    expect(path([-5, -1], [1, 9])).toBe('');
    expect(path([1, Number.NaN, 3, 4], [1, 1, 3, 4])).toBe('M3,3L4,4');
    expect(path([1], [1])).toBe('');
  });
});
