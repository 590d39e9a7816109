/**
 * The (v, u) phase plane at a constant input, as data for a figure: both nullclines sampled over
 * a window, the fixed points with their stability, the reset line v = c, the cut-off v = vpeak
 * and a direction field. The window fits a trajectory when one is given.
 */
import { requireVpeakAboveReset } from '../model/simulate.js';
import {
  resolveParameters,
  type ModelParameters,
  type NeuronParameters,
} from '../model/izhikevich.js';
import { requireFinite, requireWholeNumber } from '../model/izhikevich.js';
import { ParameterError } from '../errors.js';
import { findFixedPoints, hopfInput, saddleNodeInput, type FixedPoint } from './fixed-points.js';

/** A curve sampled at matching v and u. */
export interface PlaneCurve {
  readonly v: Float64Array;
  readonly u: Float64Array;
}

/** A trajectory in the plane: a recorded trace's v and u columns. */
export interface PlaneTrajectory {
  readonly v: ArrayLike<number>;
  readonly u: ArrayLike<number>;
}

export interface PhasePlaneOptions {
  /** The v window (mV); fitted to rest, reset, vpeak and the trajectory when not given. */
  readonly vRange?: readonly [number, number];
  /** The u window; fitted to the fixed points, the trajectory and the v-nullcline's bottom. */
  readonly uRange?: readonly [number, number];
  /** Points along the v-nullcline (200 by default). */
  readonly samples?: number;
  /** Drawn on top; the window is fitted to include it. */
  readonly trajectory?: PlaneTrajectory;
  /** Arrows of the direction field along each axis (15 by default, 0 for none). */
  readonly fieldSize?: number;
}

/** The direction of flow (dv/dt, du/dt) at a grid of points. */
export interface DirectionField {
  readonly v: Float64Array;
  readonly u: Float64Array;
  readonly dv: Float64Array;
  readonly du: Float64Array;
}

export interface PhasePlane {
  readonly params: ModelParameters;
  /** The constant input the nullclines and fixed points are for. */
  readonly I: number;
  readonly vRange: readonly [number, number];
  readonly uRange: readonly [number, number];
  /** u = k2·v² + k1·v + k0 + I over the v window. */
  readonly vNullcline: PlaneCurve;
  /** κ·u = b·(v − vb): a straight line (two points), vertical at v = vb when κ = 0. */
  readonly uNullcline: PlaneCurve;
  readonly fixedPoints: readonly FixedPoint[];
  /** Reset potential c: after a spike the state jumps to v = c, u + d. */
  readonly reset: number;
  /** Spike cut-off: a spike is counted when v passes it. */
  readonly vpeak: number;
  /** Jump of u at each spike. */
  readonly resetJump: number;
  /** Input at which the fixed points merge and vanish, if any. */
  readonly saddleNodeInput: number | undefined;
  /** Input at which a fixed point turns unstable through growing oscillations, if any. */
  readonly hopfInput: number | undefined;
  readonly field: DirectionField;
}

/** What a phase-plane figure draws: a plane without its model's parameters (either form). */
export type PlaneGeometry = Omit<PhasePlane, 'params'>;

/**
 * The direction of flow at the centres of a `size` × `size` grid over the window; `slope` writes
 * (dv/dt, du/dt) at (v, u) into `out`.
 */
export function directionField(
  vRange: readonly [number, number],
  uRange: readonly [number, number],
  size: number,
  slope: (v: number, u: number, out: Float64Array) => void,
): DirectionField {
  const cells = size * size;
  const field = {
    v: new Float64Array(cells),
    u: new Float64Array(cells),
    dv: new Float64Array(cells),
    du: new Float64Array(cells),
  };
  const out = new Float64Array(2);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const k = i * size + j;
      const v = vRange[0] + ((vRange[1] - vRange[0]) * (j + 0.5)) / size;
      const u = uRange[0] + ((uRange[1] - uRange[0]) * (i + 0.5)) / size;
      slope(v, u, out);
      field.v[k] = v;
      field.u[k] = u;
      field.dv[k] = out[0] as number;
      field.du[k] = out[1] as number;
    }
  }
  return field;
}

function finiteRange(name: string, range: readonly [number, number]): readonly [number, number] {
  const [low, high] = range;
  requireFinite(name, low);
  requireFinite(name, high);
  if (!(high > low)) {
    throw new ParameterError(
      name,
      `${name} must go from a lower to a higher value, got [${low}, ${high}]`,
    );
  }
  return [low, high];
}

function fitV(params: ModelParameters, points: readonly FixedPoint[], path?: PlaneTrajectory) {
  let low = Math.min(params.c, -75);
  let high = params.vpeak;
  for (const p of points) {
    low = Math.min(low, p.v);
    high = Math.max(high, p.v);
  }
  if (path !== undefined) {
    for (let i = 0; i < path.v.length; i++) {
      const v = path.v[i] as number;
      if (Number.isFinite(v)) low = Math.min(low, v);
    }
  }
  const pad = 0.05 * (high - low);
  return [low - pad, high + pad] as const;
}

