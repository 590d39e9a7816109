/**
 * Optional WebAssembly SIMD kernels for phases 3, 4 and 5 (synaptic delivery and the updates of v
 * and u), two double-precision lanes per instruction. Each computes exactly what the JavaScript
 * loop of `phases.ts` computes, operation for operation in the same order, so both give the same
 * bits; the network falls back to JavaScript where WebAssembly SIMD is missing. The kernels are
 * written in the WebAssembly text format (`kernels.wat`, which documents them) and assembled at
 * build time into `kernels.generated.ts`; the module is compiled once, on first use.
 */
import { KERNELS_WASM, SHARED_KERNELS_WASM } from './kernels.generated.js';
import { controlWords } from './parallel.js';
import { noiseStreamWords } from './random.js';
import { PART_BOUNDS, threadStepsModule } from './thread-steps.js';
import {
  bindStep,
  STEP_DESCRIPTOR_BYTES,
  STEP_TABLE_BYTES,
  stepModule,
  writeStepTables,
  type BoundStep,
} from './step-kernel.js';

import { compileOnce, decodeBase64, type KernelMemory, type KernelModule } from './wasm-module.js';

export type { KernelMemory, KernelModule } from './wasm-module.js';

type Kernel = (...args: number[]) => void;

/** The bytes of the kernels module (imports `env.memory`, shared or not). */
export function kernelModuleBytes(shared = false): Uint8Array<ArrayBuffer> {
  return decodeBase64(shared ? SHARED_KERNELS_WASM : KERNELS_WASM);
}

const compiled: (KernelModule | null | undefined)[] = [undefined, undefined];

/**
 * The compiled kernels module, or null where WebAssembly SIMD (or shared memory) is missing; a
 * module `given` by the thread that started this one is taken instead of compiling.
 */
export function kernelModule(shared = false, given?: KernelModule): KernelModule | null {
  return compileOnce(compiled, shared ? 1 : 0, () => kernelModuleBytes(shared), given);
}

/** Byte offsets of a network's arrays in one memory, each 16-byte aligned. */
export interface KernelLayout {
  readonly n: number;
  /** The step kernel's descriptor of these addresses (`step.wat`). */
  readonly descriptor: number;
  readonly input: number;
  readonly v: number;
  readonly u: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  /** σᵢ/√dt. */
  readonly noiseScale: number;
  /** The noise streams: four int32 words per block of 256 neurons. */
  readonly streams: number;
  /** The ziggurat's and the portable exp and log's tables (`step.wat`). */
  readonly tables: number;
  /** The fired lists: `slots` arrays of n int32 (one for a run on one thread). */
  readonly fired: number;
  readonly slots: number;
  /** The threads of a run on several (`parties` > 1; nothing otherwise): see `threadRegion`. */
  readonly threads: ThreadRegion;
  readonly weights: number;
  /** Bytes of the whole layout. */
  readonly bytes: number;
}

/**
 * Where the threads of a run meet in its memory: the control words (`CONTROL` of parallel.ts),
 * each thread's part descriptor (`thread-steps.wat`), and thread 0's spike log (the step and the
 * neuron of each spike, `logCapacity` of each).
 */
export interface ThreadRegion {
  readonly parties: number;
  readonly control: number;
  readonly parts: number;
  readonly partBytes: number;
  readonly logSteps: number;
  readonly logNeurons: number;
  readonly logCapacity: number;
  readonly bytes: number;
}

/** The spikes thread 0's log holds: at least two steps of every neuron firing. */
export const logCapacity = (n: number): number => Math.max(2 * n, 65536);

