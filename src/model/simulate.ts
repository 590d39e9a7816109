/** Runs one neuron: validates the options, allocates the recording once and calls the integrator. */
import { MemoryLimitError, ParameterError, formatBytes } from '../errors.js';
import { compileExpression, type CompiledInput, type InputFunction } from '../input/compile.js';
import { GrowableFloat64Array } from '../record/growable.js';
import {
  INTEGRATORS,
  INTEGRATOR_NAMES,
  isIntegratorName,
  type IntegratorName,
  type TraceColumns,
} from './integrators.js';
import {
  requireFinite,
  requireWholeNumber,
  resolveParameters,
  type ModelParameters,
  type NeuronParameters,
} from './izhikevich.js';
import { stepCount } from './steps.js';

export { MAX_STEPS, stepCount } from './steps.js';

/** Default ceiling on the memory a recorded trace may take: 1 GB. */
export const DEFAULT_MAX_TRACE_BYTES = 1e9;
/** Bytes one recorded step takes: t, v, u and I as float64. */
export const TRACE_BYTES_PER_STEP = 32;

/** An input current: an expression of t, a constant, a compiled expression or a function. */
export type InputSpec = string | number | CompiledInput | InputFunction;

/** How a single-neuron run goes, for either form of the model: grid, input, integrator, recording. */
export interface RunControls {
  /** Time step (ms). */
  readonly dt: number;
  /** Duration T (ms). */
  readonly duration: number;
  /** I(t); 0 when not given. */
  readonly input?: InputSpec;
  /** Which integrator; `reference` (the published scheme) by default. */
  readonly integrator?: IntegratorName;
  /** Sub-steps per dt for `euler` and `rk4` (1 by default). */
  readonly substeps?: number;
  /** Record spike times only, no trace. */
  readonly spikesOnly?: boolean;
  /** Largest trace allowed, in bytes (1 GB by default). */
  readonly maxTraceBytes?: number;
}

/** A run of the 2003 form: steps k = 0 … round(T/dt) are taken. */
export interface SimulationOptions extends NeuronParameters, RunControls {
  /** Initial membrane potential (mV). */
  readonly v0: number;
  /** Initial recovery variable; b·v0 when not given. */
  readonly u0?: number;
}

export interface SimulationResult {
  readonly params: ModelParameters;
  readonly v0: number;
  readonly u0: number;
  readonly dt: number;
  readonly duration: number;
  readonly integrator: IntegratorName;
  readonly substeps: number;
  /** The input's source text, or a description when it was a function. */
  readonly input: string;
  /** Spike times (ms), ascending. */
  readonly spikes: Float64Array;
  /** One row per step t_k = k·dt; absent when `spikesOnly`. */
  readonly trace?: TraceColumns;
}

/** Turns any accepted input form into a function of t. */
export function resolveInput(input: InputSpec | undefined): {
  source: string;
  evaluate: InputFunction;
} {
  if (input === undefined) return { source: '0', evaluate: () => 0 };
  if (typeof input === 'string') return compileExpression(input);
  if (typeof input === 'number') {
    const value = requireFinite('input', input);
    return { source: String(value), evaluate: () => value };
  }
  if (typeof input === 'function') return { source: '(function)', evaluate: input };
  return input;
}

/**
 * Refuses a cut-off vpeak at or below the reset c: every step would then be a spike.
 *
 * @throws ParameterError naming vpeak
 */
export function requireVpeakAboveReset(params: ModelParameters): void {
  if (!(params.vpeak > params.c)) {
    throw new ParameterError(
      'vpeak',
      `vpeak (${params.vpeak} mV) must be above the reset c (${params.c} mV), or every step would be a spike`,
    );
  }
}

