/**
 * The f–I curve: steady firing rate against constant input, the rheobase found by bisection, and
 * Hodgkin's excitability class that [2004] Fig. 1(G, H) illustrates.
 *
 * **Starting state.** The model can be bistable (resting and firing at the same input), so every
 * point starts from rest: the stable fixed point at that input when there is one (the neuron
 * then stays there and its rate is 0), otherwise the resting state at input 0 (the input steps
 * up from rest), otherwise v = c with u on the u-nullcline.
 *
 * **Rate.** The neuron runs `duration` ms (1000) with the reference scheme; the rate is the
 * reciprocal of the mean ISI of the spikes after `transient` ms (200), or of the last ISI when
 * fewer than two spikes fall after it. One spike or none gives 0: rates below about
 * 1000/duration Hz are not resolved.
 *
 * **Rheobase.** The lowest input at which the neuron fires at least one spike from rest,
 * bisected to `tolerance` (0.001) between an input that does not fire and one that does.
 *
 * **Class.** Class 1 neurons can fire at arbitrarily low rates: the rate rises continuously from
 * zero. Class 2 neurons jump to a non-zero rate. The rule: Class 1 when the steady rate at
 * rheobase + `onsetStep` (0.01) is below `class1MaxOnsetRate` (10 Hz), Class 2 otherwise.
 *
 * @module
 */
import { ParameterError } from '../errors.js';
import {
  requireFinite,
  resolveParameters,
  type ModelParameters,
  type NeuronParameters,
} from '../model/izhikevich.js';
import { stepCount } from '../model/simulate.js';
import { restingState } from './fixed-points.js';
import { runConstantInput } from './step-run.js';

/** How each point of the curve is measured. */
export interface FiringRateOptions {
  /** Run length (ms); 1000 by default. */
  readonly duration?: number;
  /** Time discarded before the rate is measured (ms); 200 by default. */
  readonly transient?: number;
  /** Time step (ms); 0.25 by default. */
  readonly dt?: number;
}

export interface FiCurveOptions extends FiringRateOptions {
  readonly from: number;
  readonly to: number;
  /** Number of inputs from `from` to `to` inclusive (at least 2). */
  readonly steps: number;
  /** Bisection tolerance of the rheobase; 0.001 by default. */
  readonly tolerance?: number;
  /** Input above the rheobase at which the onset rate is measured; 0.01 by default. */
  readonly onsetStep?: number;
  /** Onset rate (Hz) below which the neuron is Class 1; 10 by default. */
  readonly class1MaxOnsetRate?: number;
}

/** One point of the curve. */
export interface FiPoint {
  readonly I: number;
  /** Steady firing rate (Hz). */
  readonly rate: number;
  /** Spikes in the whole run. */
  readonly spikeCount: number;
  /** Where the run started, and whether that was the stable fixed point at this input. */
  readonly v0: number;
  readonly u0: number;
  readonly startedAtRest: boolean;
}

export type ExcitabilityClass = 'class 1' | 'class 2';

export interface FiCurve {
  readonly points: readonly FiPoint[];
  /** How each point was measured (ms). */
  readonly duration: number;
  readonly transient: number;
  readonly dt: number;
  /** The rheobase, or undefined when the neuron fires at `from` already or not even at `to`. */
  readonly rheobase: number | undefined;
  /** Steady rate just above the rheobase (Hz). */
  readonly onsetRate: number | undefined;
  readonly excitabilityClass: ExcitabilityClass | undefined;
  /** One sentence saying what was found and why, for people. */
  readonly summary: string;
}

const DEFAULTS = { duration: 1000, transient: 200, dt: 0.25 } as const;

interface Measurement {
  readonly rate: number;
  readonly count: number;
  readonly v0: number;
  readonly u0: number;
  readonly atRest: boolean;
}

