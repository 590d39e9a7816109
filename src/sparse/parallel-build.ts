/**
 * A sparse network's synapses drawn by the run's threads, each for a range of postsynaptic
 * neurons, giving the synapses one thread draws (`drawSparseSynapses`), bit for bit. Every draw
 * comes from one generator in a fixed order and takes one step of it, so a thread starts its
 * generators where its range's first draws are (`xoroshiroAdvance`): neuron i's sources i·K
 * draws in, its weights N·K + i·K. Each thread counts its sources into a histogram of its own;
 * at a barrier the first thread sums them, giving each thread, for each presynaptic neuron, the
 * first slot of its synapses (the ranges are in order, so targets stay ascending); then each
 * places its synapses with the build's `count` and `place` kernels, which take a range already.
 */
import { barrier, controlWords } from '../network/parallel.js';
import { xoroshiroAdvance, type NetworkRandom } from '../network/random.js';
import { countedSynapses } from '../synapses/delayed-synapses.js';
import {
  BUILD_CHUNK,
  PROGRESS_EVERY,
  type SparseBuildProgress,
  type UndrawnSparseNetwork,
} from './build.js';
import { buildKernels, type SparseMemory, type SynapseDrawing } from './kernels.js';
import { sparseBuffer } from './arena.js';
import type { ResolvedSparseOptions } from './options.js';
import { serveSteps, threadPart, type SparseThreadInit } from './parallel.js';

/** One thread's part of the draws (structured-cloneable). */
export interface SynapseDrawPart {
  /** The kernels' arguments, `groupStart` and `next` both at this thread's histogram. */
  readonly drawing: SynapseDrawing;
  /** Byte addresses of this thread's source and weight generators (four int32 words each). */
  readonly sources: number;
  readonly weights: number;
  readonly from: number;
  readonly to: number;
  /** The barrier of the threads that draw. */
  readonly control: Int32Array;
  readonly parties: number;
}

/** Int32 words of scratch memory the draws of n neurons on `parties` threads take. */
export const parallelDrawWords = (n: number, parties: number): number =>
  parties * (histogramWords(n) + 8);

/** A histogram of n + 1 words (n for `next`), rounded up to 16 bytes. */
const histogramWords = (n: number): number => 4 * Math.ceil((n + 1) / 4);

/** The first thread's view of the draws: every part, and its own steps between the passes. */
export interface ParallelDraw {
  readonly parts: readonly SynapseDrawPart[];
  /** Between counting and placing: the first slot of each thread in each run, the sources again. */
  readonly sum: () => void;
  /** After placing: checks the counts and leaves `random` where one thread's draws leave it. */
  readonly finish: () => void;
}

/**
 * Plans the draws of `network`'s synapses on `parties` threads, in `scratch`
 * (`parallelDrawWords` int32 words of the kernels' memory that nothing uses until the draws
 * are done), starting from `random`.
 */
export function planParallelDraw(
  options: ResolvedSparseOptions,
  random: NetworkRandom,
  network: UndrawnSparseNetwork,
  scratch: Int32Array,
  parties: number,
): ParallelDraw {
  const { n, ne, ni, synapses: k, excitatorySynapses: ke } = options;
  const { groupStart, target, weights, excitatory, inhibitory } = network.draws;
  const stride = histogramWords(n);
  const histograms = Array.from({ length: parties }, (_, t) =>
    scratch.subarray(t * stride, t * stride + n + 1),
  );
  const generators = scratch.subarray(parties * stride, parties * stride + 8 * parties);
  const start = Int32Array.from(random.getState());
  const from = (t: number): number => Math.floor((t * n) / parties);
  const moved = (draws: number): Int32Array => {
    const words = start.slice();
    xoroshiroAdvance(words, 0, draws);
    return words;
  };
  const sourceStarts = Array.from({ length: parties }, (_, t) => moved(from(t) * k));
  const setSources = (): void => sourceStarts.forEach((words, t) => generators.set(words, 8 * t));
  scratch.fill(0, 0, parties * stride);
  setSources();
  for (let t = 0; t < parties; t++) generators.set(moved(n * k + from(t) * k), 8 * t + 4);
  const control = new Int32Array(sparseBuffer(4 * controlWords(parties), true));
  const parts = histograms.map((histogram, t): SynapseDrawPart => ({
    drawing: {
      k,
      ke,
      ne,
      ni,
      groupStart: histogram.byteOffset,
      next: histogram.byteOffset,
      target: target.byteOffset,
      shift: Math.log2(target.BYTES_PER_ELEMENT),
      weight: weights.byteOffset,
      excitatory,
      inhibitory,
    },
    sources: generators.byteOffset + 32 * t,
    weights: generators.byteOffset + 32 * t + 16,
    from: from(t),
    to: from(t + 1),
    control,
    parties,
  }));
  return {
    parts,
    sum: () => {
      // thread t counted source j at histogram[j + 1]; its first slot goes to histogram[j]
      let slot = 0;
      groupStart[0] = 0;
      for (let j = 0; j < n; j++) {
        for (const histogram of histograms) {
          const count = histogram[j + 1] as number;
          histogram[j] = slot;
          slot += count;
        }
        groupStart[j + 1] = slot;
      }
      setSources();
    },
    finish: () => {
      countedSynapses(n, groupStart, target);
      const last = 8 * (parties - 1) + 4;
      random.setState(generators.subarray(last, last + 4));
    },
  };
}

/**
 * drawPart(memory, part): one thread's draws, between the other threads' at three barriers;
 * the first thread passes `sum` (run between counting and placing) and may hear its progress.
 */
export function drawPart(
  memory: SparseMemory,
  part: SynapseDrawPart,
  sum?: () => void,
  onProgress?: SparseBuildProgress,
): void {
  const { from, to, sources, weights, control, parties } = part;
  const kernels = buildKernels(memory, part.drawing);
  const span = Math.max(1, to - from);
  for (let i = from; i < to; i += BUILD_CHUNK) {
    if ((i - from) % PROGRESS_EVERY === 0) onProgress?.('counting', (i - from) / span);
    kernels.count(sources, i, Math.min(to, i + BUILD_CHUNK));
  }
  barrier(control, parties);
  sum?.();
  barrier(control, parties);
  for (let i = from; i < to; i += BUILD_CHUNK) {
    if ((i - from) % PROGRESS_EVERY === 0) onProgress?.('placing', (i - from) / span);
    kernels.place(sources, weights, i, Math.min(to, i + BUILD_CHUNK));
  }
  barrier(control, parties);
  onProgress?.('placing', 1);
}

/**
 * What a sparse network's thread is started with: its part of the steps and, when the threads
 * draw the synapses, its part of the draws.
 */
export interface SparseThreadStart {
  readonly init: SparseThreadInit;
  readonly draw?: SynapseDrawPart;
}

/**
 * runSparseThread(start, ready): a sparse network thread's life: prepares its part, calls `ready`,
 * takes its part of the draws, then serves steps until told to exit.
 */
export function runSparseThread(start: SparseThreadStart, ready: () => void): void {
  const part = threadPart(start.init);
  ready();
  const { memory } = start.init;
  if (start.draw !== undefined && memory !== undefined) drawPart(memory, start.draw);
  serveSteps(part);
}
