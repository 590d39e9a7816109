/**
 * The (v, u) phase plane of a neuron of the 2007 form at a constant input I (pA), as data for the
 * same figure as the 2003 form's:
 *
 * ```text
 * v-nullcline:  u = k·(v − vr)·(v − vt) + I
 * u-nullcline:  u = U(v) = b·(v − vr), with b = bHyper at or below vHyper (TC, RTN),
 *               or U(v) = 0 below vb and b·(v − vb)³ above (FS)
 * ```
 *
 * Fixed points are where they cross, with the stability of the differential equations from the
 * Jacobian J = [[k·(2v − vr − vt)/C, −1/C], [a·U′(v), −a]]. For a neuron without cell-type terms
 * the saddle-node and Andronov–Hopf inputs are those of its exact 2003 form (see convert-2007.ts)
 * times C; with a cell-type term they are not given.
 */
import { ParameterError } from '../errors.js';
import { to2003 } from '../model/convert-2007.js';
import { recoveryDrive } from '../model/integrators-2007.js';
import {
  resolveBookParameters,
  type BookNeuronParameters,
  type BookParameters,
} from '../model/izhikevich-2007.js';
import { requireFinite, requireWholeNumber } from '../model/izhikevich.js';
import { fixedPointOf, hopfInput, saddleNodeInput, type FixedPoint } from './fixed-points.js';
import {
  directionField,
  type PhasePlaneOptions,
  type PlaneGeometry,
  type PlaneTrajectory,
} from './phase-plane.js';

/** The phase plane of the 2007 form: the 2003 plane's geometry with the book's parameters. */
export interface BookPhasePlane extends PlaneGeometry {
  readonly model: '2007';
  readonly params: BookParameters;
}

/** U′(v), the slope of the u-nullcline. */
function driveSlope(p: BookParameters, v: number): number {
  if (p.cubicVb !== undefined) return v < p.cubicVb ? 0 : 3 * p.b * (v - p.cubicVb) ** 2;
  return p.vHyper !== undefined && v <= p.vHyper ? (p.bHyper as number) : p.b;
}

/** The fixed point at v (u on the v-nullcline) and its stability. */
export function bookFixedPointAt(p: BookParameters, I: number, v: number): FixedPoint {
  const dvdv = (p.k * (2 * v - p.vr - p.vt)) / p.C;
  const u = p.k * (v - p.vr) * (v - p.vt) + I;
  return fixedPointOf(v, u, dvdv - p.a, -dvdv * p.a + (p.a * driveSlope(p, v)) / p.C);
}

/** Real roots of A·v² + B·v + K = 0 (A ≠ 0), without cancellation. */
function quadraticRoots(A: number, B: number, K: number): number[] {
  const discriminant = B * B - 4 * A * K;
  if (discriminant < 0) return [];
  if (discriminant === 0) return [-B / (2 * A)];
  const q = -0.5 * (B + Math.sign(B || 1) * Math.sqrt(discriminant));
  return [q / A, K / q];
}

/** Where k·(v − vr)·(v − vt) + I = slope·(v − centre). */
function lineCrossings(p: BookParameters, I: number, slope: number, centre: number): number[] {
  return quadraticRoots(p.k, -p.k * (p.vr + p.vt) - slope, p.k * p.vr * p.vt + I + slope * centre);
}

/**
 * Roots of the cubic branch of FS, v ≥ vb: bracketed on a 0.25 mV grid up to where the cubic
 * outgrows the quadratic for good, then bisected to the last bit.
 */
function cubicCrossings(p: BookParameters, I: number, vb: number): number[] {
  const gap = (v: number) => {
    const x = v - vb;
    return p.k * (v - p.vr) * (v - p.vt) + I - p.b * x * x * x;
  };
  // Past v − vb = 3·(k/b + |k·(vb − vr)(vb − vt) + I|^(1/3)/b^(1/3)) + |vr − vb| + |vt − vb| the
  // cubic term dominates; a generous bound keeps every crossing inside the scan.
  const scale = Math.abs(p.k * (vb - p.vr) * (vb - p.vt) + I) / Math.abs(p.b);
  const reach =
    3 * (p.k / Math.abs(p.b) + Math.cbrt(scale)) + Math.abs(p.vr - vb) + Math.abs(p.vt - vb) + 10;
  const step = 0.25;
  const roots: number[] = [];
  let lo = vb;
  let gLo = gap(lo);
  for (let i = 1; i * step <= reach + step; i++) {
    const hi = vb + i * step;
    const gHi = gap(hi);
    if (gLo === 0) roots.push(lo);
    else if (Math.sign(gLo) !== Math.sign(gHi) && gHi !== 0) {
      let a = lo;
      let b = hi;
      for (let k = 0; k < 60; k++) {
        const mid = (a + b) / 2;
        if (Math.sign(gap(mid)) === Math.sign(gLo)) a = mid;
        else b = mid;
      }
      roots.push((a + b) / 2);
    }
    lo = hi;
    gLo = gHi;
  }
  return roots;
}

