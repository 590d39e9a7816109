/**
 * The worker threads of a sparse network run: Node worker threads on the shared state, each
 * serving its part of the steps (`parallel.ts`). Where there are none (browsers), a run takes
 * every step on its own thread, with the same spikes.
 */
import { COMMAND_EXIT, CONTROL } from '../network/parallel.js';
import type { SparseThreadInit } from './parallel.js';

/** Whether this engine can run worker threads on shared memory. */
export function threadsAvailable(): boolean {
  return (
    typeof SharedArrayBuffer === 'function' &&
    typeof Atomics === 'object' &&
    typeof process === 'object' &&
    typeof process.versions?.node === 'string'
  );
}

/** Running workers: `close` tells them to exit. */
export interface ThreadPool {
  readonly close: () => void;
}

interface NodeWorker {
  once(event: 'message' | 'error', listener: (value: unknown) => void): void;
  unref(): void;
  terminate(): Promise<number>;
}

/** Starts a Node worker per init and resolves once each is ready to serve steps. */
export async function startThreads(
  inits: readonly SparseThreadInit[],
  control: Int32Array,
): Promise<ThreadPool> {
  // a specifier in a variable, so that browser bundlers leave this Node-only module alone
  const specifier = 'node:worker_threads';
  const { Worker } = (await import(/* @vite-ignore */ specifier)) as {
    Worker: new (script: URL | string, options: object) => NodeWorker;
  };
  // from the sources (tests, benchmarks) the worker is TypeScript: it starts by registering tsx
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(typescript ? './thread-worker.ts' : './thread-worker.js', import.meta.url);
  // tsx as this module resolves it, so that the worker finds it whatever the working folder
  const tsx =
    typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const script = typescript
    ? `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`
    : url;
  const workers = inits.map((init) => new Worker(script, { workerData: init, eval: typescript }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.once('message', () => resolve());
            worker.once('error', reject);
          }),
      ),
    );
  } catch (error) {
    for (const worker of workers) void worker.terminate();
    throw error;
  }
  for (const worker of workers) worker.unref();
  return {
    close: () => {
      Atomics.store(control, CONTROL.kind, COMMAND_EXIT);
      Atomics.add(control, CONTROL.command, 1);
      Atomics.notify(control, CONTROL.command);
    },
  };
}
