/** SVG paths clipped to a rectangle segment by segment, so curves leaving a plot stop at its edge. */
import type { Box } from '../render/axis.js';
import { px } from '../render/svg.js';

/**
 * The SVG path through points 0 … n−1 with every segment clipped to `box` (Liang–Barsky), so
 * that curves leaving the window are cut at its edge without an SVG clip path.
 */
export function clippedPath(
  n: number,
  x: (i: number) => number,
  y: (i: number) => number,
  box: Box,
): string {
  const x0 = box.x;
  const x1 = box.x + box.width;
  const y0 = box.y;
  const y1 = box.y + box.height;
  let d = '';
  let penX = Number.NaN;
  let penY = Number.NaN;
  for (let i = 1; i < n; i++) {
    const ax = x(i - 1);
    const ay = y(i - 1);
    const dx = x(i) - ax;
    const dy = y(i) - ay;
    if (![ax, ay, dx, dy].every(Number.isFinite)) continue;
    let t0 = 0;
    let t1 = 1;
    const edges: [number, number][] = [
      [-dx, ax - x0],
      [dx, x1 - ax],
      [-dy, ay - y0],
      [dy, y1 - ay],
    ];
    let visible = true;
    for (const [p, q] of edges) {
      if (p === 0) {
        if (q < 0) visible = false;
      } else {
        const r = q / p;
        if (p < 0) t0 = Math.max(t0, r);
        else t1 = Math.min(t1, r);
      }
    }
    if (!visible || t0 > t1) continue;
    const sx = ax + t0 * dx;
    const sy = ay + t0 * dy;
    if (!(Math.abs(sx - penX) <= 0.05 && Math.abs(sy - penY) <= 0.05)) d += `M${px(sx)},${px(sy)}`;
    penX = ax + t1 * dx;
    penY = ay + t1 * dy;
    d += `L${px(penX)},${px(penY)}`;
  }
  return d;
}