/** The fixed points at constant input I, in increasing v. */
export function findBookFixedPoints(neuron: BookNeuronParameters, I: number): FixedPoint[] {
  const p = resolveBookParameters(neuron);
  requireFinite('I', I);
  if (p.a === 0) return [];
  let vs: number[];
  if (p.cubicVb !== undefined) {
    const vb = p.cubicVb;
    const below = lineCrossings(p, I, 0, vb).filter((v) => v < vb);
    vs = [...below, ...cubicCrossings(p, I, vb)];
  } else if (p.vHyper !== undefined) {
    const vHyper = p.vHyper;
    const low = lineCrossings(p, I, p.bHyper as number, p.vr).filter((v) => v <= vHyper);
    const high = lineCrossings(p, I, p.b, p.vr).filter((v) => v > vHyper);
    vs = [...low, ...high];
  } else {
    vs = lineCrossings(p, I, p.b, p.vr);
  }
  return vs.sort((x, y) => x - y).map((v) => bookFixedPointAt(p, I, v));
}

function checkedRange(name: string, range: readonly [number, number]): readonly [number, number] {
  const [low, high] = range;
  requireFinite(name, low);
  requireFinite(name, high);
  if (!(high > low)) {
    throw new ParameterError(name, `${name} must go from a lower to a higher value`);
  }
  return range;
}

/** Extends [low, high] to include the finite values given, then pads it by `pad` of its span. */
function span(values: Iterable<number>, pad: number, fallback: readonly [number, number]) {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (Number.isFinite(value)) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  if (!Number.isFinite(low)) return fallback;
  const width = Math.max(high - low, 4);
  return [low - pad * width, high + pad * width] as const;
}

function* trajectoryValues(path: PlaneTrajectory | undefined, key: 'v' | 'u') {
  if (path === undefined) return;
  const values = path[key];
  for (let i = 0; i < values.length; i++) yield values[i] as number;
}

/**
 * The phase plane of a neuron of the 2007 form at constant input `I` (pA), its window fitted to
 * rest, reset, vpeak and the trajectory when none is given.
 */
export function bookPhasePlane(
  neuron: BookNeuronParameters,
  I: number,
  options: PhasePlaneOptions = {},
): BookPhasePlane {
  const p = resolveBookParameters(neuron);
  requireFinite('I', I);
  const samples = requireWholeNumber('samples', options.samples ?? 200, 2, 100000);
  const fieldSize = requireWholeNumber('fieldSize', options.fieldSize ?? 15, 0, 200);
  const fixedPoints = findBookFixedPoints(p, I);
  const path = options.trajectory;
  const vRange =
    options.vRange === undefined
      ? span(
          [p.c, p.vr - 15, p.vpeak, ...fixedPoints.map((f) => f.v), ...trajectoryValues(path, 'v')],
          0.05,
          [p.vr - 20, p.vpeak],
        )
      : checkedRange('vRange', options.vRange);
  const nullclineAt = (v: number) => p.k * (v - p.vr) * (v - p.vt) + I;
  const uRange =
    options.uRange === undefined
      ? span(
          [
            nullclineAt((p.vr + p.vt) / 2),
            nullclineAt(p.c),
            recoveryDrive(p, vRange[0]),
            ...fixedPoints.map((f) => f.u),
            ...trajectoryValues(path, 'u'),
          ],
          0.2,
          [-100, 100],
        )
      : checkedRange('uRange', options.uRange);

  const vNullcline = { v: new Float64Array(samples), u: new Float64Array(samples) };
  const uNullcline = { v: new Float64Array(samples), u: new Float64Array(samples) };
  for (let i = 0; i < samples; i++) {
    const v = vRange[0] + ((vRange[1] - vRange[0]) * i) / (samples - 1);
    vNullcline.v[i] = v;
    vNullcline.u[i] = nullclineAt(v);
    uNullcline.v[i] = v;
    uNullcline.u[i] = recoveryDrive(p, v);
  }
  const field = directionField(vRange, uRange, fieldSize, (v, u, out) => {
    out[0] = (p.k * (v - p.vr) * (v - p.vt) - u + I) / p.C;
    out[1] = p.a * (recoveryDrive(p, v) - u);
  });
  const plain = !hasCellTerms(p);
  const equivalent = plain ? to2003(p).params : undefined;
  const saddleNode = equivalent === undefined ? undefined : saddleNodeInput(equivalent);
  const hopf = equivalent === undefined ? undefined : hopfInput(equivalent)?.I;
  return {
    model: '2007',
    params: p,
    I,
    vRange,
    uRange,
    vNullcline,
    uNullcline,
    fixedPoints,
    reset: p.c,
    vpeak: p.vpeak,
    resetJump: p.d,
    saddleNodeInput: saddleNode === undefined ? undefined : saddleNode * p.C,
    hopfInput: hopf === undefined ? undefined : hopf * p.C,
    field,
  };
}

/** Whether a neuron has any of the book's cell-type terms. */
export function hasCellTerms(p: BookParameters): boolean {
  return (
    p.vpeakU !== 0 ||
    p.cU !== 0 ||
    p.uMax !== undefined ||
    p.vHyper !== undefined ||
    p.cubicVb !== undefined
  );
}
