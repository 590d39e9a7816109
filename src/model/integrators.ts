/**
 * The integrators of the single-neuron model, registered by name. Each one is a whole time loop
 * (no per-step function call through the registry), writes into preallocated arrays and
 * allocates nothing while it runs.
 */
import { DivergenceError } from '../errors.js';
import type { GrowableFloat64Array } from '../record/growable.js';
import type { ModelParameters } from './izhikevich.js';
import type { InputFunction } from '../input/compile.js';
import {
  runSubsteps,
  substepIntegrators,
  type Advance,
  type Derivative,
  type SubstepRule,
} from './substeps.js';

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

/** Throws the `DivergenceError` of a step at t: the input's fault when I is not finite, else dt's. */
export function diverged(t: number, v: number, u: number, I: number, dt: number): never {
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

/**
 * Reports a sub-step that left the state non-finite, blaming the input when I(t) was not finite
 * at any time the sub-step sampled (its start, middle or end), the state otherwise.
 */
function substepDiverged(
  t: number,
  h: number,
  v: number,
  u: number,
  input: InputFunction,
  dt: number,
): never {
  for (const time of [t, t + h / 2, t + h]) {
    const I = input(time);
    if (!Number.isFinite(I)) diverged(time, v, u, I, dt);
  }
  diverged(t + h, v, u, input(t), dt);
}

/** Records I(t) at a step, refusing a value that is not finite. */
function recordedInput(input: InputFunction, t: number, dt: number): number {
  const I = input(t);
  if (!Number.isFinite(I)) diverged(t, NaN, NaN, I, dt);
  return I;
}

/**
 * The 2003 form's rule after a sub-step: a spike where v exceeds vpeak, its time interpolated
 * linearly within the sub-step, then v ← c, u ← u + d; the recorded input must be finite.
 */
function substepRule(task: IntegrationTask): SubstepRule {
  const { c, d, vpeak } = task.params;
  const { dt, input, spikes } = task;
  return {
    vpeak,
    vpeakU: 0,
    atCutoff: false,
    diverged: (t, h, v, u) => substepDiverged(t, h, v, u, input, dt),
    fire: (v, _u, vNext, uNext, t, h, _cutoff, out) => {
      spikes.push(t + (h * (vpeak - v)) / (vNext - v));
      out[0] = c;
      out[1] = uNext + d;
      return vpeak;
    },
    input,
    refuseInput: (t, I) => diverged(t, NaN, NaN, I, dt),
  };
}

/**
 * The loop of the sub-stepping integrators on the 2003 form's grid, k = 0 … K; Euler samples no
 * input at the last step, so it is checked there even without a trace.
 */
function runSubstepped(task: IntegrationTask, advance: Advance): void {
  runSubsteps({ ...task, samples: task.lastStep + 1 }, advance, substepRule(task));
  if (task.trace === undefined) recordedInput(task.input, task.lastStep * task.dt, task.dt);
}

function makeDerivative(params: ModelParameters, out: Float64Array): Derivative {
  const { a, b, k2, k1, k0, vb, kappa } = params;
  return (v, u, I) => {
    out[0] = k2 * (v * v) + k1 * v + k0 - u + I;
    out[1] = a * (b * (v - vb) - kappa * u);
  };
}

/** Textbook forward Euler and classical Runge–Kutta, each with sub-steps. */
const SUBSTEPPING = substepIntegrators(
  (task: IntegrationTask, slope) => makeDerivative(task.params, slope),
  runSubstepped,
);

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
    run: SUBSTEPPING.euler,
  },
  rk4: {
    description: 'classical Runge–Kutta of order 4, with sub-steps and interpolated spike times',
    run: SUBSTEPPING.rk4,
  },
};

/** The names of the integrators; `reference` is the papers' scheme. */
export type IntegratorName = 'reference' | 'euler' | 'rk4';

/** The names of the registered integrators. */
export const INTEGRATOR_NAMES = Object.keys(INTEGRATORS) as IntegratorName[];

export function isIntegratorName(name: string): name is IntegratorName {
  return Object.hasOwn(INTEGRATORS, name);
}
