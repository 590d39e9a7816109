/**
 * Builds a sparse network (SPEC §8): the parameters and initial state of [2003], and K incoming
 * synapses per neuron stored by presynaptic neuron (`DelayedSynapses` with one delay, 1 ms: a
 * spike's deliveries are one contiguous run), targets ascending within each run.
 *
 * Draw order (fixed, so that a seed means the same network everywhere): one r per neuron for
 * i = 0 … N − 1 (as the dense network); then the sources, neuron by neuron (i = 0 … N − 1), each
 * its Ke excitatory sources ⌊U·Ne⌋ then its K − Ke inhibitory sources Ne + ⌊U·Ni⌋ (uniform, with
 * replacement); then the weights, in the same order as the sources: wₑ·U·800/Ke excitatory,
 * −wᵢ·U·200/(K − Ke) inhibitory (wₑ = 0.5 and wᵢ = 1 as in [2003]: `excitatoryWeight`,
 * `inhibitoryWeight`). The sources are drawn twice from the same state (once to count each
 * neuron's outgoing synapses, once to place them), so that no list of N·K sources is ever held.
 */
import {
  countedSynapses,
  synapseTargets,
  targetBytes,
  type DelayedSynapses,
} from '../synapses/delayed-synapses.js';
import { drawNeuronParameters, initialState, type NetworkState } from '../network/build.js';
import { NetworkRandom } from '../network/random.js';
import { sparseWeightScales, type ResolvedSparseOptions } from './options.js';
import { SparseArena } from './arena.js';
import { buildKernels, type SparseMemory } from './kernels.js';

/** Postsynaptic indices of a sparse network: the narrowest unsigned type that holds N − 1. */
export type SparseTargets = Uint8Array | Uint16Array | Uint32Array;

/** The state of a sparse network: the dense network's neuron arrays, length N, and the synapses. */
export interface SparseNetworkState extends Pick<
  NetworkState,
  'n' | 'ne' | 'a' | 'b' | 'c' | 'd' | 'v' | 'u' | 'input' | 'noiseScale' | 'simd'
> {
  /** Outgoing synapses by presynaptic neuron, targets ascending within each neuron. */
  readonly synapses: DelayedSynapses<SparseTargets>;
  /** Weight of each synapse of the store (mV of charge), in the store's order. */
  readonly weights: Float32Array;
}

export { sparseBuffer } from './arena.js';

/**
 * Told how far the synapses' draws are: `fraction` (0 … 1) of the sources counted
 * (`counting`), then of the targets and weights placed (`placing`).
 */
export type SparseBuildProgress = (phase: 'counting' | 'placing', fraction: number) => void;

/** Neurons drawn between two reports of the build's progress. */
export const PROGRESS_EVERY = 1024;

/** The source of synapse s of a neuron: excitatory for s < Ke, uniform over its population. */
function drawSource(random: NetworkRandom, s: number, options: ResolvedSparseOptions): number {
  const { ne, ni, excitatorySynapses: ke } = options;
  return s < ke ? Math.floor(random.uniform() * ne) : ne + Math.floor(random.uniform() * ni);
}

/** The synapse arrays to fill, and the weights' factors. */
export interface SynapseDraws {
  readonly groupStart: Int32Array;
  readonly target: SparseTargets;
  readonly weights: Float32Array;
  readonly excitatory: number;
  readonly inhibitory: number;
}

/** Draws the sources (counting them into `groupStart`), then places the targets and weights. */
function drawSynapses(
  options: ResolvedSparseOptions,
  random: NetworkRandom,
  { groupStart, target, weights, excitatory, inhibitory }: SynapseDraws,
  onProgress?: SparseBuildProgress,
): void {
  const { n, ne, synapses: k } = options;
  const sourceState = random.getState();
  for (let i = 0; i < n; i++) {
    if (i % PROGRESS_EVERY === 0) onProgress?.('counting', i / n);
    for (let s = 0; s < k; s++) {
      const j = drawSource(random, s, options);
      groupStart[j + 1] = (groupStart[j + 1] as number) + 1;
    }
  }
  cumulate(groupStart, n);
  const next = groupStart.slice(0, n);
  const sources = NetworkRandom.fromState(sourceState);
  for (let i = 0; i < n; i++) {
    if (i % PROGRESS_EVERY === 0) onProgress?.('placing', i / n);
    for (let s = 0; s < k; s++) {
      const j = drawSource(sources, s, options);
      const slot = next[j] as number;
      next[j] = slot + 1;
      target[slot] = i;
      weights[slot] = random.uniform() * (j < ne ? excitatory : inhibitory);
    }
  }
  onProgress?.('placing', 1);
}

/**
 * Neurons per call of the build's kernels: a call runs to its end in the code it started in, so
 * short calls let the engine's optimising compiler take over after the first ones.
 */
export const BUILD_CHUNK = 64;

/** groupStart[j + 1] += groupStart[j] for j = 0 … n − 1. */
export function cumulate(groupStart: Int32Array, n: number): void {
  for (let j = 0; j < n; j++) {
    groupStart[j + 1] = (groupStart[j + 1] as number) + (groupStart[j] as number);
  }
}

