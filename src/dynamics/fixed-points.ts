/**
 * Fixed points of the Izhikevich model at a constant input, their stability from the Jacobian's
 * eigenvalues, and the inputs at which they change (saddle-node and Andronov–Hopf).
 *
 * With a constant input I the fixed points are where both nullclines cross:
 *
 * ```text
 * v-nullcline (dv/dt = 0):  u = k2·v² + k1·v + k0 + I
 * u-nullcline (du/dt = 0):  κ·u = b·(v − vb)      (κ = 0: the vertical line v = vb)
 * ```
 *
 * so for κ ≠ 0 they solve k2·v² + (k1 − b/κ)·v + k0 + I + (b/κ)·vb = 0: two fixed points, one, or
 * none. The two merge and vanish (a saddle-node bifurcation) at
 * I_sn = (k1 − b/κ)² / (4·k2) − k0 − (b/κ)·vb, which is (k1 − b)²/(4·k2) − k0 with the default
 * vb = 0, κ = 1: 4 for b = 0.2. With κ = 0 (the accommodation form) there is always exactly one.
 *
 * Stability is that of the differential equations, from the Jacobian
 * J = [[2·k2·v + k1, −1], [a·b, −a·κ]]: det J < 0 is a saddle; otherwise the sign of the trace
 * says stable or unstable, and the sign of trace² − 4·det says node (real eigenvalues) or focus
 * (complex: the neuron rings, as resonators do). The reference scheme is the Euler map of these
 * equations with the same fixed points; at the presets' dt its stability agrees except within a
 * hair of the bifurcations.
 *
 * @module
 */
import {
  resolveParameters,
  type ModelParameters,
  type NeuronParameters,
} from '../model/izhikevich.js';

/** How a fixed point behaves: the usual names of planar linear stability. */
export type FixedPointType =
  | 'stable node'
  | 'unstable node'
  | 'stable focus'
  | 'unstable focus'
  | 'saddle'
  | 'center'
  | 'saddle-node';

/** An eigenvalue re + i·im of the Jacobian. */
export interface Eigenvalue {
  readonly re: number;
  readonly im: number;
}

/** One equilibrium (v*, u*) of the model at a constant input. */
export interface FixedPoint {
  readonly v: number;
  readonly u: number;
  readonly type: FixedPointType;
  /** True for stable nodes and foci: small perturbations decay back to it. */
  readonly stable: boolean;
  /** Trace, determinant and discriminant (trace² − 4·det) of the Jacobian at the point. */
  readonly trace: number;
  readonly determinant: number;
  readonly discriminant: number;
  /** The two eigenvalues, larger real part first. */
  readonly eigenvalues: readonly [Eigenvalue, Eigenvalue];
}

/** Relative tolerance under which a trace or determinant counts as zero (a bifurcation point). */
const ZERO_TOLERANCE = 1e-12;

/** Classifies a planar equilibrium from its Jacobian's trace and determinant. */
export function classifyJacobian(trace: number, determinant: number): FixedPointType {
  const scale = Math.max(1, trace * trace, Math.abs(determinant));
  if (Math.abs(determinant) <= ZERO_TOLERANCE * scale) return 'saddle-node';
  if (determinant < 0) return 'saddle';
  if (Math.abs(trace) <= ZERO_TOLERANCE * scale) return 'center';
  const kind = trace * trace - 4 * determinant < 0 ? 'focus' : 'node';
  return trace < 0 ? `stable ${kind}` : `unstable ${kind}`;
}

/** The fixed point at membrane potential v, with u on the v-nullcline, and its stability. */
export function fixedPointAt(params: ModelParameters, I: number, v: number): FixedPoint {
  const { a, b, k2, k1, k0, kappa } = params;
  const u = k2 * v * v + k1 * v + k0 + I;
  const dvdv = 2 * k2 * v + k1;
  return fixedPointOf(v, u, dvdv - a * kappa, -dvdv * a * kappa + a * b);
}

