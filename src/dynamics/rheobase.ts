/**
 * The rheobase by bisection: the lowest input at which a model fires from rest, between an input
 * that does not fire and one that does, and the checks that keep the search finite.
 */
import { ParameterError } from '../errors.js';
import { requireFinite } from '../model/izhikevich.js';
import { significant } from '../render/labels.js';
import type { RateMeter } from './rate-meter.js';

/** The rheobase in [from, to] to `tolerance` (0.001 by default) with `meter`; see `findRheobase`. */
export function bisectRheobase(
  meter: RateMeter,
  from: number,
  to: number,
  tolerance = 0.001,
): number | undefined {
  requireFinite('from', from);
  requireFinite('to', to);
  if (!(tolerance > 0)) {
    throw new ParameterError('tolerance', `tolerance must be positive, got ${tolerance}`);
  }
  checkRange(from, to);
  checkTolerance(from, to, tolerance);
  if (meter.measure(from).count > 0 || meter.measure(to).count === 0) return undefined;
  let low = from;
  let high = to;
  while (high - low > tolerance) {
    const mid = low + (high - low) / 2;
    // The float spacing is reached: no input lies between low and high.
    if (mid <= low || mid >= high) break;
    if (meter.measure(mid).count > 0) high = mid;
    else low = mid;
  }
  return high;
}

/** Refuses a range that is empty or whose width overflows (1e308 − (−1e308)). */
export function checkRange(from: number, to: number): void {
  if (!(to > from)) throw new ParameterError('to', `'to' (${to}) must be above 'from' (${from})`);
  if (!Number.isFinite(to - from)) {
    throw new ParameterError(
      'to',
      `the range from ${from} to ${to} is too wide to compute (its width overflows): use smaller ends`,
    );
  }
}

/** Halvings the bisection may need at most: ⌈log2((to − from) / tolerance)⌉ ≤ this. */
export const MAX_BISECTION_STEPS = 60;

/**
 * Refuses a tolerance below the float spacing of the inputs (the bisection could not reach it)
 * or so fine that the search would take more than `MAX_BISECTION_STEPS` halvings.
 */
function checkTolerance(from: number, to: number, tolerance: number): void {
  requireFinite('tolerance', tolerance);
  const spacing = Math.max(Math.abs(from), Math.abs(to)) * Number.EPSILON;
  const smallest = Math.max(spacing * 4, (to - from) / 2 ** MAX_BISECTION_STEPS);
  if (!(tolerance >= smallest)) {
    throw new ParameterError(
      'tolerance',
      `tolerance ${tolerance} is finer than the inputs from ${from} to ${to} can be told apart by bisection: use at least ${significant(smallest, 2)}`,
    );
  }
}
