/** The worker thread of the parallel maps: computes the rows it is sent, one block at a time. */
import { parentPort } from 'node:worker_threads';
import { computeMapRows, type ResolvedMapSpec } from './parameter-map.js';
import { computeBookMapRows, type ResolvedBookMapSpec } from './parameter-map-2007.js';

/** A block of rows to compute, of a map of the 2003 form or (`model: '2007'`) of the 2007 form. */
export type MapWorkerTask =
  | {
      readonly model?: undefined;
      readonly spec: ResolvedMapSpec;
      readonly rowStart: number;
      readonly rowEnd: number;
    }
  | {
      readonly model: '2007';
      readonly spec: ResolvedBookMapSpec;
      readonly rowStart: number;
      readonly rowEnd: number;
    };

/** The codes of a block, row by row. */
export interface MapWorkerResult {
  readonly rowStart: number;
  readonly codes: Uint8Array;
}

parentPort?.on('message', (task: MapWorkerTask) => {
  const codes =
    task.model === '2007'
      ? computeBookMapRows(task.spec, task.rowStart, task.rowEnd)
      : computeMapRows(task.spec, task.rowStart, task.rowEnd);
  const result: MapWorkerResult = { rowStart: task.rowStart, codes };
  parentPort?.postMessage(result, [codes.buffer as ArrayBuffer]);
});
