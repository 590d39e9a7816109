/** Runs one neuron of the 2007 form: validates the options, allocates the recording once and integrates. */
import { GrowableFloat64Array } from '../record/growable.js';
import type { IntegratorName, TraceColumns } from './integrators.js';
import { BOOK_INTEGRATORS } from './integrators-2007.js';
import { requireFinite } from './izhikevich.js';
import {
  resolveBookParameters,
  type BookNeuronParameters,
  type BookParameters,
} from './izhikevich-2007.js';
import {
  allocateTrace,
  DEFAULT_MAX_TRACE_BYTES,
  integratorChoice,
  resolveInput,
  stepCount,
  type InputSpec,
} from './simulate.js';

export interface BookSimulationOptions extends BookNeuronParameters {
  /** Initial membrane potential (mV); vr when not given. */
  readonly v0?: number;
  /** Initial recovery current (pA); 0 when not given. */
  readonly u0?: number;
  /** Time step (ms). */
  readonly dt: number;
  /** Duration T (ms); the grid is t_i = i·dt, i = 0 … round(T/dt) − 1, as in the book's code. */
  readonly duration: number;
  /** I(t) in pA; 0 when not given. */
  readonly input?: InputSpec;
  /** Which integrator; `reference` (the book's scheme) by default. */
  readonly integrator?: IntegratorName;
  /** Sub-steps per dt for `euler` and `rk4` (1 by default). */
  readonly substeps?: number;
  /** Record spike times only, no trace. */
  readonly spikesOnly?: boolean;
  /** Largest trace allowed, in bytes (1 GB by default). */
  readonly maxTraceBytes?: number;
}

export interface BookSimulationResult {
  /** Which form of the model ran. */
  readonly model: '2007';
  readonly params: BookParameters;
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
  /** One row per grid time t_i = i·dt (v in mV, u and I in pA); absent when `spikesOnly`. */
  readonly trace?: TraceColumns;
}

/**
 * Simulates one neuron of the 2007 form. With the default `reference` integrator this is the
 * scheme of the book's MATLAB code: the book's RS neuron with 70 pA from t = 100 ms fires at 203,
 * 350, 499, 649, 796 and 943 ms.
 *
 * @throws ParameterError for a missing, non-finite or out-of-range option (C ≤ 0, vpeak ≤ c, …)
 * @throws ExpressionError for an input expression that does not parse
 * @throws MemoryLimitError when the trace would exceed `maxTraceBytes`
 * @throws DivergenceError when v or u stop being finite (dt too large)
 */
export function simulate2007(options: BookSimulationOptions): BookSimulationResult {
  const params = resolveBookParameters(options);
  const v0 = options.v0 === undefined ? params.vr : requireFinite('v0', options.v0);
  const u0 = options.u0 === undefined ? 0 : requireFinite('u0', options.u0);
  const { dt, duration } = options;
  const samples = stepCount(dt, duration);
  const { integrator, substeps } = integratorChoice(options.integrator, options.substeps);
  const input = resolveInput(options.input);
  const trace = options.spikesOnly
    ? undefined
    : allocateTrace(samples, options.maxTraceBytes ?? DEFAULT_MAX_TRACE_BYTES);
  const spikes = new GrowableFloat64Array(64);
  BOOK_INTEGRATORS[integrator].run({
    params,
    v0,
    u0,
    dt,
    samples,
    substeps,
    input: input.evaluate,
    spikes,
    trace,
  });
  return {
    model: '2007',
    params,
    v0,
    u0,
    dt,
    duration,
    integrator,
    substeps,
    input: input.source,
    spikes: spikes.toArray(),
    ...(trace === undefined ? {} : { trace }),
  };
}
