/**
 * A network run's threads in a browser: Web Workers on shared memory, serving the same steps as
 * Node's worker threads, for the paper's dense network (`parallel.ts`) and for a sparse one
 * (`../sparse/parallel.ts`). A page starts them from a worker of its own (the thread that takes
 * part 0 waits at the barrier with `Atomics.wait`, which a page's main thread may not do), and
 * only when it is cross-origin isolated: elsewhere there is no SharedArrayBuffer and a run takes
 * its steps on one thread, with the same spikes.
 */
import { COMMAND_EXIT, CONTROL, serveSteps } from './parallel.js';
import { threadPart, type ThreadInit, type ThreadPool } from './threads.js';
import { runSparseThread, type SparseThreadStart } from '../sparse/parallel-build.js';

/** What each kind of network gives a thread to take its part. */
export interface ThreadInits {
  /** The paper's network, all to all (`NetworkSimulation`). */
  readonly dense: ThreadInit;
  /** A sparse network (`SparseNetworkSimulation`), perhaps with its part of the draws. */
  readonly sparse: SparseThreadStart;
}

/** The kinds of network a thread serves. */
export type NetworkKind = keyof ThreadInits;

/**
 * Starts the threads of a run beside the one that calls `advance` (which takes part 0): one per
 * init, resolving once each is ready to serve steps. `close` on the pool tells them to exit.
 */
export type ThreadStarter = <Kind extends NetworkKind>(
  network: Kind,
  inits: readonly ThreadInits[Kind][],
  control: Int32Array,
) => Promise<ThreadPool>;

/** What a thread of a run is sent first: the kind of network and its part of it. */
export interface ThreadJob<Kind extends NetworkKind = NetworkKind> {
  readonly network: Kind;
  readonly init: ThreadInits[Kind];
}

/** What the starter needs of a Web Worker (a structural type, so that Node can type-check it). */
export interface WebWorkerLike {
  postMessage(message: unknown): void;
  addEventListener(
    type: 'message' | 'error',
    listener: (event: { message?: string }) => void,
  ): void;
  terminate(): void;
}

/** What a thread's own worker scope needs: its messages in, `ready` out, and closing. */
export interface WorkerScopeLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
  close(): void;
}

/** Whether this engine shares memory between threads (a browser page: only cross-origin isolated). */
export function sharedMemoryAvailable(): boolean {
  return typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object';
}

/**
 * webWorkerThreads(create): a thread starter on Web Workers; `create` makes one worker running
 * `serveNetworkThread(self)`. Pass it to `NetworkSimulation` or `SparseNetworkSimulation` from
 * a worker.
 *
 * ```ts
 * const threads = webWorkerThreads(
 *   () => new Worker(new URL('./thread.js', import.meta.url), { type: 'module' }),
 * );
 * const run = new SparseNetworkSimulation({ synapses: 100, threads: 4 }, threads);
 * ```
 */
export function webWorkerThreads(create: () => WebWorkerLike): ThreadStarter {
  return async (network, inits, control) => {
    const workers = inits.map(() => create());
    try {
      await Promise.all(
        workers.map(
          (worker, index) =>
            new Promise<void>((resolve, reject) => {
              worker.addEventListener('message', () => resolve());
              worker.addEventListener('error', (event) =>
                reject(
                  new Error(`a thread did not start: ${event.message ?? 'its script failed'}`),
                ),
              );
              worker.postMessage({ network, init: inits[index] });
            }),
        ),
      );
    } catch (error) {
      for (const worker of workers) worker.terminate();
      throw error;
    }
    return {
      close: () => {
        Atomics.store(control, CONTROL.kind, COMMAND_EXIT);
        Atomics.add(control, CONTROL.command, 1);
        Atomics.notify(control, CONTROL.command);
        // between runs a thread only waits for a command: ending it loses nothing
        for (const worker of workers) worker.terminate();
      },
    };
  };
}

/**
 * serveNetworkThread(scope): the body of a thread's Web Worker. Takes its part of a run, dense or
 * sparse, from the first message, answers `ready`, then serves steps until the run ends, and
 * closes.
 */
export function serveNetworkThread(scope: WorkerScopeLike): void {
  let started = false;
  scope.addEventListener('message', (event) => {
    if (started) return;
    started = true;
    const job = event.data as ThreadJob;
    if (job.network === 'dense') {
      const part = threadPart(job.init as ThreadInit);
      scope.postMessage('ready');
      serveSteps(part);
    } else runSparseThread(job.init as SparseThreadStart, () => scope.postMessage('ready'));
    scope.close();
  });
}
