/** The JSON document and CSV rows of a single-neuron run, shared by the CLI and the explorer. */
import { bookParameterRecord } from '../model/izhikevich-2007.js';
import type { SimulationResult } from '../model/simulate.js';
import type { BookSimulationResult } from '../model/simulate-2007.js';
import { csvChunks } from './csv.js';

/**
 * The JSON document of a run: params (with v0, u0), integrator, input, grid, spikes and trace;
 * a run of the 2007 form also says `model: "2007"` and lists its cell-type terms only when set.
 */
export function runToJson(
  result: SimulationResult | BookSimulationResult,
  presetId?: string,
): object {
  const params = 'model' in result ? bookParameterRecord(result.params) : result.params;
  return {
    ...(presetId === undefined ? {} : { preset: presetId }),
    ...('model' in result ? { model: result.model } : {}),
    params: { ...params, v0: result.v0, u0: result.u0 },
    integrator: result.integrator,
    input: result.input,
    dt: result.dt,
    duration: result.duration,
    spikes: Array.from(result.spikes),
    ...(result.trace === undefined
      ? {}
      : {
          trace: {
            t: Array.from(result.trace.t),
            v: Array.from(result.trace.v),
            u: Array.from(result.trace.u),
            I: Array.from(result.trace.I),
          },
        }),
  };
}

/** `t,v,u,I`, one row per step, or `spike_t`, one spike per row, when the run kept no trace. */
export function runToCsv(result: SimulationResult | BookSimulationResult): Generator<string> {
  const trace = result.trace;
  if (trace === undefined) {
    const spikes = result.spikes;
    return csvChunks('spike_t', spikes.length, (i) => String(spikes[i]));
  }
  const { t, v, u, I } = trace;
  return csvChunks('t,v,u,I', t.length, (k) => `${t[k]},${v[k]},${u[k]},${I[k]}`);
}
