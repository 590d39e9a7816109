/**
 * The sparse network's threads in a browser: Web Workers on shared memory, serving the same steps
 * (`parallel.ts`) as Node's worker threads. A page starts them from a worker of its own (the
 * thread that takes part 0 waits at the barrier with `Atomics.wait`, which a page's main thread
 * may not do), and only when it is cross-origin isolated: elsewhere there is no SharedArrayBuffer
 * and a run takes its steps on one thread, with the same spikes.
 */
import { COMMAND_EXIT, CONTROL } from '../network/parallel.js';
import { serveSteps, threadPart, type SparseThreadInit } from './parallel.js';

/**
 * Starts the threads of a run beside the one that calls `advance` (which takes part 0): one per
 * init, resolving once each is ready to serve steps. `close` tells them to exit.
 */
export type SparseThreadStarter = (
  inits: readonly SparseThreadInit[],
  control: Int32Array,
) => Promise<SparseThreadPool>;

/** Running threads of a sparse network run. */
export interface SparseThreadPool {
  readonly close: () => void;
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
 * `serveSparseThread(self)`. Pass it to `SparseNetworkSimulation` from a worker.
 *
 * ```ts
 * const threads = webWorkerThreads(
 *   () => new Worker(new URL('./thread.js', import.meta.url), { type: 'module' }),
 * );
 * const run = new SparseNetworkSimulation({ synapses: 100, threads: 4 }, threads);
 * ```
 */
export function webWorkerThreads(create: () => WebWorkerLike): SparseThreadStarter {
  return async (inits, control) => {
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
              worker.postMessage(inits[index]);
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
 * serveSparseThread(scope): the body of a thread's Web Worker. Takes its part of a run from the
 * first message, answers `ready`, then serves steps until the run ends, and closes.
 */
export function serveSparseThread(scope: WorkerScopeLike): void {
  let started = false;
  scope.addEventListener('message', (event) => {
    if (started) return;
    started = true;
    const part = threadPart(event.data as SparseThreadInit);
    scope.postMessage('ready');
    serveSteps(part);
    scope.close();
  });
}
