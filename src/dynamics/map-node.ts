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

/** How one form's map is computed: on this thread, or scheduled over row runners. */
interface MapForm<S, M> {
  readonly serial: (spec: S, options: MapProgressOptions) => Promise<M>;
  readonly schedule: (
    spec: S,
    runners: ((spec: S, rowStart: number, rowEnd: number) => Promise<Uint8Array>)[],
    options: MapProgressOptions,
  ) => Promise<M>;
  /** The message that asks a thread for a block of rows. */
  readonly task: (spec: S, rowStart: number, rowEnd: number) => MapWorkerTask;
}

/**
 * A resolved map of either form on `options.workers` threads (all cores by default): on this
 * thread when that is one, else over fresh worker threads, stopped when the map settles.
 */
async function onThreads<S extends { readonly y: { readonly steps: number } }, M>(
  resolved: S,
  options: ParallelMapOptions,
  form: MapForm<S, M>,
): Promise<M> {
  const requested = options.workers ?? availableParallelism();
  if (!Number.isInteger(requested) || requested < 1 || requested > 256) {
    throw new ParameterError(
      'workers',
      `workers must be a whole number from 1 to 256, got ${requested}`,
    );
  }
  const count = Math.min(requested, resolved.y.steps);
  if (count === 1) return form.serial(resolved, options);
  const workers = Array.from({ length: count }, () =>
    // An idle worker's error must not crash the process; a busy one's rejects its block.
    new Worker(workerScript()).on('error', () => undefined),
  );
  try {
    const runners = workers.map(
      (worker) => (spec: S, rowStart: number, rowEnd: number) =>
        runOnThread(worker, form.task(spec, rowStart, rowEnd)),
    );
    return await form.schedule(resolved, runners, options);
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
  return onThreads(resolveMapSpec(spec), options, {
    serial: computeParameterMap,
    schedule: scheduleParameterMap,
    task: (rows: ResolvedMapSpec, rowStart, rowEnd) => ({ spec: rows, rowStart, rowEnd }),
  });
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
  return onThreads(resolveBookMapSpec(spec), options, {
    serial: computeBookParameterMap,
    schedule: scheduleBookParameterMap,
    task: (rows: ResolvedBookMapSpec, rowStart, rowEnd) => ({
      model: '2007',
      spec: rows,
      rowStart,
      rowEnd,
    }),
  });
}
