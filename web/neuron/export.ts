/** Turns a single-neuron run into the CSV and JSON files the CLI writes for the same run. */
import type { SimulationResult } from 'izhikit';

/** `t,v,u,I`, one row per step (spike times only when there is no trace), as `izhikit run --format csv`. */
export function runToCsv(result: SimulationResult): string {
  const trace = result.trace;
  if (trace === undefined) return 'spike_t\n' + Array.from(result.spikes).join('\n') + '\n';
  const { t, v, u, I } = trace;
  const rows: string[] = ['t,v,u,I'];
  for (let k = 0; k < t.length; k++) rows.push(`${t[k]},${v[k]},${u[k]},${I[k]}`);
  return rows.join('\n') + '\n';
}

/** The JSON document of a run, with the same fields as `izhikit run --format json`. */
export function runToJsonText(result: SimulationResult, presetId: string | undefined): string {
  const document = {
    ...(presetId === undefined ? {} : { preset: presetId }),
    params: { ...result.params, v0: result.v0, u0: result.u0 },
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
  return JSON.stringify(document) + '\n';
}
