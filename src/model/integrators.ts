/**
 * The integrators of the single-neuron model, registered by name. Each one is a whole time loop
 * (no per-step function call through the registry), writes into preallocated arrays and
 * allocates nothing while it runs.
 */
import { DivergenceError } from '../errors.js';
import type { GrowableFloat64Array } from '../record/growable.js';
import type { ModelParameters } from './izhikevich.js';
import type { InputFunction } from '../input/compile.js';

/** Preallocated columns of a recorded trace, one value per step t_k = k·dt. */
export interface TraceColumns {
  readonly t: Float64Array;
  readonly v: Float64Array;
  readonly u: Float64Array;
  readonly I: Float64Array;
}

/** Everything an integrator needs: the neuron, the grid, the input and where to record. */
export interface IntegrationTask {
  readonly params: ModelParameters;
  readonly v0: number;
  readonly u0: number;
  readonly dt: number;
  /** K: the last step index; steps k = 0 … K are taken (t_K = duration). */
  readonly lastStep: number;
  readonly substeps: number;
  readonly input: InputFunction;
  readonly spikes: GrowableFloat64Array;
  readonly trace: TraceColumns | undefined;
}

export interface Integrator {
  readonly description: string;
  readonly run: (task: IntegrationTask) => void;
}

function diverged(t: number, v: number, u: number, I: number, dt: number): never {
  const what = !Number.isFinite(I) ? `I(t) is ${I}` : `v = ${v}, u = ${u}`;
  throw new DivergenceError(
    `the simulation diverged at t = ${t} ms (${what}); ` +
      (Number.isFinite(I) ? `try a smaller dt than ${dt} ms` : 'check the input expression'),
    t,
    Number.isFinite(I) ? 'state' : 'input',
  );
}

/**
 * The scheme of the papers' figure code: at each t_k, v first, then u from the new v, then the
 * threshold test; the trace holds vpeak at a spike.
 */
function runReference(task: IntegrationTask): void {
  const { a, b, c, d, k2, k1, k0, vb, kappa, vpeak } = task.params;
  const { dt, lastStep, input, spikes, trace } = task;
  let v = task.v0;
  let u = task.u0;
  for (let k = 0; k <= lastStep; k++) {
    const t = k * dt;
    const I = input(t);
    v = v + dt * (k2 * (v * v) + k1 * v + k0 - u + I);
    u = u + dt * a * (b * (v - vb) - kappa * u);
    if (!(Number.isFinite(v) && Number.isFinite(u))) diverged(t, v, u, I, dt);
    let shown = v;
    if (v > vpeak) {
      spikes.push(t);
      shown = vpeak;
      v = c;
      u = u + d;
    }
    if (trace !== undefined) {
      trace.t[k] = t;
      trace.v[k] = shown;
      trace.u[k] = u;
      trace.I[k] = I;
    }
  }
}

/** Writes (dv/dt, du/dt) at (v, u) under input I into a slope array it closes over. */
export type Derivative = (v: number, u: number, I: number) => void;

/**
 * Shared loop of the sub-stepping integrators: the trace starts at (v0, u0) at t = 0, each step
 * advances from t_{k−1} to t_k in `substeps` sub-steps, and a spike's time is interpolated
 * linearly where v crosses vpeak within a sub-step.
 */
function runSubstepped(task: IntegrationTask, advance: Advance): void {
  const { c, d, vpeak } = task.params;
  const { dt, lastStep, input, spikes, trace, substeps } = task;
  const h = dt / substeps;
  const next = new Float64Array(2);
  let v = task.v0;
  let u = task.u0;
  if (trace !== undefined) {
    trace.t[0] = 0;
    trace.v[0] = v;
    trace.u[0] = u;
    trace.I[0] = input(0);
  }
  for (let k = 1; k <= lastStep; k++) {
    const start = (k - 1) * dt;
    let peaked = false;
    for (let s = 0; s < substeps; s++) {
      const t = start + s * h;
      advance(v, u, t, h, next);
      const vNext = next[0] as number;
      const uNext = next[1] as number;
      if (!(Number.isFinite(vNext) && Number.isFinite(uNext)))
        diverged(t + h, vNext, uNext, input(t), dt);
      if (vNext > vpeak) {
        spikes.push(t + (h * (vpeak - v)) / (vNext - v));
        peaked = true;
        v = c;
        u = uNext + d;
      } else {
        v = vNext;
        u = uNext;
      }
    }
    if (trace !== undefined) {
      trace.t[k] = k * dt;
      trace.v[k] = peaked ? vpeak : v;
      trace.u[k] = u;
      trace.I[k] = input(k * dt);
    }
  }
}

function makeDerivative(params: ModelParameters, out: Float64Array): Derivative {
  const { a, b, k2, k1, k0, vb, kappa } = params;
  return (v, u, I) => {
    out[0] = k2 * (v * v) + k1 * v + k0 - u + I;
    out[1] = a * (b * (v - vb) - kappa * u);
  };
}

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

/** Textbook forward Euler: v and u both advance from the old state. */
function runEuler(task: IntegrationTask): void {
  const slope = new Float64Array(2);
  runSubstepped(task, eulerAdvance(makeDerivative(task.params, slope), slope, task.input));
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

/** Classical fourth-order Runge–Kutta, I(t) sampled at the sub-step's start, middle and end. */
function runRk4(task: IntegrationTask): void {
  const slope = new Float64Array(2);
  runSubstepped(task, rk4Advance(makeDerivative(task.params, slope), slope, task.input));
}

/**
 * The integrators by name. `reference` is the default and the one every preset uses; the others
 * serve accuracy studies and differ from it in three ways: v and u advance together from the old
 * state, the trace starts at (v0, u0) at t = 0 (the reference trace holds the state after the
 * first update there), and spike times are interpolated between sub-steps.
 */
export const INTEGRATORS: Readonly<Record<IntegratorName, Integrator>> = {
  reference: {
    description:
      "the papers' scheme: Euler step of v, then of u with the new v, spike at t_k when v > vpeak",
    run: runReference,
  },
  euler: {
    description:
      'forward Euler, v and u together from the old state, with sub-steps and interpolated spike times',
    run: runEuler,
  },
  rk4: {
    description: 'classical Runge–Kutta of order 4, with sub-steps and interpolated spike times',
    run: runRk4,
  },
};

/** The names of the integrators; `reference` is the papers' scheme. */
export type IntegratorName = 'reference' | 'euler' | 'rk4';

/** The names of the registered integrators. */
export const INTEGRATOR_NAMES = Object.keys(INTEGRATORS) as IntegratorName[];

export function isIntegratorName(name: string): name is IntegratorName {
  return Object.hasOwn(INTEGRATORS, name);
}
