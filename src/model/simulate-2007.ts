/** Runs one neuron of the 2007 form: validates the options, allocates the recording once and integrates. */
import { BOOK_INTEGRATORS } from './integrators-2007.js';
import { requireFinite } from './izhikevich.js';
import {
  resolveBookParameters,
  type BookNeuronParameters,
  type BookParameters,
} from './izhikevich-2007.js';
import {
  runResult,
  setUpRun,
  stepCount,
  type RunControls,
  type SimulationResult,
} from './simulate.js';

/** A run of the 2007 form: the grid is t_i = i·dt, i = 0 … round(T/dt) − 1, as in the book's code. */
export interface BookSimulationOptions extends BookNeuronParameters, RunControls {
  /** Initial membrane potential (mV); vr when not given. */
  readonly v0?: number;
  /** Initial recovery current (pA); 0 when not given. */
  readonly u0?: number;
}

/** A run of the 2007 form: as a 2003 run's result, with the book's parameters (u and I in pA). */
export interface BookSimulationResult extends Omit<SimulationResult, 'params'> {
  /** Which form of the model ran. */
  readonly model: '2007';
  readonly params: BookParameters;
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
  const run = setUpRun(options, samples);
  BOOK_INTEGRATORS[run.integrator].run({
    params,
    v0,
    u0,
    dt,
    samples,
    substeps: run.substeps,
    input: run.input.evaluate,
    spikes: run.spikes,
    trace: run.trace,
  });
  return { model: '2007', ...runResult(run, { params, v0, u0, dt, duration }) };
}
