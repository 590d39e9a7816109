/**
 * The sparse network's WebAssembly kernels (`kernels.wat`: the build's draws, event-driven
 * delivery), the step kernel's noise and threshold (`step.wat`) and the dense network's updates of
 * v and u (`membrane`, `recoverList`), over one memory that holds every array of the network
 * (`arena.ts`), bound to one thread's range of neurons. They
 * compute what the JavaScript phases compute, in the same order, so both give the same bits; the
 * run falls back to JavaScript where WebAssembly (or a shared memory) is missing or the arrays do
 * not fit in its 4 GB.
 */
import { KERNELS_WASM, SHARED_KERNELS_WASM } from './kernels.generated.js';
import {
  MAX_PAGES,
  kernelModule,
  pagesFor,
  threadRegion,
  type KernelModule,
} from '../network/simd.js';
import { compileOnce, decodeBase64 } from '../network/wasm-module.js';
import {
  bindThreadSteps,
  threadStepsModule,
  type SparseDelivery,
  type ThreadSteps,
} from '../network/thread-steps.js';
import { noiseStreamWords, seedNoiseStreams } from '../network/random.js';
import {
  STEP_DESCRIPTOR_BYTES,
  STEP_TABLE_BYTES,
  stepModule,
  writeStepDescriptor,
  writeStepTables,
} from '../network/step-kernel.js';
import type { SparseArena } from './arena.js';
import type { SparseNetworkState } from './build.js';
import type { SynapseSplit } from './step.js';

type Kernel = (...args: number[]) => number;

const compiled: (KernelModule | null | undefined)[] = [undefined, undefined];

/** The compiled sparse kernels module, or null where this engine cannot run it. */
export function sparseKernelModule(shared: boolean): KernelModule | null {
  return compileOnce(compiled, shared ? 1 : 0, () =>
    decodeBase64(shared ? SHARED_KERNELS_WASM : KERNELS_WASM),
  );
}

/** Whether the kernels can run over a memory of `bytes` (at most 4 GB), shared or not. */
export function sparseKernelsFit(bytes: number, shared: boolean): boolean {
  return (
    pagesFor(bytes) <= MAX_PAGES &&
    sparseKernelModule(shared) !== null &&
    kernelModule(shared) !== null &&
    stepModule(shared) !== null
  );
}

/**
 * A WebAssembly memory as the declarations name it: structural, so that a project using izhikit
 * needs no WebAssembly type library.
 */
export interface SparseMemory {
  readonly buffer: ArrayBufferLike;
}

/** Bytes of the WebAssembly memory that holds `bytes`: whole pages of 64 kB. */
export const sparseMemoryBytes = (bytes: number): number => pagesFor(bytes) * 65536;

/** A WebAssembly memory of whole pages for `bytes` (check `sparseKernelsFit` first). */
export function sparseMemory(bytes: number, shared: boolean): SparseMemory {
  const pages = pagesFor(bytes);
  return new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
}

/**
 * The noise streams of every block, and the step kernel's descriptor of the network's arrays and
 * its tables (the ziggurat's, exp's and log's), in the kernels' memory: the step kernel's `noise`
 * draws the sparse network's noise as it draws the dense network's.
 */
export interface NoiseTables {
  readonly streams: Int32Array;
  /** Byte address of the descriptor. */
  readonly descriptor: number;
}

/**
 * Takes the noise streams, the descriptor and the tables from `arena` (in `arenaArrays`' order)
 * and fills them for `state`, stepped by dt.
 */
export function noiseTables(
  arena: SparseArena,
  state: SparseNetworkState,
  seed: number,
  dt: number,
  noise = true,
): NoiseTables {
  const streams = arena.int32(noiseStreamWords(state.n));
  seedNoiseStreams(streams, seed);
  const [buffer, descriptor] = arena.take(STEP_DESCRIPTOR_BYTES);
  const [, tables] = arena.take(STEP_TABLE_BYTES);
  writeStepTables(buffer, tables);
  const layout = {
    ...addresses(state),
    n: state.n,
    descriptor,
    noiseScale: state.noiseScale.byteOffset,
    streams: streams.byteOffset,
    tables,
    fired: 0,
    slots: 0,
    threads: threadRegion(state.n, 1, 0),
    weights: 0,
    bytes: 0,
  };
  writeStepDescriptor(buffer, layout, dt, noise);
  return { streams, descriptor };
}

/** The kernels of one thread, over its range of neurons and its split of the synapses. */
export interface SparseKernels {
  /** Phase 1 for neurons [from, to) (from a multiple of 256). */
  readonly noise: (from: number, to: number) => void;
  /** Phase 2 for neurons [from, to) into the int32 array at byte address `out`. */
  readonly threshold: (from: number, to: number, out: number) => number;
  /**
   * Phase 2 for the `count` neurons of the int32 list at byte address `list` (those `update`
   * listed), the fired written over the list.
   */
  readonly thresholdList: (list: number, count: number) => number;
  /** Phase 3 for the `count` spikes at byte address `fired`, onto the split's neurons. */
  readonly deliver: (fired: number, count: number, charge: number) => void;
  /**
   * Phases 4 and 5 for neurons [from, to) (from even); the pass of phase 5 also lists, at byte
   * address `out`, the neurons the next threshold can fire or find diverged; returns their count.
   */
  readonly update: (from: number, to: number, out: number) => number;
  /**
   * This thread's part of steps start + 1 … start + steps in WebAssembly, from its part's
   * descriptor at byte address `part` (`thread-steps.wat`): the steps taken. Only on several
   * threads.
   */
  readonly threadSteps: ThreadSteps | undefined;
}