/** The thread region of an n-neuron run on `parties` threads, at byte `at`. */
export function threadRegion(n: number, parties: number, at: number): ThreadRegion {
  if (parties <= 1) {
    return {
      parties,
      control: at,
      parts: at,
      partBytes: 0,
      logSteps: at,
      logNeurons: at,
      logCapacity: 0,
      bytes: 0,
    };
  }
  const partBytes = align16(PART_BOUNDS + 4 * (parties + 1));
  const parts = at + align16(4 * controlWords(parties));
  const capacity = logCapacity(n);
  const logSteps = parts + parties * partBytes;
  const logNeurons = logSteps + align16(4 * capacity);
  return {
    parties,
    control: at,
    parts,
    partBytes,
    logSteps,
    logNeurons,
    logCapacity: capacity,
    bytes: logNeurons + align16(4 * capacity) - at,
  };
}

const PAGE = 65536;
/** WebAssembly's 32-bit memories hold at most 65536 pages of 64 kB: 4 GB. */
export const MAX_PAGES = 65536;
const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/**
 * The layout of an n-neuron network: the step's descriptor, eight f64 arrays, the noise streams,
 * the tables, the fired lists, the threads' region (for `parties` > 1), then the weights.
 */
export function kernelLayout(n: number, slots = 1, parties = 1): KernelLayout {
  const column = align16(8 * n);
  const input = align16(STEP_DESCRIPTOR_BYTES);
  const streams = input + 8 * column;
  const tables = streams + align16(4 * noiseStreamWords(n));
  const fired = tables + align16(STEP_TABLE_BYTES);
  const threads = threadRegion(n, parties, fired + slots * firedSlotBytes(n));
  const weights = threads.control + threads.bytes;
  return {
    n,
    slots,
    descriptor: 0,
    input,
    v: input + column,
    u: input + 2 * column,
    a: input + 3 * column,
    b: input + 4 * column,
    c: input + 5 * column,
    d: input + 6 * column,
    noiseScale: input + 7 * column,
    streams,
    tables,
    fired,
    threads,
    weights,
    bytes: weights + 4 * n * n,
  };
}

/** Bytes of one fired list of an n-neuron layout. */
export const firedSlotBytes = (n: number): number => align16(4 * n + 16);

/** Byte address of fired list `slot` of a layout. */
export const firedSlotAddress = (layout: KernelLayout, slot: number): number =>
  layout.fired + slot * firedSlotBytes(layout.n);

/** Pages of 64 kB that hold `bytes`. */
export const pagesFor = (bytes: number): number => Math.max(1, Math.ceil(bytes / PAGE));

/** The kernels of one instance over a memory laid out by `kernelLayout`. */
export interface BoundKernels extends BoundStep {
  /**
   * Phase 3 for the columns of the fired list at byte address `fired`, 8·groups of them, neurons
   * [from, to) (multiples of 4).
   */
  readonly deliverEight: (
    fired: number,
    groups: number,
    charge: number,
    from: number,
    to: number,
  ) => void;
  /**
   * Phase 3 for the 1 … 4 columns of the fired list at byte address `fired`, summed as the
   * JavaScript loop sums the last columns, neurons [from, to) (multiples of 4).
   */
  readonly deliverRest: (
    fired: number,
    count: number,
    charge: number,
    from: number,
    to: number,
  ) => void;
  /** Phase 4 for neurons [from, to) (even bounds). */
  readonly updateMembrane: (half: number, from: number, to: number) => void;
  /** Phase 5 for neurons [from, to) (even bounds). */
  readonly updateRecovery: (dt: number, from: number, to: number) => void;
}

/** Instantiates the module over `memory` and binds its kernels to the layout. */
export function bindKernels(
  module: KernelModule,
  memory: KernelMemory,
  layout: KernelLayout,
): BoundKernels {
  const instance = new WebAssembly.Instance(module as WebAssembly.Module, {
    env: { memory: memory as WebAssembly.Memory },
  });
  const exports = instance.exports as Record<
    'deliver8' | 'deliverRest' | 'membrane' | 'recovery',
    Kernel
  >;
  const { deliver8, deliverRest, membrane, recovery } = exports;
  const { n, input, v, u, a, b, weights } = layout;
  const shared =
    typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer;
  const threads = shared && layout.threads.parties > 1 ? threadStepsModule() : null;
  return {
    ...bindStep(stepModule(shared), memory, exports, layout, threads),
    deliverEight: (fired, groups, charge, from, to) =>
      deliver8(weights, fired, groups, n, input, from, to, charge),
    deliverRest: (fired, count, charge, from, to) =>
      deliverRest(weights, fired, count, n, input, from, to, charge),
    updateMembrane: (half, from, to) => membrane(v, u, input, from, to, half),
    updateRecovery: (dt, from, to) => recovery(v, u, a, b, from, to, dt),
  };
}

