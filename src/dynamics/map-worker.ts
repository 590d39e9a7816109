/** The worker thread of `computeParameterMapParallel`: computes the rows it is sent, one block at a time. */
import { parentPort } from 'node:worker_threads';
import { computeMapRows, type ResolvedMapSpec } from './parameter-map.js';

/** A block of rows to compute. */
export interface MapWorkerTask {
  readonly spec: ResolvedMapSpec;
  readonly rowStart: number;
  readonly rowEnd: number;
}

/** The codes of a block, row by row. */
export interface MapWorkerResult {
  readonly rowStart: number;
  readonly codes: Uint8Array;
}

parentPort?.on('message', (task: MapWorkerTask) => {
  const codes = computeMapRows(task.spec, task.rowStart, task.rowEnd);
  const result: MapWorkerResult = { rowStart: task.rowStart, codes };
  parentPort?.postMessage(result, [codes.buffer as ArrayBuffer]);
});