/** The equilibrium (v, u) with its eigenvalues and type, from its Jacobian's trace and determinant. */
export function fixedPointOf(v: number, u: number, trace: number, determinant: number): FixedPoint {
  const discriminant = trace * trace - 4 * determinant;
  const root = Math.sqrt(Math.abs(discriminant));
  const eigenvalues: [Eigenvalue, Eigenvalue] =
    discriminant >= 0
      ? [
          { re: (trace + root) / 2, im: 0 },
          { re: (trace - root) / 2, im: 0 },
        ]
      : [
          { re: trace / 2, im: root / 2 },
          { re: trace / 2, im: -root / 2 },
        ];
  const type = classifyJacobian(trace, determinant);
  return {
    v,
    u,
    type,
    stable: type === 'stable node' || type === 'stable focus',
    trace,
    determinant,
    discriminant,
    eigenvalues,
  };
}

/**
 * The fixed points at constant input I, in increasing v. Empty when the nullclines do not cross
 * (the neuron cannot rest: it fires) and when u does not move at all (a = 0, or b = κ = 0),
 * where every point of the v-nullcline is an equilibrium.
 */
export function findFixedPoints(neuron: NeuronParameters, I: number): FixedPoint[] {
  const params = resolveParameters(neuron);
  const { a, b, k2, k1, k0, vb, kappa } = params;
  if (a === 0 || (b === 0 && kappa === 0)) return [];
  if (kappa === 0) return [fixedPointAt(params, I, vb)];
  const slope = b / kappa;
  // k2·v² + (k1 − slope)·v + (k0 + I + slope·vb) = 0
  const qa = k2;
  const qb = k1 - slope;
  const qc = k0 + I + slope * vb;
  if (qa === 0) return qb === 0 ? [] : [fixedPointAt(params, I, -qc / qb)];
  const discriminant = qb * qb - 4 * qa * qc;
  if (discriminant < 0) return [];
  if (discriminant === 0) return [fixedPointAt(params, I, -qb / (2 * qa))];
  // The numerically stable pair of roots (no cancellation between qb and the square root).
  const q = -0.5 * (qb + Math.sign(qb || 1) * Math.sqrt(discriminant));
  const roots = [q / qa, qc / q].sort((x, y) => x - y);
  return roots.map((v) => fixedPointAt(params, I, v));
}

/**
 * The resting state at input I: the stable fixed point (the one of lowest v if there were
 * several), or undefined when the neuron has none and so cannot rest.
 */
export function restingState(neuron: NeuronParameters, I: number): FixedPoint | undefined {
  return findFixedPoints(neuron, I).find((point) => point.stable);
}

/**
 * The input at which the two fixed points merge and vanish (saddle-node bifurcation), from the
 * closed form I = (k1 − b/κ)² / (4·k2) − k0 − (b/κ)·vb. Undefined when there is no such input
 * (κ = 0 or k2 = 0: one fixed point at every input).
 */
export function saddleNodeInput(neuron: NeuronParameters): number | undefined {
  const { b, k2, k1, k0, vb, kappa } = resolveParameters(neuron);
  if (kappa === 0 || k2 === 0) return undefined;
  const slope = b / kappa;
  return ((k1 - slope) * (k1 - slope)) / (4 * k2) - k0 - slope * vb;
}

/**
 * The input at which a fixed point loses stability through oscillations of growing amplitude
 * (Andronov–Hopf bifurcation: trace 0 with det > 0), with its v. Undefined when no fixed point
 * ever has trace 0 and det > 0; at that v the trace is zero when 2·k2·v + k1 = a·κ.
 */
export function hopfInput(neuron: NeuronParameters): { I: number; v: number } | undefined {
  const params = resolveParameters(neuron);
  const { a, b, k2, k1, k0, vb, kappa } = params;
  // With κ = 0 the fixed point sits at v = vb whatever I is, so its stability never changes.
  if (k2 === 0 || a === 0 || kappa === 0) return undefined;
  const v = (a * kappa - k1) / (2 * k2);
  const determinant = a * b - a * a * kappa * kappa;
  if (!(determinant > 0)) return undefined;
  // I puts the fixed point at this v: the two nullclines must cross there.
  const uOnUNullcline = (b / kappa) * (v - vb);
  return { I: uOnUNullcline - (k2 * v * v + k1 * v + k0), v };
}
