/**
 * What the sub-stepping integrators (`euler`, `rk4`) of both forms of the model share: the Euler
 * and Runge–Kutta sub-steps and the loop over the grid that records the trace. Each form brings
 * its own rule for what follows a sub-step: its cut-off, spike time, reset and divergence report.
 */
import type { InputFunction } from '../input/compile.js';
import type { TraceColumns } from './integrators.js';

/** Writes (dv/dt, du/dt) at (v, u) under input I into a slope array it closes over. */
export type Derivative = (v: number, u: number, I: number) => void;

/** One sub-step of a sub-stepping integrator: (v, u) at t to `out` at t + h. */
export type Advance = (v: number, u: number, t: number, h: number, out: Float64Array) => void;

/** The forward Euler sub-step: v and u both advance from the old state. */
export function eulerAdvance(
  derivative: Derivative,
  slope: Float64Array,
  input: InputFunction,
): Advance {
  return (v, u, t, h, out) => {
    derivative(v, u, input(t));
    out[0] = v + h * (slope[0] as number);
    out[1] = u + h * (slope[1] as number);
  };
}

/**
 * One classical fourth-order Runge–Kutta step of (v, u) over h, with the input at the step's
 * start, middle and end; `derivative` writes (dv/dt, du/dt) into `slope`, the result goes to `out`.
 */
export function rk4Step(
  derivative: Derivative,
  slope: Float64Array,
  v: number,
  u: number,
  h: number,
  inputs: { readonly start: number; readonly mid: number; readonly end: number },
  out: Float64Array,
): void {
  derivative(v, u, inputs.start);
  const k1v = slope[0] as number;
  const k1u = slope[1] as number;
  derivative(v + (h / 2) * k1v, u + (h / 2) * k1u, inputs.mid);
  const k2v = slope[0] as number;
  const k2u = slope[1] as number;
  derivative(v + (h / 2) * k2v, u + (h / 2) * k2u, inputs.mid);
  const k3v = slope[0] as number;
  const k3u = slope[1] as number;
  derivative(v + h * k3v, u + h * k3u, inputs.end);
  const k4v = slope[0] as number;
  const k4u = slope[1] as number;
  out[0] = v + (h / 6) * (k1v + 2 * k2v + 2 * k3v + k4v);
  out[1] = u + (h / 6) * (k1u + 2 * k2u + 2 * k3u + k4u);
}

/** The classical Runge–Kutta sub-step, I(t) sampled at the sub-step's start, middle and end. */
export function rk4Advance(
  derivative: Derivative,
  slope: Float64Array,
  input: InputFunction,
): Advance {
  const inputs = { start: 0, mid: 0, end: 0 };
  return (v, u, t, h, out) => {
    inputs.start = input(t);
    inputs.mid = input(t + h / 2);
    inputs.end = input(t + h);
    rk4Step(derivative, slope, v, u, h, inputs, out);
  };
}

/**
 * A form's spike rule for the sub-stepping loop. A sub-step that ends with v past the cut-off
 * vpeak + vpeakU·u (`atCutoff`: at or past it) is a spike; the form says when it happened, how
 * the neuron resets and what the trace shows, how divergence is reported and how I(t) is recorded.
 */
export interface SubstepRule {
  readonly vpeak: number;
  /** The cut-off's slope in u: 0 in the 2003 form. */
  readonly vpeakU: number;
  /** Whether v equal to the cut-off is a spike (the 2007 form) or v must exceed it (2003). */
  readonly atCutoff: boolean;
  /** Throws the error of the sub-step from t over h that left the state at a non-finite (v, u). */
  readonly diverged: (t: number, h: number, v: number, u: number) => never;
  /**
   * Records the spike of the sub-step from (v, u) at t to (vNext, uNext) over h, writes the reset
   * state into `out` and returns the v the trace shows for the step.
   */
  readonly fire: (
    v: number,
    u: number,
    vNext: number,
    uNext: number,
    t: number,
    h: number,
    cutoff: number,
    out: Float64Array,
  ) => number;
  /** I(t), recorded in the trace at each grid time. */
  readonly input: InputFunction;
  /** Throws for a recorded I(t) that is not finite; undefined: the trace records it as it is. */
  readonly refuseInput: ((t: number, I: number) => never) | undefined;
}

/** I(t) as the trace records it, refused by `refuse` when it is not finite. */
function recorded(I: number, t: number, refuse: ((t: number, I: number) => never) | undefined) {
  if (refuse !== undefined && !Number.isFinite(I)) refuse(t, I);
  return I;
}

/** The grid of a sub-stepped run: `samples` grid points t_k = k·dt, each split in `substeps`. */
export interface SubstepGrid {
  readonly v0: number;
  readonly u0: number;
  readonly dt: number;
  readonly samples: number;
  readonly substeps: number;
  readonly trace: TraceColumns | undefined;
}

/**
 * The loop of the sub-stepping integrators: the trace starts at (v0, u0) at t = 0, each step
 * advances from t_{k−1} to t_k in `substeps` sub-steps, and the trace holds what the rule gives
 * for the last spike of a step that had one.
 */
export function runSubsteps(grid: SubstepGrid, advance: Advance, rule: SubstepRule): void {
  const { dt, samples, substeps, trace } = grid;
  const { vpeak, vpeakU, atCutoff, diverged, fire, input, refuseInput } = rule;
  const h = dt / substeps;
  const next = new Float64Array(2);
  let v = grid.v0;
  let u = grid.u0;
  if (trace !== undefined) {
    trace.t[0] = 0;
    trace.v[0] = v;
    trace.u[0] = u;
    trace.I[0] = recorded(input(0), 0, refuseInput);
  }
  for (let k = 1; k < samples; k++) {
    const start = (k - 1) * dt;
    let peaked = false;
    let peak = 0;
    for (let s = 0; s < substeps; s++) {
      const t = start + s * h;
      advance(v, u, t, h, next);
      const vNext = next[0] as number;
      const uNext = next[1] as number;
      if (!(Number.isFinite(vNext) && Number.isFinite(uNext))) diverged(t, h, vNext, uNext);
      const cutoff = vpeak + vpeakU * uNext;
      if (atCutoff ? vNext >= cutoff : vNext > cutoff) {
        peak = fire(v, u, vNext, uNext, t, h, cutoff, next);
        peaked = true;
        v = next[0] as number;
        u = next[1] as number;
      } else {
        v = vNext;
        u = uNext;
      }
    }
    if (trace !== undefined) {
      trace.t[k] = k * dt;
      trace.v[k] = peaked ? peak : v;
      trace.u[k] = u;
      trace.I[k] = recorded(input(k * dt), k * dt, refuseInput);
    }
  }
}

/**
 * The `euler` and `rk4` integrators of a form, from its derivative (writing into `slope`) and its
 * sub-stepped loop.
 */
export function substepIntegrators<Task extends { readonly input: InputFunction }>(
  derivativeOf: (task: Task, slope: Float64Array) => Derivative,
  runSubstepped: (task: Task, advance: Advance) => void,
): { readonly euler: (task: Task) => void; readonly rk4: (task: Task) => void } {
  return {
    euler: (task) => {
      const slope = new Float64Array(2);
      runSubstepped(task, eulerAdvance(derivativeOf(task, slope), slope, task.input));
    },
    rk4: (task) => {
      const slope = new Float64Array(2);
      runSubstepped(task, rk4Advance(derivativeOf(task, slope), slope, task.input));
    },
  };
}
