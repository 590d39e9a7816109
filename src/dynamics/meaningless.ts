/**
 * Finds a numerically meaningless run: one that spikes at (nearly) every time step, so that its
 * rate is set by dt and not by the model. The classifier, the f–I curve and the parameter maps
 * refuse to name a pattern or a class for such a run.
 */
import { significant } from '../render/labels.js';
import type { StepWindow } from './classify.js';

/**
 * Median ISI, in time steps, at or below which a run is numerically meaningless: the neuron
 * spikes at (nearly) every step, v sits at vpeak and the rate is about 1/dt, set by the grid and
 * not by the model. No firing pattern or excitability class is given for such a run.
 */
export const MEANINGLESS_MAX_STEPS_PER_SPIKE = 2;

/**
 * The median interval between the spikes `spikes[from … to)`, in steps of `dt` (the upper one of
 * the two middle intervals when their number is even); NaN for fewer than three spikes.
 */
export function medianStepsPerSpike(
  spikes: ArrayLike<number>,
  from: number,
  to: number,
  dt: number,
): number {
  const count = to - from;
  if (count < 3) return Number.NaN;
  const isis = new Float64Array(count - 1);
  for (let i = 0; i < count - 1; i++) {
    isis[i] = (spikes[from + i + 1] as number) - (spikes[from + i] as number);
  }
  isis.sort();
  return (isis[(count - 1) >> 1] as number) / dt;
}

/**
 * True when the spikes `spikes[from … to)` are at least three and their median interval is at
 * most `MEANINGLESS_MAX_STEPS_PER_SPIKE` steps of `dt` (rounding allowed). Allocates nothing, so
 * that a parameter map can ask it of every cell.
 */
export function isMeaninglessTrain(
  spikes: ArrayLike<number>,
  from: number,
  to: number,
  dt: number,
): boolean {
  const intervals = to - from - 1;
  if (intervals < 2 || !(dt > 0)) return false;
  const limit = MEANINGLESS_MAX_STEPS_PER_SPIKE * dt * (1 + 1e-9);
  let short = 0;
  for (let i = from + 1; i < to; i++) {
    if ((spikes[i] as number) - (spikes[i - 1] as number) <= limit) short++;
  }
  // The median (the sorted interval at index ⌊n/2⌋, as in medianStepsPerSpike) is short when
  // ⌊n/2⌋ + 1 intervals are: more than half of them.
  return short >= (intervals >> 1) + 1;
}

/** Why a run is numerically meaningless, with the figures that show it. */
export interface MeaninglessRun {
  /** Spikes in the window. */
  readonly spikeCount: number;
  /** Median interval between spikes in the window, in time steps. */
  readonly medianStepsPerSpike: number;
  /** Mean rate in the window (Hz), close to 1000/dt. */
  readonly rate: number;
  /** One sentence for people. */
  readonly message: string;
}

/**
 * Detects a run that spikes at (nearly) every time step within `window`: at least three spikes
 * and a median ISI of at most `MEANINGLESS_MAX_STEPS_PER_SPIKE` steps of `dt`. Such a run says
 * nothing about the neuron (try a smaller dt, or parameters in the model's range).
 */
export function detectMeaninglessRun(
  spikes: ArrayLike<number>,
  window: StepWindow,
  dt: number,
): MeaninglessRun | undefined {
  if (!(dt > 0)) return undefined;
  let from = 0;
  while (from < spikes.length && (spikes[from] as number) < window.onset) from++;
  let to = from;
  while (to < spikes.length && (spikes[to] as number) <= window.end) to++;
  const count = to - from;
  if (!isMeaninglessTrain(spikes, from, to, dt)) return undefined;
  const median = medianStepsPerSpike(spikes, from, to, dt);
  const rate = (1000 * count) / Math.max(window.end - window.onset, dt);
  const every =
    median <= 1 + 1e-9 ? 'every time step' : `every ${significant(median, 3)} time steps`;
  return {
    spikeCount: count,
    medianStepsPerSpike: median,
    rate,
    message:
      `numerically meaningless: the neuron spikes at ${every} (${significant(rate, 4)} Hz, v pinned at vpeak), ` +
      `a rate set by dt = ${dt} ms and not by the model; no pattern or class is given (try a smaller dt or other parameters)`,
  };
}
