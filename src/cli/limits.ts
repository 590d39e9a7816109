/**
 * The CLI's bounds on time: every command estimates the model steps it will take before it
 * starts and refuses, naming the limit and a way out, what exceeds them. Memory is bounded by the
 * library's own checks (`--max-memory`), worker threads by the machine's processors.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { ParameterError } from '../errors.js';
import { parsePositiveNumber } from './options.js';

/** Model steps (one neuron advanced by one time step) a command may take by default. */
export const DEFAULT_MAX_STEPS = 1e9;

/** Model steps per second of one core, measured on a loaded machine: for the estimate shown. */
const STEPS_PER_SECOND = 7e7;

/** The flag of `--max-steps`. */
export interface LimitFlags {
  maxSteps?: number;
}

/** Adds `--max-steps <n>`: the bound on the work a command may start. */
export function addLimitOption(command: Command): Command {
  return command.option(
    '--max-steps <n>',
    `most model steps (neurons × time steps) to take (default ${DEFAULT_MAX_STEPS.toExponential(0)}, about ${Math.round(DEFAULT_MAX_STEPS / STEPS_PER_SECOND)} s)`,
    parsePositiveNumber,
  );
}

/**
 * Refuses work of `steps` model steps above the limit, saying how much, the limit, and what to
 * change (`advice`, for example "use a larger dt or a shorter duration").
 *
 * @throws ParameterError naming --max-steps
 */
export function checkWork(steps: number, flags: LimitFlags, advice: string): void {
  const limit = flags.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!(limit > 0)) {
    throw new ParameterError('max-steps', `--max-steps must be positive, got ${limit}`);
  }
  // A grid that is not valid (dt ≤ 0, NaN, an overflowing T/dt) is left for the library,
  // which names the option at fault.
  if (!Number.isFinite(steps) || steps < 0) return;
  if (!(steps <= limit)) {
    const shown = steps.toExponential(1);
    const seconds = ` (about ${formatDuration(steps / STEPS_PER_SECOND)})`;
    throw new ParameterError(
      'max-steps',
      `this would take ${shown} model steps${seconds}, more than the limit of ${limit.toExponential(1)}: ` +
        `${advice}, or raise the limit with --max-steps`,
    );
  }
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${Math.ceil(seconds)} s`;
  if (seconds < 7200) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3600)} h`;
}

/** Time steps of a run of `duration` ms at `dt`, as the simulation counts them (k = 0 … T/dt). */
export function timeSteps(duration: number, dt: number): number {
  return Math.round(duration / dt) + 1;
}

/**
 * Checks a worker count: a whole number from 1 to the processors of this machine, since more
 * threads only add memory (each one holds its own engine).
 *
 * @throws ParameterError naming --workers
 */
export function checkWorkers(workers: number): number {
  const most = availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > most) {
    throw new ParameterError(
      'workers',
      `--workers must be a whole number from 1 to ${most} (the processors of this machine), got ${workers}`,
    );
  }
  return workers;
}