/** A network's per-neuron arrays and weights in one WebAssembly memory, with the kernels. */
export interface SimdKernels {
  readonly input: Float64Array;
  readonly v: Float64Array;
  readonly u: Float64Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
  readonly noiseScale: Float64Array;
  readonly noiseStreams: Int32Array;
  /** The first fired list. */
  readonly fired: Int32Array;
  readonly weights: Float32Array;
  readonly memory: KernelMemory;
  readonly layout: KernelLayout;
  /** The kernels over ranges of neurons. */
  readonly kernels: BoundKernels;
  /** Phase 3 for the columns of fired[0 … 8·groups), neurons 0 … `covered` − 1. */
  readonly deliverEight: (groups: number, charge: number) => void;
  /** Phase 4 for neurons 0 … 2·`pairs` − 1. */
  readonly updateMembrane: (half: number) => void;
  /** Phase 5 for neurons 0 … 2·`pairs` − 1. */
  readonly updateRecovery: (dt: number) => void;
  /** n rounded down to a multiple of 4: the neurons `deliverEight` covers. */
  readonly covered: number;
  /** ⌊n/2⌋: the pairs of neurons the updates cover. */
  readonly pairs: number;
}

/** The typed arrays of a layout over `buffer`. */
export function layoutArrays(buffer: ArrayBufferLike, layout: KernelLayout) {
  const n = layout.n;
  const doubles = (offset: number) => new Float64Array(buffer, offset, n);
  return {
    input: doubles(layout.input),
    v: doubles(layout.v),
    u: doubles(layout.u),
    a: doubles(layout.a),
    b: doubles(layout.b),
    c: doubles(layout.c),
    d: doubles(layout.d),
    noiseScale: doubles(layout.noiseScale),
    noiseStreams: new Int32Array(buffer, layout.streams, noiseStreamWords(n)),
    fired: new Int32Array(buffer, layout.fired, n),
    weights: new Float32Array(buffer, layout.weights, n * n),
  };
}

/**
 * Allocates the arrays of an n-neuron network in one WebAssembly memory (shared for threads, with
 * `slots` fired lists) and returns them with the kernels; undefined when WebAssembly SIMD (or a
 * shared memory) is missing or the weights do not fit in its 4 GB.
 */
export function createSimdKernels(
  n: number,
  shared = false,
  slots = 1,
  parties = 1,
): SimdKernels | undefined {
  const module = kernelModule(shared);
  if (module === null) return undefined;
  const layout = kernelLayout(n, slots, parties);
  const pages = pagesFor(layout.bytes);
  if (pages > MAX_PAGES) return undefined;
  let memory: KernelMemory;
  let kernels: BoundKernels;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
    writeStepTables(memory.buffer, layout.tables);
    kernels = bindKernels(module, memory, layout);
  } catch {
    return undefined;
  }
  const covered = n & ~3;
  const pairs = n >> 1;
  return {
    ...layoutArrays(memory.buffer, layout),
    memory,
    layout,
    kernels,
    deliverEight: (groups, charge) =>
      kernels.deliverEight(layout.fired, groups, charge, 0, covered),
    updateMembrane: (half) => kernels.updateMembrane(half, 0, 2 * pairs),
    updateRecovery: (dt) => kernels.updateRecovery(dt, 0, 2 * pairs),
    covered,
    pairs,
  };
}
