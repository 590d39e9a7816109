/**
 * The number of steps of a run, checked: a module of its own so that the network's options load
 * without the single-neuron simulator and its expression compiler.
 */
import { ParameterError } from '../errors.js';
import { requireFinite } from './izhikevich.js';

/** Most steps a run may take, so that a typo in dt cannot start a run of hours. */
export const MAX_STEPS = 2e9;

/** Checks dt and the duration and returns K = round(duration / dt), the last step index. */
export function stepCount(dt: number, duration: number): number {
  requireFinite('dt', dt);
  requireFinite('duration', duration);
  if (duration <= 0)
    throw new ParameterError('duration', `duration must be positive, got ${duration} ms`);
  if (dt <= 0) throw new ParameterError('dt', `dt must be positive, got ${dt} ms`);
  if (dt > duration) {
    throw new ParameterError('dt', `dt (${dt} ms) must not exceed the duration (${duration} ms)`);
  }
  const lastStep = Math.round(duration / dt);
  if (lastStep > MAX_STEPS) {
    throw new ParameterError(
      'dt',
      `duration/dt = ${lastStep.toExponential(2)} steps is more than the ${MAX_STEPS.toExponential(0)} allowed: use a larger dt or a shorter duration`,
    );
  }
  return lastStep;
}
