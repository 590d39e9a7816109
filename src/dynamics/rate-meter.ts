/**
 * Measures the steady firing rate of a model under a constant input, for the f–I curve of either
 * form (see fi-curve.ts): each run starts from the model's starting state at that input, and the
 * rate is taken from the spikes after the transient.
 */
import { ParameterError } from '../errors.js';
import { requireFinite } from '../model/izhikevich.js';
import { stepCount } from '../model/steps.js';
import { isMeaninglessTrain } from './meaningless.js';

/** How each point of the curve is measured. */
export interface FiringRateOptions {
  /** Run length (ms); 1000 by default. */
  readonly duration?: number;
  /** Time discarded before the rate is measured (ms); 200 by default. */
  readonly transient?: number;
  /** Time step (ms); 0.25 by default. */
  readonly dt?: number;
}

/**
 * What the f–I analysis needs of a model: where a run at input I starts, and a lean run under a
 * constant input that writes spike times into `spikes` and returns their count (−1 when v or u
 * stopped being finite). Both forms of the model provide one.
 */
export interface ConstantInputModel {
  readonly start: (I: number) => { v: number; u: number; atRest: boolean };
  readonly run: (
    v0: number,
    u0: number,
    I: number,
    dt: number,
    lastStep: number,
    spikes: Float64Array,
  ) => number;
}

/**
 * Where a run at input I starts: the resting state at I when there is one (the neuron then stays
 * there), else the resting state at 0 (the input steps up from rest), else `reset()`.
 */
export function startFromRest(
  restingAt: (I: number) => { readonly v: number; readonly u: number } | undefined,
  I: number,
  reset: () => { v: number; u: number },
): { v: number; u: number; atRest: boolean } {
  const rest = restingAt(I);
  if (rest !== undefined) return { v: rest.v, u: rest.u, atRest: true };
  const baseline = restingAt(0);
  if (baseline !== undefined) return { v: baseline.v, u: baseline.u, atRest: false };
  return { ...reset(), atRest: false };
}

/** Run length, transient and time step (ms) when not given. */
export const FIRING_RATE_DEFAULTS = { duration: 1000, transient: 200, dt: 0.25 } as const;

/** What one run at a constant input gave. */
export interface Measurement {
  readonly rate: number;
  readonly count: number;
  readonly v0: number;
  readonly u0: number;
  readonly atRest: boolean;
  readonly meaningless: boolean;
}

/** Runs a model at constant inputs on one grid, reusing one spike buffer. */
export class RateMeter {
  private readonly model: ConstantInputModel;
  private readonly dt: number;
  private readonly lastStep: number;
  private readonly transient: number;
  private readonly spikes: Float64Array;

  constructor(model: ConstantInputModel, options: FiringRateOptions) {
    this.model = model;
    const duration = options.duration ?? FIRING_RATE_DEFAULTS.duration;
    this.dt = options.dt ?? FIRING_RATE_DEFAULTS.dt;
    this.transient = requireFinite(
      'transient',
      options.transient ?? FIRING_RATE_DEFAULTS.transient,
    );
    this.lastStep = stepCount(this.dt, duration);
    if (this.transient < 0 || this.transient >= duration) {
      throw new ParameterError(
        'transient',
        `transient must be at least 0 and less than the duration (${duration} ms), got ${this.transient} ms`,
      );
    }
    this.spikes = new Float64Array(this.lastStep + 1);
  }

  measure(I: number): Measurement {
    requireFinite('I', I);
    const start = this.model.start(I);
    const count = this.model.run(start.v, start.u, I, this.dt, this.lastStep, this.spikes);
    if (count < 0) {
      throw new ParameterError(
        'dt',
        `the run at I = ${I} diverged: try a smaller dt than ${this.dt} ms`,
      );
    }
    return {
      rate: this.rate(count),
      count,
      v0: start.v,
      u0: start.u,
      atRest: start.atRest,
      meaningless: this.meaningless(count),
    };
  }

  /** Spikes at (nearly) every step after the transient: the median ISI is at most 2 steps. */
  private meaningless(count: number): boolean {
    const spikes = this.spikes;
    let first = 0;
    while (first < count && (spikes[first] as number) < this.transient) first++;
    return isMeaninglessTrain(spikes, first, count, this.dt);
  }

  private rate(count: number): number {
    const spikes = this.spikes;
    if (count < 2) return 0;
    let first = 0;
    while (first < count && (spikes[first] as number) < this.transient) first++;
    const after = count - first;
    if (after >= 2) {
      return (1000 * (after - 1)) / ((spikes[count - 1] as number) - (spikes[first] as number));
    }
    return 1000 / ((spikes[count - 1] as number) - (spikes[count - 2] as number));
  }
}