/** Allocates the trace columns of `steps` samples, or says how much memory they would need. */
export function allocateTrace(steps: number, maxBytes: number): TraceColumns {
  const bytes = steps * TRACE_BYTES_PER_STEP;
  if (bytes > maxBytes) {
    throw new MemoryLimitError(
      `the trace of ${steps} steps would need ${formatBytes(bytes)} (limit ${formatBytes(maxBytes)}): ` +
        'record spike times only, or use a larger dt or a shorter duration',
      bytes,
      maxBytes,
    );
  }
  return {
    t: new Float64Array(steps),
    v: new Float64Array(steps),
    u: new Float64Array(steps),
    I: new Float64Array(steps),
  };
}

/**
 * Checks the integrator's name and its sub-step count (euler and rk4 only).
 *
 * @throws ParameterError for an unknown integrator or a bad sub-step count
 */
export function integratorChoice(
  name: string | undefined,
  substepCount: number | undefined,
): { integrator: IntegratorName; substeps: number } {
  const integrator = name ?? 'reference';
  if (!isIntegratorName(integrator)) {
    throw new ParameterError(
      'integrator',
      `unknown integrator '${String(integrator)}'; known integrators: ${INTEGRATOR_NAMES.join(', ')}`,
    );
  }
  const substeps = requireWholeNumber('substeps', substepCount ?? 1, 1, 10000);
  if (integrator === 'reference' && substeps !== 1) {
    throw new ParameterError(
      'substeps',
      'substeps applies to the euler and rk4 integrators, not to reference',
    );
  }
  return { integrator, substeps };
}

/** What a run of either form needs besides its neuron: the integrator, the input and the recording. */
export interface RunSetup {
  readonly integrator: IntegratorName;
  readonly substeps: number;
  readonly input: { readonly source: string; readonly evaluate: InputFunction };
  readonly spikes: GrowableFloat64Array;
  readonly trace: TraceColumns | undefined;
}

/** Checks the run controls and allocates the recording of `samples` grid points once. */
export function setUpRun(options: RunControls, samples: number): RunSetup {
  const { integrator, substeps } = integratorChoice(options.integrator, options.substeps);
  const maxTraceBytes = options.maxTraceBytes ?? DEFAULT_MAX_TRACE_BYTES;
  const input = resolveInput(options.input);
  const trace = options.spikesOnly ? undefined : allocateTrace(samples, maxTraceBytes);
  return { integrator, substeps, input, spikes: new GrowableFloat64Array(64), trace };
}

/** The result of a finished run of either form, its neuron's parameters as given. */
export function runResult<Params>(
  run: RunSetup,
  grid: { params: Params; v0: number; u0: number; dt: number; duration: number },
): Omit<SimulationResult, 'params'> & { params: Params } {
  const { params, v0, u0, dt, duration } = grid;
  return {
    params,
    v0,
    u0,
    dt,
    duration,
    integrator: run.integrator,
    substeps: run.substeps,
    input: run.input.source,
    spikes: run.spikes.toArray(),
    ...(run.trace === undefined ? {} : { trace: run.trace }),
  };
}

/**
 * Simulates one Izhikevich neuron. With the default `reference` integrator this is the scheme of
 * the papers' figure code, which reproduces their spike times exactly.
 *
 * @throws ParameterError for a missing, non-finite or out-of-range option
 * @throws ExpressionError for an input expression that does not parse
 * @throws MemoryLimitError when the trace would exceed `maxTraceBytes`
 * @throws DivergenceError when v or u stop being finite (dt too large)
 */
export function simulate(options: SimulationOptions): SimulationResult {
  const params = resolveParameters(options);
  requireVpeakAboveReset(params);
  const v0 = requireFinite('v0', options.v0);
  const u0 = options.u0 === undefined ? params.b * v0 : requireFinite('u0', options.u0);
  const { dt, duration } = options;
  const lastStep = stepCount(dt, duration);
  const run = setUpRun(options, lastStep + 1);
  INTEGRATORS[run.integrator].run({
    params,
    v0,
    u0,
    dt,
    lastStep,
    substeps: run.substeps,
    input: run.input.evaluate,
    spikes: run.spikes,
    trace: run.trace,
  });
  return runResult(run, { params, v0, u0, dt, duration });
}