/**
 * `drawSynapses` in the kernels (`count`, `place`): the same draws, the same arrays. `scratch`
 * (n + 8 words in the kernels' memory) holds the two generators' words and `next`.
 */
function drawInKernels(
  options: ResolvedSparseOptions,
  random: NetworkRandom,
  { groupStart, target, weights, excitatory, inhibitory }: SynapseDraws,
  memory: SparseMemory,
  scratch: Int32Array,
  onProgress?: SparseBuildProgress,
): void {
  const { n, ne, ni, synapses: k, excitatorySynapses: ke } = options;
  const next = scratch.subarray(8);
  const kernels = buildKernels(memory, {
    k,
    ke,
    ne,
    ni,
    groupStart: groupStart.byteOffset,
    next: next.byteOffset,
    target: target.byteOffset,
    shift: Math.log2(target.BYTES_PER_ELEMENT),
    weight: weights.byteOffset,
    excitatory,
    inhibitory,
  });
  const sources = scratch.byteOffset;
  const sourceState = random.getState();
  scratch.set(sourceState, 0);
  for (let from = 0; from < n; from += BUILD_CHUNK) {
    if (from % PROGRESS_EVERY === 0) onProgress?.('counting', from / n);
    kernels.count(sources, from, Math.min(n, from + BUILD_CHUNK));
  }
  // the weights go on from where counting the sources left the generator
  scratch.copyWithin(4, 0, 4);
  scratch.set(sourceState, 0);
  cumulate(groupStart, n);
  next.set(groupStart.subarray(0, n));
  for (let from = 0; from < n; from += BUILD_CHUNK) {
    if (from % PROGRESS_EVERY === 0) onProgress?.('placing', from / n);
    kernels.place(sources, sources + 16, from, Math.min(n, from + BUILD_CHUNK));
  }
  onProgress?.('placing', 1);
  random.setState(scratch.subarray(4, 8));
}

/** A sparse network whose parameters and state are drawn, its synapses not yet. */
export interface UndrawnSparseNetwork {
  /** The state; its synapses hold nothing until drawn. */
  readonly state: SparseNetworkState;
  readonly draws: SynapseDraws;
}

/**
 * Allocates (in shared memory for threads; from `arena`, in the order of `arenaArrays`) the
 * state, draws the neurons' parameters from `random`, and allocates the synapses' arrays.
 */
export function allocateSparseNetwork(
  options: ResolvedSparseOptions,
  random: NetworkRandom,
  arena: SparseArena,
): UndrawnSparseNetwork {
  const { n, ne, synapses: k } = options;
  const vector = (): Float64Array => arena.float64(n);
  const [a, b, c, d, v, u, input, noiseScale] = [0, 1, 2, 3, 4, 5, 6, 7].map(vector) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  drawNeuronParameters(options, random, a, b, c, d);
  initialState(options, b, v, u, noiseScale);

  const count = n * k;
  const groupStart = arena.int32(n + 1);
  const target = synapseTargets(n, count, ...arena.take(count * targetBytes(n)));
  const weights = arena.float32(count);
  const scales = sparseWeightScales(options);
  const draws: SynapseDraws = {
    groupStart,
    target,
    weights,
    excitatory: options.excitatoryWeight * scales.excitatory,
    inhibitory: -options.inhibitoryWeight * scales.inhibitory,
  };
  const state: SparseNetworkState = {
    n,
    ne,
    a,
    b,
    c,
    d,
    v,
    u,
    input,
    noiseScale,
    // the dense network's kernels do not cover these arrays: its phases run their plain loops
    simd: undefined,
    synapses: { n, maxDelay: 1, target, groupStart },
    weights,
  };
  return { state, draws };
}

/**
 * Draws the synapses of `network` from `random`, in the kernels of `arena`'s memory when it has
 * one (in the memory after the arrays taken so far); `onProgress` hears how far the draws are.
 */
export function drawSparseSynapses(
  options: ResolvedSparseOptions,
  random: NetworkRandom,
  network: UndrawnSparseNetwork,
  arena: SparseArena,
  onProgress?: SparseBuildProgress,
): void {
  const { draws } = network;
  // the generators' words and `next` in the memory after the arrays, before the next are taken
  const scratch = arena.memory === undefined ? undefined : arena.scratch(options.n + 8);
  if (arena.memory !== undefined && scratch !== undefined) {
    drawInKernels(options, random, draws, arena.memory, scratch, onProgress);
  } else {
    drawSynapses(options, random, draws, onProgress);
  }
  countedSynapses(options.n, draws.groupStart, draws.target); // checks the counts
}

/**
 * Allocates (in shared memory for threads; from `arena`, in the order of `arenaArrays`, when one
 * is given) and fills the state, drawing from `random`; `onProgress` hears how far the synapses'
 * draws are.
 */
export function buildSparseNetwork(
  options: ResolvedSparseOptions,
  random: NetworkRandom,
  shared: boolean,
  arena = new SparseArena(shared),
  onProgress?: SparseBuildProgress,
): SparseNetworkState {
  const network = allocateSparseNetwork(options, random, arena);
  drawSparseSynapses(options, random, network, arena, onProgress);
  return network.state;
}
