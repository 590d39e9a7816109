/**
 * The threads of a network run: Node worker threads on the shared state, each serving its part
 * of the steps (`parallel.ts`). In a browser, Web Workers serve the same parts
 * (`web-threads.ts`); where memory cannot be shared, a run takes every part itself, with the same
 * spikes.
 */
import { sharedStateView, type SharedNetworkMemory } from './build.js';
import { COMMAND_EXIT, CONTROL, controlWords, type ThreadPart } from './parallel.js';
import { bindKernels, firedSlotAddress, kernelModule, type KernelModule } from './simd.js';
import { stepModule } from './step-kernel.js';
import { PART, threadStepsModule, writePart } from './thread-steps.js';
import type { ThreadStarter } from './web-threads.js';

/** What a thread is started with (structured-cloned to it; the buffers stay shared). */
export interface ThreadInit {
  readonly shared: SharedNetworkMemory;
  readonly n: number;
  readonly ne: number;
  readonly dt: number;
  readonly noise: boolean;
  readonly index: number;
  readonly parties: number;
  readonly bounds: Int32Array;
  /**
   * The kernels, step and thread steps modules the starting thread compiled (WebAssembly modules
   * cross to a worker without compiling again), or nulls without kernels.
   */
  readonly modules: readonly [KernelModule | null, KernelModule | null, KernelModule | null];
}

/** The shared-memory modules of this thread, compiled once, for its workers. */
export const sharedKernelModules = (): ThreadInit['modules'] => [
  kernelModule(true),
  stepModule(true),
  threadStepsModule(),
];

/** The control words of a run on shared memory (`CONTROL` of parallel.ts), in its memory. */
export const sharedControl = (shared: SharedNetworkMemory, parties: number): Int32Array =>
  new Int32Array(shared.buffer, shared.layout.threads.control, controlWords(parties));

/** Thread `init.index`'s view of the run: its fired list, its kernels, the fired buffers. */
export function threadPart(init: ThreadInit): ThreadPart {
  const { shared, n, ne, index, parties } = init;
  const [kernels, step, threads] = init.modules;
  if (step !== null) stepModule(true, step);
  if (threads !== null) threadStepsModule(threads);
  const module = shared.memory === undefined ? null : kernelModule(true, kernels ?? undefined);
  const simd =
    module === null || shared.memory === undefined
      ? undefined
      : { kernels: bindKernels(module, shared.memory, shared.layout) };
  const slot = (s: number) => new Int32Array(shared.buffer, firedSlotAddress(shared.layout, s), n);
  const buffers = [slot(parties), slot(parties + 1)] as const;
  const address = writePart(shared.buffer, shared.layout.threads, {
    index,
    bounds: init.bounds,
    buffers: [buffers[0].byteOffset, buffers[1].byteOffset],
    fired: firedSlotAddress(shared.layout, index),
  });
  return {
    state: sharedStateView(shared, n, ne, index, simd),
    index,
    parties,
    bounds: init.bounds,
    buffers,
    address,
    listed: new Int32Array(shared.buffer, address + PART.listed, 1),
    control: sharedControl(shared, parties),
    dt: init.dt,
    noise: init.noise,
  };
}

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

/** The part of a Node worker thread that the engines use. */
export interface NodeWorker {
  on(event: 'message' | 'error', listener: (value: unknown) => void): void;
  once(event: 'message' | 'error', listener: (value: unknown) => void): void;
  postMessage(value: unknown): void;
  unref(): void;
  terminate(): Promise<number>;
}

/**
 * A Node worker thread per init running `worker`, a module relative to this one and without its
 * extension (from the sources, as in tests and benchmarks, the worker is TypeScript: it starts by
 * registering tsx).
 */
export async function spawnWorkers<Init>(
  inits: readonly Init[],
  worker: string,
): Promise<NodeWorker[]> {
  // a specifier in a variable, so that browser bundlers leave this Node-only module alone
  const specifier = 'node:worker_threads';
  const { Worker } = (await import(/* @vite-ignore */ specifier)) as {
    Worker: new (script: URL | string, options: object) => NodeWorker;
  };
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(`${worker}.${typescript ? 'ts' : 'js'}`, import.meta.url);
  // tsx as this module resolves it, so that the worker finds it whatever the working folder
  const tsx =
    typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const script = typescript
    ? `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`
    : url;
  return inits.map((init) => new Worker(script, { workerData: init, eval: typescript }));
}

/**
 * Starts a Node worker per init and resolves once each is ready to serve steps. `worker` is the
 * worker's module, relative to this one and without its extension (the sparse network passes its
 * own).
 */
export async function startThreads<Init = ThreadInit>(
  inits: readonly Init[],
  control: Int32Array,
  worker = './thread-worker',
): Promise<ThreadPool> {
  const workers = await spawnWorkers(inits, worker);
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

/** Node's worker threads: each kind of network's thread serves its own worker module. */
export const nodeThreads: ThreadStarter = (network, inits, control) =>
  startThreads(inits, control, network === 'dense' ? './thread-worker' : '../sparse/thread-worker');