function fitU(
  params: ModelParameters,
  I: number,
  vRange: readonly [number, number],
  points: readonly FixedPoint[],
  path?: PlaneTrajectory,
) {
  const { k2, k1, k0 } = params;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const include = (u: number) => {
    if (Number.isFinite(u)) {
      low = Math.min(low, u);
      high = Math.max(high, u);
    }
  };
  for (const p of points) include(p.u);
  if (path !== undefined) for (let i = 0; i < path.u.length; i++) include(path.u[i] as number);
  // The bottom of the v-nullcline parabola shows where the neuron's threshold is.
  if (k2 > 0) {
    const vertex = -k1 / (2 * k2);
    if (vertex > vRange[0] && vertex < vRange[1]) include(k0 + I - (k1 * k1) / (4 * k2));
  }
  // The v-nullcline at the reset and at rest: where the state goes after a spike.
  include(k2 * params.c * params.c + k1 * params.c + k0 + I);
  if (!Number.isFinite(low)) return [-20, 20] as const;
  const span = Math.max(high - low, 4);
  return [low - 0.2 * span, high + 0.2 * span] as const;
}

/**
 * The phase plane of a neuron at constant input `I`, with its window fitted to show rest, reset,
 * vpeak and the trajectory when no window is given.
 */
export function phasePlane(
  neuron: NeuronParameters,
  I: number,
  options: PhasePlaneOptions = {},
): PhasePlane {
  const params = resolveParameters(neuron);
  requireVpeakAboveReset(params);
  requireFinite('I', I);
  const { a, b, k2, k1, k0, vb, kappa } = params;
  const samples = requireWholeNumber('samples', options.samples ?? 200, 2, 100000);
  const fieldSize = requireWholeNumber('fieldSize', options.fieldSize ?? 15, 0, 200);
  const fixedPoints = findFixedPoints(params, I);
  const vRange =
    options.vRange === undefined
      ? fitV(params, fixedPoints, options.trajectory)
      : finiteRange('vRange', options.vRange);
  const uRange =
    options.uRange === undefined
      ? fitU(params, I, vRange, fixedPoints, options.trajectory)
      : finiteRange('uRange', options.uRange);

  const vNullcline = { v: new Float64Array(samples), u: new Float64Array(samples) };
  for (let i = 0; i < samples; i++) {
    const v = vRange[0] + ((vRange[1] - vRange[0]) * i) / (samples - 1);
    vNullcline.v[i] = v;
    vNullcline.u[i] = k2 * v * v + k1 * v + k0 + I;
  }
  const uNullcline =
    kappa === 0
      ? { v: Float64Array.of(vb, vb), u: Float64Array.of(uRange[0], uRange[1]) }
      : {
          v: Float64Array.of(vRange[0], vRange[1]),
          u: Float64Array.of((b * (vRange[0] - vb)) / kappa, (b * (vRange[1] - vb)) / kappa),
        };

  const field = directionField(vRange, uRange, fieldSize, (v, u, out) => {
    out[0] = k2 * v * v + k1 * v + k0 - u + I;
    out[1] = a * (b * (v - vb) - kappa * u);
  });
  const plane: PhasePlane = {
    params,
    I,
    vRange,
    uRange,
    vNullcline,
    uNullcline,
    fixedPoints,
    reset: params.c,
    vpeak: params.vpeak,
    resetJump: params.d,
    saddleNodeInput: saddleNodeInput(params),
    hopfInput: hopfInput(params)?.I,
    field,
  };
  requireFinitePlane(plane);
  return plane;
}

/**
 * Refuses a plane with a value that is not finite (a fixed point at infinity, NaN eigenvalues, a
 * window that overflows): such a result is an error, never `NaN` or `Infinity` in the output.
 *
 * @throws ParameterError naming the first quantity that is not finite
 */
function requireFinitePlane(plane: PhasePlane): void {
  const fail = (what: string, value: number): never => {
    throw new ParameterError(
      'I',
      `the phase plane cannot be computed in double precision at these values (${what} is ${value}): use smaller parameters or a smaller I`,
    );
  };
  plane.fixedPoints.forEach((p) => {
    const values: [string, number][] = [
      ['the fixed point\u2019s v', p.v],
      ['the fixed point\u2019s u', p.u],
      ['the trace', p.trace],
      ['the determinant', p.determinant],
      ...p.eigenvalues.flatMap((l): [string, number][] => [
        ['an eigenvalue', l.re],
        ['an eigenvalue', l.im],
      ]),
    ];
    for (const [what, value] of values) if (!Number.isFinite(value)) fail(what, value);
  });
  for (const [what, value] of [
    ['the saddle-node input', plane.saddleNodeInput],
    ['the Hopf input', plane.hopfInput],
  ] as const) {
    if (value !== undefined && !Number.isFinite(value)) fail(what, value);
  }
  const arrays: [string, ArrayLike<number>][] = [
    ['the v window', plane.vRange],
    ['the u window', plane.uRange],
    ['the v-nullcline', plane.vNullcline.u],
    ['the u-nullcline', plane.uNullcline.u],
    ['the direction field', plane.field.dv],
    ['the direction field', plane.field.du],
  ];
  for (const [what, values] of arrays) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number;
      if (!Number.isFinite(value)) fail(what, value);
    }
  }
}
