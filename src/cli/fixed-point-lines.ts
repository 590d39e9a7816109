/** The fixed points of a phase plane as lines for people, shared by both forms of `izhikit phase`. */
import type { PhasePlane } from '../dynamics/phase-plane.js';
import { formatNumber } from './options.js';

/** One line per fixed point: where, what type, eigenvalues, trace and determinant. */
export function fixedPointLines(plane: Pick<PhasePlane, 'fixedPoints'>): string[] {
  return plane.fixedPoints.map((p) => {
    const [l1, l2] = p.eigenvalues;
    const value = (l: { re: number; im: number }) =>
      l.im === 0
        ? formatNumber(l.re, 4)
        : `${formatNumber(l.re, 4)}${l.im > 0 ? '+' : '−'}${formatNumber(Math.abs(l.im), 4)}i`;
    return (
      `  v = ${formatNumber(p.v, 6)} mV, u = ${formatNumber(p.u, 6)}: ${p.type} ` +
      `(eigenvalues ${value(l1)}, ${value(l2)}; trace ${formatNumber(p.trace, 4)}, det ${formatNumber(p.determinant, 4)})`
    );
  });
}