/** Where a run at input I starts: rest at I, else rest at 0, else the reset on the u-nullcline. */
export function fiStartingState(
  neuron: NeuronParameters,
  I: number,
): { v: number; u: number; atRest: boolean } {
  const rest = restingState(neuron, I);
  if (rest !== undefined) return { v: rest.v, u: rest.u, atRest: true };
  const baseline = restingState(neuron, 0);
  if (baseline !== undefined) return { v: baseline.v, u: baseline.u, atRest: false };
  const { b, c, vb, kappa, k2, k1, k0 } = resolveParameters(neuron);
  const u = kappa === 0 ? k2 * c * c + k1 * c + k0 : (b * (c - vb)) / kappa;
  return { v: c, u, atRest: false };
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

/** The 2003 form as a `ConstantInputModel`, with the reference scheme. */
function paperModel(neuron: NeuronParameters): ConstantInputModel {
  const params: ModelParameters = resolveParameters(neuron);
  return {
    start: (I) => fiStartingState(neuron, I),
    run: (v0, u0, I, dt, lastStep, spikes) =>
      runConstantInput(params, v0, u0, I, dt, lastStep, spikes),
  };
}

class RateMeter {
  private readonly model: ConstantInputModel;
  private readonly dt: number;
  private readonly lastStep: number;
  private readonly transient: number;
  private readonly spikes: Float64Array;

  constructor(model: ConstantInputModel, options: FiringRateOptions) {
    this.model = model;
    const duration = options.duration ?? DEFAULTS.duration;
    this.dt = options.dt ?? DEFAULTS.dt;
    this.transient = requireFinite('transient', options.transient ?? DEFAULTS.transient);
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
    return { rate: this.rate(count), count, v0: start.v, u0: start.u, atRest: start.atRest };
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

/** The steady firing rate (Hz) at constant input I, starting from rest; see the module docs. */
export function steadyFiringRate(
  neuron: NeuronParameters,
  I: number,
  options: FiringRateOptions = {},
): FiPoint {
  const m = new RateMeter(paperModel(neuron), options).measure(I);
  return { I, rate: m.rate, spikeCount: m.count, v0: m.v0, u0: m.u0, startedAtRest: m.atRest };
}

/**
 * The lowest input in [from, to] at which the neuron fires from rest, by bisection to
 * `tolerance`; undefined when it fires at `from` already or not even at `to`.
 */
export function findRheobase(
  neuron: NeuronParameters,
  range: { readonly from: number; readonly to: number; readonly tolerance?: number },
  options: FiringRateOptions = {},
): number | undefined {
  return rheobaseWith(
    new RateMeter(paperModel(neuron), options),
    range.from,
    range.to,
    range.tolerance,
  );
}

function rheobaseWith(
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
  if (!(to > from)) throw new ParameterError('to', `'to' (${to}) must be above 'from' (${from})`);
  if (meter.measure(from).count > 0 || meter.measure(to).count === 0) return undefined;
  let low = from;
  let high = to;
  while (high - low > tolerance) {
    const mid = (low + high) / 2;
    if (meter.measure(mid).count > 0) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The f–I curve over `steps` inputs from `from` to `to`, with the rheobase and the excitability
 * class; see the module documentation for how each is measured.
 */
export function fiCurve(neuron: NeuronParameters, options: FiCurveOptions): FiCurve {
  return fiCurveOf(paperModel(neuron), options);
}

/** The f–I curve of any model that can run under a constant input; see `fiCurve`. */
export function fiCurveOf(model: ConstantInputModel, options: FiCurveOptions): FiCurve {
  const { from, to, steps } = options;
  requireFinite('from', from);
  requireFinite('to', to);
  if (!Number.isInteger(steps) || steps < 2 || steps > 100000) {
    throw new ParameterError(
      'steps',
      `steps must be a whole number from 2 to 100000, got ${steps}`,
    );
  }
  if (!(to > from)) throw new ParameterError('to', `'to' (${to}) must be above 'from' (${from})`);
  const meter = new RateMeter(model, options);
  const measured = {
    duration: options.duration ?? DEFAULTS.duration,
    transient: options.transient ?? DEFAULTS.transient,
    dt: options.dt ?? DEFAULTS.dt,
  };
  const points: FiPoint[] = [];
  for (let i = 0; i < steps; i++) {
    const I = from + ((to - from) * i) / (steps - 1);
    const m = meter.measure(I);
    points.push({
      I,
      rate: m.rate,
      spikeCount: m.count,
      v0: m.v0,
      u0: m.u0,
      startedAtRest: m.atRest,
    });
  }
  const rheobase = rheobaseWith(meter, from, to, options.tolerance);
  if (rheobase === undefined) {
    const firesAtStart = (points[0] as FiPoint).spikeCount > 0;
    return {
      points,
      ...measured,
      rheobase: undefined,
      onsetRate: undefined,
      excitabilityClass: undefined,
      summary: firesAtStart
        ? `fires already at I = ${from}: lower 'from' to find the rheobase`
        : `does not fire from rest up to I = ${to}: raise 'to' to find the rheobase`,
    };
  }
  const onsetRate = meter.measure(rheobase + (options.onsetStep ?? 0.01)).rate;
  const limit = options.class1MaxOnsetRate ?? 10;
  const excitabilityClass: ExcitabilityClass = onsetRate < limit ? 'class 1' : 'class 2';
  const shown = (x: number): string => String(Number(x.toPrecision(4)));
  return {
    points,
    ...measured,
    rheobase,
    onsetRate,
    excitabilityClass,
    summary:
      `rheobase ${shown(rheobase)}; just above it the neuron ` +
      (onsetRate === 0
        ? `fires too slowly to measure in ${measured.duration} ms, `
        : `fires at ${shown(onsetRate)} Hz, `) +
      (excitabilityClass === 'class 1'
        ? `below ${limit} Hz: Class 1 (the rate rises from zero)`
        : `at least ${limit} Hz: Class 2 (the rate jumps to a non-zero value)`),
  };
}
