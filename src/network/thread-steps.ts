/**
 * A thread's steps in WebAssembly (`thread-steps.wat`): `stepPart` of `parallel.ts` step after
 * step with its barrier, so that a chunk of steps runs no JavaScript between its steps. Each
 * thread writes its part's descriptor into the run's memory (`threadRegion` of `simd.ts`); thread
 * 0 also keeps a log of the spikes, which `NetworkSimulation` empties into its recorder.
 */
import { SHARED_KERNELS_WASM } from './thread-steps.generated.js';
import type { KernelLayout } from './simd.js';
import { compileOnce, decodeBase64, type KernelMemory, type KernelModule } from './wasm-module.js';

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
} as const;
/** Where the bounds start in a part's descriptor. */
export const PART_BOUNDS = 64;
/** How many times a thread looks at the barrier before it sleeps (as `barrier` of parallel.ts). */
export const BARRIER_SPINS = 20000;

const compiled: (KernelModule | null | undefined)[] = [undefined];

/** The compiled module (shared memory only), or null where the engine cannot compile it. */
export function threadStepsModule(given?: KernelModule): KernelModule | null {
  return compileOnce(compiled, 0, () => decodeBase64(SHARED_KERNELS_WASM), given);
}

/** What a thread's part needs in its descriptor. */
export interface PartFields {
  readonly index: number;
  readonly bounds: Int32Array;
  /** Byte addresses of the fired buffers of even and odd steps, and of the thread's own list. */
  readonly buffers: readonly [number, number];
  readonly fired: number;
}

/** Byte address of thread `index`'s part descriptor. */
export const partAddress = (layout: KernelLayout, index: number): number =>
  layout.threads.parts + index * layout.threads.partBytes;

/**
 * Writes thread `index`'s part descriptor (thread 0 gets the log) and returns its address;
 * `listed` starts at −1 (no list before the first step).
 */
export function writePart(buffer: ArrayBufferLike, layout: KernelLayout, part: PartFields): number {
  const { threads } = layout;
  const address = partAddress(layout, part.index);
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
  words.set(part.bounds, PART_BOUNDS / 4);
  return address;
}

/** `steps(part, start, steps)` of the module, over the step instance's phases: steps taken. */
export type ThreadSteps = (part: number, start: number, steps: number) => number;

/** Instantiates the module over `memory` with the step instance's exports. */
export function bindThreadSteps(
  module: KernelModule,
  memory: KernelMemory,
  step: object,
  descriptor: number,
): ThreadSteps {
  const instance = new WebAssembly.Instance(module as WebAssembly.Module, {
    env: { memory: memory as WebAssembly.Memory },
    step: step as WebAssembly.ModuleImports,
  });
  const steps = (instance.exports as Record<'steps', (...args: number[]) => number>).steps;
  return (part, start, count) => steps(descriptor, part, start, count);
}
