/**
 * A thread's steps in WebAssembly (`thread-steps.wat`): `stepPart` of `parallel.ts` (dense) or of
 * `../sparse/parallel.ts` (sparse) step after step with its barrier, so that a chunk of steps runs
 * no JavaScript between its steps. Each thread writes its part's descriptor into the run's memory
 * (`threadRegion` of `simd.ts`); thread 0 also keeps a log of the spikes, which the run empties
 * into its recorder.
 */
import { SHARED_KERNELS_WASM } from './thread-steps.generated.js';
import type { ThreadRegion } from './simd.js';
import { compileOnce, decodeBase64, type KernelModule } from './wasm-module.js';

/** Byte offsets in a part's descriptor (see `thread-steps.wat`). */
export const PART = {
  index: 0,
  parties: 4,
  control: 8,
  buffers: 12,
  fired: 20,
  listed: 24,
  logSteps: 28,
  logNeurons: 32,
  logCapacity: 36,
  logCount: 40,
  spins: 44,
  diverged: 48,
  lastCount: 52,
  sparse: 56,
  first: 60,
  last: 64,
  targets: 68,
  shift: 72,
  weights: 76,
  input: 80,
  charge: 88,
} as const;
/** Where the bounds start in a part's descriptor. */
export const PART_BOUNDS = 96;
/** How many times a thread looks at the barrier before it sleeps (as `barrier` of parallel.ts). */
export const BARRIER_SPINS = 20000;

const compiled: (KernelModule | null | undefined)[] = [undefined];

/** The compiled module (shared memory only), or null where the engine cannot compile it. */
export function threadStepsModule(given?: KernelModule): KernelModule | null {
  return compileOnce(compiled, 0, () => decodeBase64(SHARED_KERNELS_WASM), given);
}

/** What a sparse network's `deliver` takes besides the spikes (byte addresses, and 1/dt). */
export interface SparseDelivery {
  readonly first: number;
  readonly last: number;
  readonly targets: number;
  /** log2 of the bytes of a target. */
  readonly shift: number;
  readonly weights: number;
  readonly input: number;
  readonly charge: number;
}

/** What a thread's part needs in its descriptor. */
export interface PartFields {
  readonly index: number;
  readonly bounds: Int32Array;
  /** Byte addresses of the fired buffers of even and odd steps, and of the thread's own list. */
  readonly buffers: readonly [number, number];
  readonly fired: number;
  /** A sparse network's delivery; none for the dense network. */
  readonly sparse?: SparseDelivery;
}

/** Byte address of thread `index`'s part descriptor. */
export const partAddress = (threads: ThreadRegion, index: number): number =>
  threads.parts + index * threads.partBytes;

/**
 * Writes thread `index`'s part descriptor (thread 0 gets the log) in the thread region and
 * returns its address; `listed` starts at −1 (no list before the first step).
 */
export function writePart(
  buffer: ArrayBufferLike,
  threads: ThreadRegion,
  part: PartFields,
): number {
  const address = partAddress(threads, part.index);
  const words = new Int32Array(buffer, address, threads.partBytes / 4);
  const log = part.index === 0;
  words.fill(0);
  words[PART.index / 4] = part.index;
  words[PART.parties / 4] = threads.parties;
  words[PART.control / 4] = threads.control;
  words[PART.buffers / 4] = part.buffers[0];
  words[PART.buffers / 4 + 1] = part.buffers[1];
  words[PART.fired / 4] = part.fired;
  words[PART.listed / 4] = -1;
  words[PART.logSteps / 4] = log ? threads.logSteps : 0;
  words[PART.logNeurons / 4] = log ? threads.logNeurons : 0;
  words[PART.logCapacity / 4] = log ? threads.logCapacity : 0;
  words[PART.spins / 4] = BARRIER_SPINS;
  const sparse = part.sparse;
  if (sparse !== undefined) {
    words[PART.sparse / 4] = 1;
    words[PART.first / 4] = sparse.first;
    words[PART.last / 4] = sparse.last;
    words[PART.targets / 4] = sparse.targets;
    words[PART.shift / 4] = sparse.shift;
    words[PART.weights / 4] = sparse.weights;
    words[PART.input / 4] = sparse.input;
    new Float64Array(buffer, address + PART.charge, 1)[0] = sparse.charge;
  }
  words.set(part.bounds, PART_BOUNDS / 4);
  return address;
}

/** `steps(part, start, steps)` of the module, over the step instance's phases: steps taken. */
export type ThreadSteps = (part: number, start: number, steps: number) => number;

/** Stands in for a sparse network's `deliver` in a dense run, which never calls it. */
const noSparseDelivery = (): never => {
  throw new Error('a dense network has no sparse delivery');
};

/**
 * Instantiates the module over `memory` with the step instance's exports and, for a sparse
 * network, its kernels' `deliver`.
 */
export function bindThreadSteps(
  module: KernelModule,
  memory: object,
  step: object,
  descriptor: number,
  deliver: (...args: number[]) => void = noSparseDelivery,
): ThreadSteps {
  const instance = new WebAssembly.Instance(module as WebAssembly.Module, {
    env: { memory: memory as WebAssembly.Memory },
    step: step as WebAssembly.ModuleImports,
    sparse: { deliver },
  });
  const steps = (instance.exports as Record<'steps', (...args: number[]) => number>).steps;
  return (part, start, count) => steps(descriptor, part, start, count);
}

/** What a chunk of steps in the kernel gave the first thread. */
export interface KernelChunk {
  /** Steps taken (those before a divergence). */
  readonly taken: number;
  /** The step at which some neuron diverged, or 0. */
  readonly diverged: number;
  /** The fired count of the last step taken. */
  readonly lastCount: number;
}

/**
 * The first thread's part (descriptor at `address`, with the log) of steps start + 1 … start +
 * `steps` in the kernel, called again whenever it stops for its spike log to be emptied into
 * `append`, until the steps are taken or some neuron diverged. The caller then waits at the
 * chunk's last barrier with the other threads.
 */
export function runKernelChunk(
  threadSteps: ThreadSteps,
  buffer: ArrayBufferLike,
  threads: ThreadRegion,
  address: number,
  start: number,
  steps: number,
  append: (steps: Int32Array, neurons: Int32Array, count: number) => void,
): KernelChunk {
  const words = new Int32Array(buffer, address, PART_BOUNDS / 4);
  const logSteps = new Int32Array(buffer, threads.logSteps, threads.logCapacity);
  const logNeurons = new Int32Array(buffer, threads.logNeurons, threads.logCapacity);
  let taken = 0;
  let diverged = 0;
  while (taken < steps && diverged === 0) {
    taken += threadSteps(address, start + taken, steps - taken);
    append(logSteps, logNeurons, words[PART.logCount / 4] as number);
    words[PART.logCount / 4] = 0;
    diverged = words[PART.diverged / 4] as number;
  }
  return { taken, diverged, lastCount: words[PART.lastCount / 4] as number };
}
