/**
 * The integrators of the 2007 form, registered by name like those of the 2003 form: `reference`
 * is the book's scheme to the letter, `euler` and `rk4` serve accuracy studies. Each is one time
 * loop over preallocated arrays.
 */
import { INTEGRATORS, diverged, type IntegrationTask } from './integrators.js';
import type { BookParameters } from './izhikevich-2007.js';
import { runSubsteps, substepIntegrators, type Derivative, type SubstepRule } from './substeps.js';

/** Everything an integrator of the 2007 form needs: as for the 2003 form, on the book's grid. */
export interface BookIntegrationTask extends Omit<IntegrationTask, 'params' | 'lastStep'> {
  readonly params: BookParameters;
  /** K = round(T/dt): the grid is t_i = i·dt for i = 0 … K − 1. */
  readonly samples: number;
}

/**
 * The recovery drive U(v) with du/dt = a·(U(v) − u): b·(v − vr) in general, with b switched to
 * bHyper at or below vHyper, or the cubic b·(v − vb)³ above vb and 0 below.
 */
export function recoveryDrive(p: BookParameters, v: number): number {
  if (p.cubicVb !== undefined) {
    const vb = p.cubicVb;
    return v < vb ? 0 : p.b * (v - vb) * (v - vb) * (v - vb);
  }
  const b = p.vHyper !== undefined && v <= p.vHyper ? (p.bHyper as number) : p.b;
  return b * (v - p.vr);
}

/**
 * The book's scheme (chapter 8's MATLAB code): for i = 0 … K − 2, v and u both advance from the
 * old values,
 *
 *     v_{i+1} = v_i + dt·(k·(v_i − vr)·(v_i − vt) − u_i + I(t_i))/C
 *     u_{i+1} = u_i + dt·a·(U(v_i) − u_i)
 *
 * and when v_{i+1} ≥ vpeak (+ vpeakU·u_{i+1}) a spike is recorded at t_{i+1}, the trace at t_i is
 * padded to the cut-off, v_{i+1} ← c (+ cU·u_{i+1}) and u_{i+1} ← u_{i+1} + d (at most uMax).
 */
function runBook(task: BookIntegrationTask): void {
  const p = task.params;
  const { C, k, vr, vt, vpeak, a, c, d, vpeakU, cU } = p;
  const uMax = p.uMax ?? Infinity;
  const { dt, samples, input, spikes, trace } = task;
  let v = task.v0;
  let u = task.u0;
  if (trace !== undefined) {
    trace.t[0] = 0;
    trace.v[0] = v;
    trace.u[0] = u;
  }
  for (let i = 0; i < samples - 1; i++) {
    const t = i * dt;
    const I = input(t);
    let vNext = v + (dt * (k * (v - vr) * (v - vt) - u + I)) / C;
    let uNext = u + dt * a * (recoveryDrive(p, v) - u);
    if (!(Number.isFinite(vNext) && Number.isFinite(uNext))) diverged(t + dt, vNext, uNext, I, dt);
    const cutoff = vpeak + vpeakU * uNext;
    if (vNext >= cutoff) {
      spikes.push((i + 1) * dt);
      if (trace !== undefined) trace.v[i] = cutoff;
      vNext = c + cU * uNext;
      uNext = Math.min(uNext + d, uMax);
    }
    v = vNext;
    u = uNext;
    if (trace !== undefined) {
      trace.I[i] = I;
      trace.t[i + 1] = (i + 1) * dt;
      trace.v[i + 1] = v;
      trace.u[i + 1] = u;
    }
  }
  if (trace !== undefined) trace.I[samples - 1] = input((samples - 1) * dt);
}

/** dv/dt and du/dt of the 2007 form, written into `out`. */
function derivative(p: BookParameters, v: number, u: number, I: number, out: Float64Array): void {
  out[0] = (p.k * (v - p.vr) * (v - p.vt) - u + I) / p.C;
  out[1] = p.a * (recoveryDrive(p, v) - u);
}

/**
 * The 2007 form's rule after a sub-step: a spike where v reaches the cut-off vpeak + vpeakU·u,
 * its time interpolated linearly where v − cut-off changes sign, then v ← c + cU·u and
 * u ← u + d (at most uMax); the trace records I(t) as it is.
 */
function substepRule(task: BookIntegrationTask): SubstepRule {
  const p = task.params;
  const { vpeak, c, d, vpeakU, cU } = p;
  const uMax = p.uMax ?? Infinity;
  const { dt, input, spikes } = task;
  return {
    vpeak,
    vpeakU,
    atCutoff: true,
    diverged: (t, h, v, u) => diverged(t + h, v, u, input(t), dt),
    fire: (v, u, vNext, uNext, t, h, cutoff, out) => {
      const before = v - (vpeak + vpeakU * u);
      const after = vNext - cutoff;
      spikes.push(before >= 0 ? t : t + (h * before) / (before - after));
      out[0] = c + cU * uNext;
      out[1] = Math.min(uNext + d, uMax);
      return cutoff;
    },
    input,
    refuseInput: undefined,
  };
}

/**
 * Forward Euler and classical Runge–Kutta with sub-steps: the book's update without its grid,
 * on its grid points i = 0 … K − 1.
 */
const SUBSTEPPING = substepIntegrators(
  (task: BookIntegrationTask, slope): Derivative =>
    (v, u, I) =>
      derivative(task.params, v, u, I, slope),
  (task, advance) => runSubsteps(task, advance, substepRule(task)),
);

/** The integrators of the 2007 form by name; the same names as the 2003 form's. */
export const BOOK_INTEGRATORS = {
  reference: {
    description:
      "the book's scheme: v and u from the old values, spike at t_{i+1} when v ≥ vpeak, trace padded to vpeak",
    run: runBook,
  },
  euler: { description: INTEGRATORS.euler.description, run: SUBSTEPPING.euler },
  rk4: { description: INTEGRATORS.rk4.description, run: SUBSTEPPING.rk4 },
} as const;
