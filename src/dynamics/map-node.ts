/**
 * Computes a parameter map on Node worker threads (Node only): the rows go out in small blocks to
 * whichever worker is free, with progress and cancellation.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CancelledError, ParameterError } from '../errors.js';
import type { MapWorkerResult, MapWorkerTask } from './map-worker.js';
import {
  computeParameterMap,
  parameterMapOf,
  resolveMapSpec,
  type MapProgressOptions,
  type ParameterMap,
  type ParameterMapSpec,
  type ResolvedMapSpec,
} from './parameter-map.js';

export interface ParallelMapOptions extends MapProgressOptions {
  /** Worker threads; the number of cores by default. 1 runs on this thread. */
  readonly workers?: number;
}

/** Rows per block: small enough to balance the load, large enough to keep messages few. */
function blockRows(rows: number, workers: number): number {
  return Math.max(1, Math.min(8, Math.floor(rows / (workers * 4))));
}

function workerScript(): URL {
  // From the compiled library the worker is the .js file beside this one; from the TypeScript
  // sources (tests, tsx scripts) a small .mjs entry registers tsx in the thread first.
  return import.meta.url.endsWith('.ts')
    ? new URL('./map-worker-source.mjs', import.meta.url)
    : new URL('./map-worker.js', import.meta.url);
}

/**
 * The parameter map of `spec`, its rows computed by `workers` worker threads.
 *
 * @throws ParameterError for a bad spec or worker count
 * @throws CancelledError when `signal` aborts (the workers are stopped)
 */
export async function computeParameterMapParallel(
  spec: ParameterMapSpec | ResolvedMapSpec,
  options: ParallelMapOptions = {},
): Promise<ParameterMap> {
  const resolved = resolveMapSpec(spec);
  const requested = options.workers ?? availableParallelism();
  if (!Number.isInteger(requested) || requested < 1 || requested > 256) {
    throw new ParameterError(
      'workers',
      `workers must be a whole number from 1 to 256, got ${requested}`,
    );
  }
  const rows = resolved.y.steps;
  const count = Math.min(requested, rows);
  if (count === 1) return computeParameterMap(resolved, options);
  if (options.signal?.aborted) throw new CancelledError('the map was cancelled');

  const nx = resolved.x.steps;
  const codes = new Uint8Array(nx * rows);
  const block = blockRows(rows, count);
  const script = workerScript();
  const workers: Worker[] = [];
  try {
    return await new Promise<ParameterMap>((resolve, reject) => {
      let nextRow = 0;
      let rowsDone = 0;
      let settled = false;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve(parameterMapOf(resolved, codes));
        else reject(error);
      };
      const onAbort = () => finish(new CancelledError('the map was cancelled'));
      options.signal?.addEventListener('abort', onAbort);
      const send = (worker: Worker) => {
        if (nextRow >= rows) return;
        const task: MapWorkerTask = {
          spec: resolved,
          rowStart: nextRow,
          rowEnd: Math.min(rows, nextRow + block),
        };
        nextRow = task.rowEnd;
        worker.postMessage(task);
      };
      for (let i = 0; i < count; i++) {
        const worker = new Worker(script);
        workers.push(worker);
        worker.on('message', (result: MapWorkerResult) => {
          codes.set(result.codes, result.rowStart * nx);
          rowsDone += result.codes.length / nx;
          options.onProgress?.(rowsDone / rows);
          if (rowsDone === rows) finish();
          else send(worker);
        });
        worker.on('error', (error) => finish(error));
        worker.on('exit', (code) => {
          if (code !== 0) finish(new Error(`a map worker stopped with exit code ${code}`));
        });
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
