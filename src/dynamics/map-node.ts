/**
 * Computes a parameter map of either form on Node worker threads (Node only): one runner per
 * thread for `scheduleParameterMap` (or `scheduleBookParameterMap`), with progress and cancellation.
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
import {
  computeBookParameterMap,
  resolveBookMapSpec,
  scheduleBookParameterMap,
  type BookMapSpec,
  type BookParameterMap,
  type ResolvedBookMapSpec,
} from './parameter-map-2007.js';

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

/** Sends one block of rows to a worker thread; resolves with its codes. */
function runOnThread(worker: Worker, task: MapWorkerTask): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
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
    worker.postMessage(task);
  });
}

/** The number of threads a map of `rows` rows gets when `requested` are asked for. */
function threadCount(requested: number, rows: number): number {
  if (!Number.isInteger(requested) || requested < 1 || requested > 256) {
    throw new ParameterError(
      'workers',
      `workers must be a whole number from 1 to 256, got ${requested}`,
    );
  }
  return Math.min(requested, rows);
}

/** Runs `schedule` over `count` fresh worker threads and stops them when it settles. */
async function withThreads<T>(
  count: number,
  schedule: (workers: Worker[]) => Promise<T>,
): Promise<T> {
  const workers = Array.from({ length: count }, () =>
    // An idle worker's error must not crash the process; a busy one's rejects its block.
    new Worker(workerScript()).on('error', () => undefined),
  );
  try {
    return await schedule(workers);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
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
  const count = threadCount(options.workers ?? availableParallelism(), resolved.y.steps);
  if (count === 1) return computeParameterMap(resolved, options);
  return withThreads(count, (workers) =>
    scheduleParameterMap(
      resolved,
      workers.map(
        (worker): MapRowRunner =>
          (rows, rowStart, rowEnd) =>
            runOnThread(worker, { spec: rows, rowStart, rowEnd }),
      ),
      options,
    ),
  );
}

/**
 * The parameter map of the 2007 form, its rows computed by `workers` worker threads with
 * `computeBookMapRows`: the same cells as `computeBookParameterMap` on one thread.
 *
 * @throws ParameterError for a bad spec or worker count
 * @throws CancelledError when `signal` aborts (the workers are stopped)
 */
export async function computeBookParameterMapParallel(
  spec: BookMapSpec | ResolvedBookMapSpec,
  options: ParallelMapOptions = {},
): Promise<BookParameterMap> {
  const resolved = resolveBookMapSpec(spec);
  const count = threadCount(options.workers ?? availableParallelism(), resolved.y.steps);
  if (count === 1) return computeBookParameterMap(resolved, options);
  return withThreads(count, (workers) =>
    scheduleBookParameterMap(
      resolved,
      workers.map(
        (worker) => (rows: ResolvedBookMapSpec, rowStart: number, rowEnd: number) =>
          runOnThread(worker, { model: '2007', spec: rows, rowStart, rowEnd }),
      ),
      options,
    ),
  );
}