/** Byte addresses of the neuron columns in the memory. */
function addresses(state: SparseNetworkState) {
  const { v, u, c, d, a, b, input } = state;
  return {
    v: v.byteOffset,
    u: u.byteOffset,
    c: c.byteOffset,
    d: d.byteOffset,
    a: a.byteOffset,
    b: b.byteOffset,
    input: input.byteOffset,
  };
}

/** The sparse kernels module instantiated over `memory`. */
function sparseInstance(memory: SparseMemory, shared: boolean) {
  const module = sparseKernelModule(shared) as WebAssembly.Module;
  const env = { memory: memory as WebAssembly.Memory };
  return new WebAssembly.Instance(module, { env }).exports as Record<
    'deliver' | 'count' | 'place',
    Kernel
  >;
}

/** What the build's kernels draw into: the sizes and byte addresses of `count` and `place`. */
export interface SynapseDrawing {
  readonly k: number;
  readonly ke: number;
  readonly ne: number;
  readonly ni: number;
  readonly groupStart: number;
  readonly next: number;
  readonly target: number;
  /** log2 of the bytes of a target. */
  readonly shift: number;
  readonly weight: number;
  readonly excitatory: number;
  readonly inhibitory: number;
}

/**
 * The synapse draws of `buildSparseNetwork` (`count` and `place` of kernels.wat) for neurons
 * [from, to), the generators' words at byte addresses `sources` and `weights`.
 */
export interface BuildKernels {
  readonly count: (sources: number, from: number, to: number) => void;
  readonly place: (sources: number, weights: number, from: number, to: number) => void;
}

/** The build's kernels over `memory`. */
export function buildKernels(memory: SparseMemory, at: SynapseDrawing): BuildKernels {
  const { count, place } = sparseInstance(memory, isShared(memory));
  const { k, ke, ne, ni, groupStart, next, target, shift, weight, excitatory, inhibitory } = at;
  return {
    count: (sources, from, to) => void count(sources, from, to, k, ke, ne, ni, groupStart),
    place: (sources, weights, from, to) =>
      void place(
        sources,
        weights,
        from,
        to,
        k,
        ke,
        ne,
        ni,
        next,
        target,
        shift,
        weight,
        excitatory,
        inhibitory,
      ),
  };
}

/** Whether a memory is shared between threads. */
const isShared = (memory: SparseMemory): boolean =>
  typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer;

/**
 * Instantiates the modules over `memory`, which holds every array of `state`, `split`, `tables`;
 * with `threads` (a run on several), the thread steps module too.
 */
export function bindSparseKernels(
  memory: SparseMemory,
  shared: boolean,
  state: SparseNetworkState,
  split: SynapseSplit,
  tables: NoiseTables,
  threads = false,
): SparseKernels {
  const imports = { env: { memory: memory as WebAssembly.Memory } };
  const sparse = sparseInstance(memory, shared);
  const dense = new WebAssembly.Instance(kernelModule(shared) as WebAssembly.Module, imports)
    .exports as Record<'membrane' | 'recoverList', Kernel>;
  const step = new WebAssembly.Instance(stepModule(shared) as WebAssembly.Module, {
    ...imports,
    kernels: dense,
  }).exports as Record<'noise' | 'threshold' | 'thresholdList' | 'updateList', Kernel>;
  const { deliver } = sparse;
  const { first, last, targets, shift, weights, input } = deliveryAddresses(state, split);
  const { descriptor } = tables;
  const module = threads && shared ? threadStepsModule() : null;
  return {
    noise: (from, to) => void step.noise(descriptor, from, to),
    threshold: (from, to, out) => step.threshold(descriptor, from, to, out),
    deliver: (fired, count, charge) =>
      void deliver(fired, count, first, last, targets, shift, weights, input, charge),
    thresholdList: (list, count) => step.thresholdList(descriptor, list, count),
    update: (from, to, out) => step.updateList(descriptor, from, to, out),
    threadSteps:
      module === null ? undefined : bindThreadSteps(module, memory, step, descriptor, deliver),
  };
}

/** Where `deliver` finds a thread's split of the rows, the synapses and I (byte addresses). */
export function deliveryAddresses(
  state: SparseNetworkState,
  split: SynapseSplit,
): Omit<SparseDelivery, 'charge'> {
  const target = state.synapses.target;
  return {
    first: split.first.byteOffset,
    last: split.last.byteOffset,
    targets: target.byteOffset,
    shift: Math.log2(target.BYTES_PER_ELEMENT),
    weights: state.weights.byteOffset,
    input: state.input.byteOffset,
  };
}
