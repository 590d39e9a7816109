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

/** What a form of the model does after each sub-step and how it samples the input for the trace. */
export interface SubstepRule {
  /**
   * After the sub-step from (v, u) at t to `next` over h: throws when `next` is not finite; when
   * v crossed the cut-off, records the spike, writes the reset state into `next` and returns the
   * cut-off; returns NaN otherwise.
   */
  readonly settle: (v: number, u: number, t: number, h: number, next: Float64Array) => number;
  /** I(t) as the trace records it at a grid time. */
  readonly sample: (t: number) => number;
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
 * advances from t_{k−1} to t_k in `substeps` sub-steps, and the trace holds the cut-off at a step
 * that had a spike (the last one's, when there were several).
 */
export function runSubsteps(grid: SubstepGrid, advance: Advance, rule: SubstepRule): void {
  const { dt, samples, substeps, trace } = grid;
  const { settle, sample } = rule;
  const h = dt / substeps;
  const next = new Float64Array(2);
  let v = grid.v0;
  let u = grid.u0;
  if (trace !== undefined) {
    trace.t[0] = 0;
    trace.v[0] = v;
    trace.u[0] = u;
    trace.I[0] = sample(0);
  }
  for (let k = 1; k < samples; k++) {
    const start = (k - 1) * dt;
    let peak = NaN;
    for (let s = 0; s < substeps; s++) {
      const t = start + s * h;
      advance(v, u, t, h, next);
      const cutoff = settle(v, u, t, h, next);
      if (!Number.isNaN(cutoff)) peak = cutoff;
      v = next[0] as number;
      u = next[1] as number;
    }
    if (trace !== undefined) {
      trace.t[k] = k * dt;
      trace.v[k] = Number.isNaN(peak) ? v : peak;
      trace.u[k] = u;
      trace.I[k] = sample(k * dt);
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
