/**
 * Computes a parameter map on Node worker threads (Node only): one runner per thread for
 * `scheduleParameterMap`, with progress and cancellation.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ParameterError } from '../errors.js';
import type { MapWorkerResult, MapWorkerTask } from './map-worker.js';
import {
  computeParameterMap,
  resolveMapSpec,
  scheduleParameterMap,
  type MapProgressOptions,
  type MapRowRunner,
  type ParameterMap,
  type ParameterMapSpec,
  type ResolvedMapSpec,
} from './parameter-map.js';

export interface ParallelMapOptions extends MapProgressOptions {
  /** Worker threads; the number of cores by default. 1 runs on this thread. */
  readonly workers?: number;
}

function workerScript(): URL {
  // From the compiled library the worker is the .js file beside this one; from the TypeScript
  // sources (tests, tsx scripts) a small .mjs entry registers tsx in the thread first.
  return import.meta.url.endsWith('.ts')
    ? new URL('./map-worker-source.mjs', import.meta.url)
    : new URL('./map-worker.js', import.meta.url);
}

/** A runner that sends blocks of rows to one worker thread, one block at a time. */
function threadRunner(worker: Worker): MapRowRunner {
  return (spec, rowStart, rowEnd) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const onMessage = (result: MapWorkerResult) => {
        cleanup();
        resolve(result.codes);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`a map worker stopped with exit code ${code}`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const task: MapWorkerTask = { spec, rowStart, rowEnd };
      worker.postMessage(task);
    });
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
  const count = Math.min(requested, resolved.y.steps);
  if (count === 1) return computeParameterMap(resolved, options);
  const workers = Array.from({ length: count }, () =>
    // An idle worker's error must not crash the process; a busy one's rejects its block.
    new Worker(workerScript()).on('error', () => undefined),
  );
  try {
    return await scheduleParameterMap(resolved, workers.map(threadRunner), options);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
