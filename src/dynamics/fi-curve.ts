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
 * **Meaningless runs.** A run that spikes at (nearly) every time step (median ISI of at most
 * `MEANINGLESS_MAX_STEPS_PER_SPIKE` steps: v pinned at vpeak, rate about 1/dt) measures the grid,
 * not the neuron. Such points are marked `meaningless`, and when the run just above the rheobase
 * is one of them no class is given.
 *
 * **Bounds.** The bisection stops at the float spacing of the inputs: a tolerance finer than
 * that is refused, so the search always ends (at most about 60 halvings).
 *
 * @module
 */
import { significant } from '../render/labels.js';
import {
  requireFinite,
  requireWholeNumber,
  resolveParameters,
  type ModelParameters,
  type NeuronParameters,
} from '../model/izhikevich.js';
import { requireVpeakAboveReset } from '../model/simulate.js';
import { restingState } from './fixed-points.js';
import {
  FIRING_RATE_DEFAULTS,
  RateMeter,
  startFromRest,
  type ConstantInputModel,
  type FiringRateOptions,
  type Measurement,
} from './rate-meter.js';
import { bisectRheobase, checkRange, MAX_BISECTION_STEPS } from './rheobase.js';
import { runConstantInput } from './step-run.js';

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
  /** True when the run spikes at (nearly) every step: its rate is set by dt, not by the model. */
  readonly meaningless: boolean;
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
  /** The lowest input of the points whose run is numerically meaningless, if any. */
  readonly meaninglessFrom: number | undefined;
  /** One sentence saying what was found and why, for people. */
  readonly summary: string;
}

/** Where a run at input I starts: rest at I, else rest at 0, else the reset on the u-nullcline. */
export function fiStartingState(
  neuron: NeuronParameters,
  I: number,
): { v: number; u: number; atRest: boolean } {
  return startFromRest(
    (input) => restingState(neuron, input),
    I,
    () => {
      const { b, c, vb, kappa, k2, k1, k0 } = resolveParameters(neuron);
      return { v: c, u: kappa === 0 ? k2 * c * c + k1 * c + k0 : (b * (c - vb)) / kappa };
    },
  );
}

/** The 2003 form as a `ConstantInputModel`, with the reference scheme. */
function paperModel(neuron: NeuronParameters): ConstantInputModel {
  const params: ModelParameters = resolveParameters(neuron);
  requireVpeakAboveReset(params);
  return {
    start: (I) => fiStartingState(neuron, I),
    run: (v0, u0, I, dt, lastStep, spikes) =>
      runConstantInput(params, v0, u0, I, dt, lastStep, spikes),
  };
}

/** The steady firing rate (Hz) at constant input I, starting from rest; see the module docs. */
export function steadyFiringRate(
  neuron: NeuronParameters,
  I: number,
  options: FiringRateOptions = {},
): FiPoint {
  return pointOf(I, new RateMeter(paperModel(neuron), options).measure(I));
}

function pointOf(I: number, m: Measurement): FiPoint {
  return {
    I,
    rate: m.rate,
    spikeCount: m.count,
    v0: m.v0,
    u0: m.u0,
    startedAtRest: m.atRest,
    meaningless: m.meaningless,
  };
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
  return bisectRheobase(
    new RateMeter(paperModel(neuron), options),
    range.from,
    range.to,
    range.tolerance,
  );
}

/** Runs `fiCurve` takes at most: the points, the two ends of the search, its halvings and the onset. */
export function fiCurveRunCount(options: Pick<FiCurveOptions, 'steps'>): number {
  return options.steps + 2 + MAX_BISECTION_STEPS + 1;
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
  requireWholeNumber('steps', steps, 2, 100000);
  checkRange(from, to);
  const meter = new RateMeter(model, options);
  const measured = {
    duration: options.duration ?? FIRING_RATE_DEFAULTS.duration,
    transient: options.transient ?? FIRING_RATE_DEFAULTS.transient,
    dt: options.dt ?? FIRING_RATE_DEFAULTS.dt,
  };
  const points: FiPoint[] = [];
  for (let i = 0; i < steps; i++) {
    const I = from + ((to - from) * i) / (steps - 1);
    points.push(pointOf(I, meter.measure(I)));
  }
  const meaninglessFrom = points.find((p) => p.meaningless)?.I;
  const meaninglessNote =
    meaninglessFrom === undefined
      ? ''
      : `; from I = ${String(significant(meaninglessFrom, 4))} on the neuron spikes at (nearly) every step, rates numerically meaningless (set by dt = ${measured.dt} ms)`;
  const rheobase = bisectRheobase(meter, from, to, options.tolerance);
  if (rheobase === undefined) {
    const firesAtStart = (points[0] as FiPoint).spikeCount > 0;
    return {
      points,
      ...measured,
      rheobase: undefined,
      onsetRate: undefined,
      excitabilityClass: undefined,
      meaninglessFrom,
      summary:
        (firesAtStart
          ? `fires already at I = ${from}: lower 'from' to find the rheobase`
          : `does not fire from rest up to I = ${to}: raise 'to' to find the rheobase`) +
        meaninglessNote,
    };
  }
  const onset = meter.measure(rheobase + (options.onsetStep ?? 0.01));
  const onsetRate = onset.rate;
  const shown = (x: number): string => String(significant(x, 4));
  if (onset.meaningless) {
    return {
      points,
      ...measured,
      rheobase,
      onsetRate: undefined,
      excitabilityClass: undefined,
      meaninglessFrom: meaninglessFrom ?? rheobase,
      summary:
        `rheobase ${shown(rheobase)}; just above it the neuron spikes at (nearly) every step: ` +
        `numerically meaningless (rate set by dt = ${measured.dt} ms), so no excitability class is given`,
    };
  }
  const limit = options.class1MaxOnsetRate ?? 10;
  const excitabilityClass: ExcitabilityClass = onsetRate < limit ? 'class 1' : 'class 2';
  return {
    points,
    ...measured,
    rheobase,
    onsetRate,
    excitabilityClass,
    meaninglessFrom,
    summary:
      `rheobase ${shown(rheobase)}; just above it the neuron ` +
      (onsetRate === 0
        ? `fires too slowly to measure in ${measured.duration} ms, `
        : `fires at ${shown(onsetRate)} Hz, `) +
      (excitabilityClass === 'class 1'
        ? `below ${limit} Hz: Class 1 (the rate rises from zero)`
        : `at least ${limit} Hz: Class 2 (the rate jumps to a non-zero value)`) +
      meaninglessNote,
  };
}
