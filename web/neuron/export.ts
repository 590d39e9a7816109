/** Turns a single-neuron run into the CSV and JSON files the CLI writes for the same run. */
import { runToCsv as runCsvChunks, runToJson } from 'izhikit';
import type { NeuronRun } from './state.js';

/** `t,v,u,I`, one row per step (spike times only when there is no trace), as `izhikit run --format csv`. */
export function runToCsv(result: NeuronRun): string {
  return Array.from(runCsvChunks(result)).join('');
}

/** The JSON document of a run, with the same fields as `izhikit run --format json`. */
export function runToJsonText(result: NeuronRun, presetId: string | undefined): string {
  return JSON.stringify(runToJson(result, presetId)) + '\n';
}
