/**
 * The whole-step kernel (`step.wat`): phases 1 and 2 (noise, threshold and reset) in WebAssembly,
 * then phases 3–5 through the SIMD kernels, so that a fresh process runs compiled code from its
 * first step. Its tables are the ziggurat's and the portable exp and log's own, copied into the
 * network's memory, and it reads the network's addresses from a descriptor there.
 */
import { INVERSE_FACTORIALS, INVERSE_ODD } from './portable-math.js';
import { zigguratTables, type NetworkRandom } from './random.js';
import type { KernelLayout } from './simd.js';
import { KERNELS_WASM, SHARED_KERNELS_WASM } from './step.generated.js';
import { bindThreadSteps, type ThreadSteps } from './thread-steps.js';
import { compileOnce, decodeBase64, type KernelMemory, type KernelModule } from './wasm-module.js';

/** Bytes of the descriptor (see `step.wat`), with room for a generator's state at byte 80. */
export const STEP_DESCRIPTOR_BYTES = 96;
/** Bytes of the tables: 256 i32 thresholds, 256 f64 scales and heights, 17 + 14 f64 terms. */
export const STEP_TABLE_BYTES = 1024 + 2048 + 2048 + 8 * 17 + 8 * 14;

/** The step kernel's functions over one network's memory. */
export interface BoundStep {
  /**
   * Phases 1 and 2 for neurons [from, to) (from a multiple of 256), the fired ones to the int32
   * list at byte address `out`: returns their count, or −1 when some v is NaN or infinite.
   */
  readonly begin: (from: number, to: number, out: number) => number;
  /**
   * Phases 1 and 2 for neurons [from, to) (from a multiple of 256), phase 2 over the `count`
   * neurons `finishList` listed at byte address `list` only, the fired written over the list:
   * returns their count, or −1 when some v is NaN or infinite.
   */
  readonly beginList: (from: number, to: number, list: number, count: number) => number;
  /**
   * Phases 3, 4 and 5 for neurons [from, to) (from a multiple of 4) with the `count` fired
   * neurons of the int32 list at byte address `fired`.
   */
  readonly finish: (fired: number, count: number, from: number, to: number) => void;
  /**
   * `finish`, listing at byte address `out` the neurons of [from, to) the next threshold can fire
   * or find diverged, for `beginList`: returns their count.
   */
  readonly finishList: (
    fired: number,
    count: number,
    from: number,
    to: number,
    out: number,
  ) => number;
  /** Phase 1 for neurons [from, to) (from a multiple of 256). */
  readonly noise: (from: number, to: number) => void;
  /** Phase 2 for neurons [from, to) into the int32 list at byte address `out`. */
  readonly threshold: (from: number, to: number, out: number) => number;
  /** Phase 2 over the `count` neurons of the int32 list at `list`, the fired written over it. */
  readonly thresholdList: (list: number, count: number) => number;
  /** One whole step on one thread, into the first fired list: its count, or −1 (diverged). */
  readonly step: () => number;
  /**
   * A thread's part of steps start + 1 … start + steps of a run on several threads, from its
   * part's descriptor at byte address `part` (`thread-steps.wat`): the steps taken. Only on a
   * shared memory.
   */
  readonly threadSteps: ThreadSteps | undefined;
  /**
   * The float32 at byte address `target` and the `count` − 1 after it get the numbers of
   * `random.fillUniform(…, multiplier)`, drawn from `random`, which moves on as far.
   */
  readonly uniforms: (
    random: NetworkRandom,
    target: number,
    count: number,
    multiplier: number,
  ) => void;
}

const compiled: (KernelModule | null | undefined)[] = [undefined, undefined];

/**
 * The compiled step module (imports `env.memory`, shared or not, and the SIMD kernels); a module
 * `given` by the thread that started this one is taken instead of compiling.
 */
export function stepModule(shared = false, given?: KernelModule): KernelModule | null {
  return compileOnce(
    compiled,
    shared ? 1 : 0,
    () => decodeBase64(shared ? SHARED_KERNELS_WASM : KERNELS_WASM),
    given,
  );
}

/** Copies the tables the step kernel reads to byte address `at` of `buffer`. */
export function writeStepTables(buffer: ArrayBufferLike, at: number): void {
  const { threshold, scale, height } = zigguratTables();
  new Int32Array(buffer, at, 256).set(threshold);
  new Float64Array(buffer, at + 1024, 256).set(scale);
  new Float64Array(buffer, at + 3072, 256).set(height);
  new Float64Array(buffer, at + 5120, 17).set(INVERSE_FACTORIALS);
  new Float64Array(buffer, at + 5256, 14).set(INVERSE_ODD);
}

/** Writes the descriptor of a network laid out by `layout`, stepped by dt, with or without noise. */
export function writeStepDescriptor(
  buffer: ArrayBufferLike,
  layout: KernelLayout,
  dt: number,
  noise: boolean,
): void {
  const words = new Int32Array(buffer, layout.descriptor, 14);
  const { n, input, v, u, a, b, c, d, noiseScale, streams, tables, weights, fired } = layout;
  words.set([
    n,
    input,
    v,
    u,
    a,
    b,
    c,
    d,
    noiseScale,
    streams,
    tables,
    weights,
    noise ? 1 : 0,
    fired,
  ]);
  new Float64Array(buffer, layout.descriptor + 56, 3).set([dt, dt / 2, 1 / dt]);
}

type Exports = Record<
  | 'begin'
  | 'beginList'
  | 'finish'
  | 'finishList'
  | 'noise'
  | 'threshold'
  | 'thresholdList'
  | 'step'
  | 'uniforms',
  (...args: number[]) => number
>;

/**
 * Instantiates the step module over `memory` with the SIMD kernels' instance's functions, and the
 * thread steps module (`threads`, on a shared memory) over the step's.
 */
export function bindStep(
  module: KernelModule | null,
  memory: KernelMemory,
  kernels: object,
  layout: KernelLayout,
  threads: KernelModule | null = null,
): BoundStep {
  if (module === null) throw new Error('the step kernel does not compile here');
  const instance = new WebAssembly.Instance(module as WebAssembly.Module, {
    env: { memory: memory as WebAssembly.Memory },
    kernels: kernels as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as Exports;
  const { begin, beginList, finish, finishList, noise, threshold, thresholdList } = exports;
  const { step, uniforms } = exports;
  const descriptor = layout.descriptor;
  const generator = descriptor + 80;
  const words = new Int32Array(memory.buffer, generator, 4);
  return {
    begin: (from, to, out) => begin(descriptor, from, to, out),
    beginList: (from, to, list, count) => beginList(descriptor, from, to, list, count),
    finish: (fired, count, from, to) => {
      finish(descriptor, fired, count, from, to);
    },
    finishList: (fired, count, from, to, out) =>
      finishList(descriptor, fired, count, from, to, out),
    noise: (from, to) => void noise(descriptor, from, to),
    threshold: (from, to, out) => threshold(descriptor, from, to, out),
    thresholdList: (list, count) => thresholdList(descriptor, list, count),
    step: () => step(descriptor),
    threadSteps:
      threads === null ? undefined : bindThreadSteps(threads, memory, exports, descriptor),
    uniforms: (random, target, count, multiplier) => {
      random.drawThrough(words, () => {
        uniforms(generator, target, count, multiplier / 4294967296);
      });
    },
  };
}
