/**
 * Builds the network of [2003]: the populations' random parameters, the all-to-all weights and
 * the initial state, as struct-of-arrays typed arrays.
 *
 * Draw order (fixed, so that a seed means the same network everywhere): one r per neuron for
 * i = 0 … N − 1, then the weights column by column (j = 0 … N − 1, and within a column
 * i = 0 … N − 1), then, at every step, one normal number per neuron for i = 0 … N − 1. This is
 * MATLAB's storage order in the paper's code. Parameters or weights given in the options are not
 * drawn, and their draws are skipped. The thalamic noise comes from separate streams, one per block
 * of 256 neurons (`seedNoiseStreams`), so that threads can draw it side by side.
 */
import type { ResolvedNetworkOptions } from './options.js';
import { noiseStreamWords, seedNoiseStreams, type NetworkRandom } from './random.js';
import {
  createSimdKernels,
  firedSlotAddress,
  kernelLayout,
  layoutArrays,
  type KernelLayout,
  type KernelMemory,
  type SimdKernels,
} from './simd.js';
import { writeStepDescriptor } from './step-kernel.js';

/** The state of a network: one typed array per variable, length N, plus the weights. */
export interface NetworkState {
  /** N = Ne + Ni. */
  readonly n: number;
  readonly ne: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
  /** Membrane potential v (mV). */
  readonly v: Float64Array;
  /** Recovery variable u. */
  readonly u: Float64Array;
  /** Input I of the current step: thalamic noise, then plus the synaptic charge. */
  readonly input: Float64Array;
  /** σᵢ/√dt: the thalamic noise of neuron i is this times a standard normal number. */
  readonly noiseScale: Float64Array;
  /**
   * Weights S[i][j] (onto i, from j) column by column: `weights[j·N + i]`, so that delivering a
   * spike of j reads one contiguous block of N values.
   */
  readonly weights: Float32Array;
  /** Indices of the neurons that fired this step, in `fired[0 … firedCount)`. */
  readonly fired: Int32Array;
  firedCount: number;
  /** Byte address of `fired` in the kernels' memory (0 without kernels). */
  readonly firedAddress: number;
  /** The thalamic noise generators: four int32 words per block of 256 neurons. */
  readonly noiseStreams: Int32Array;
  /** WebAssembly SIMD kernels over these same arrays, where the engine has them. */
  readonly simd: Pick<SimdKernels, 'kernels'> | undefined;
}

/**
 * Where a network run on several threads keeps its state: the kernels' layout in one shared
 * buffer (a shared WebAssembly memory with the kernels, a SharedArrayBuffer without), with a fired
 * list per thread and two for the threads' own spikes.
 */
export interface SharedNetworkMemory {
  readonly layout: KernelLayout;
  readonly memory: KernelMemory | undefined;
  readonly buffer: SharedArrayBuffer;
}

/** The view of a thread of a shared network state: its own fired list (slot) and kernels. */
export function sharedStateView(
  shared: SharedNetworkMemory,
  n: number,
  ne: number,
  slot: number,
  simd: Pick<SimdKernels, 'kernels'> | undefined,
): NetworkState {
  const arrays = layoutArrays(shared.buffer, shared.layout);
  const address = firedSlotAddress(shared.layout, slot);
  return {
    n,
    ne,
    ...arrays,
    fired: new Int32Array(shared.buffer, address, n),
    firedCount: 0,
    firedAddress: address,
    simd,
  };
}

/** Allocates a network's state on shared memory for `parties` threads. */
function allocateShared(n: number, simd: boolean, parties: number) {
  const slots = parties + 2;
  const kernels = simd ? createSimdKernels(n, true, slots, parties) : undefined;
  const layout = kernels?.layout ?? kernelLayout(n, slots, parties);
  const buffer =
    (kernels?.memory.buffer as SharedArrayBuffer | undefined) ??
    new SharedArrayBuffer(layout.bytes);
  const shared: SharedNetworkMemory = { layout, memory: kernels?.memory, buffer };
  return { shared, kernels };
}

/** Factors that keep the paper's drive at any size: 800/Ne and 200/Ni, or 1 and 1 unscaled. */
export function weightScales(
  ne: number,
  ni: number,
  scale: boolean,
): { excitatory: number; inhibitory: number } {
  return {
    excitatory: scale && ne > 0 ? 800 / ne : 1,
    inhibitory: scale && ni > 0 ? 200 / ni : 1,
  };
}

/**
 * Fills a, b, c, d: one r ~ U(0, 1) per neuron in index order (excitatory c = −65 + 15r²,
 * d = 8 − 6r²; inhibitory a = 0.02 + 0.08r, b = 0.25 − 0.05r), or the parameters given.
 */
export function drawNeuronParameters(
  options: Pick<ResolvedNetworkOptions, 'n' | 'ne' | 'neurons' | 'heterogeneity'>,
  random: NetworkRandom,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  d: Float64Array,
): void {
  const { n, ne } = options;
  if (options.neurons === undefined) {
    for (let i = 0; i < n; i++) {
      // Without heterogeneity r is still drawn (the weights stay those of the seed), then set to 0.
      const drawn = random.uniform();
      const r = options.heterogeneity ? drawn : 0;
      if (i < ne) {
        a[i] = 0.02;
        b[i] = 0.2;
        c[i] = -65 + 15 * r * r;
        d[i] = 8 - 6 * r * r;
      } else {
        a[i] = 0.02 + 0.08 * r;
        b[i] = 0.25 - 0.05 * r;
        c[i] = -65;
        d[i] = 2;
      }
    }
  } else {
    a.set(Array.from(options.neurons.a));
    b.set(Array.from(options.neurons.b));
    c.set(Array.from(options.neurons.c));
    d.set(Array.from(options.neurons.d));
  }
}

/** v = v0, u = b·v0, and the noise scales σᵢ/√dt (0 with the noise off). */
export function initialState(
  options: Pick<
    ResolvedNetworkOptions,
    'n' | 'ne' | 'dt' | 'v0' | 'noise' | 'excitatoryNoise' | 'inhibitoryNoise'
  >,
  b: Float64Array,
  v: Float64Array,
  u: Float64Array,
  noiseScale: Float64Array,
): void {
  const { n, ne, dt } = options;
  const v0 = options.v0;
  for (let i = 0; i < n; i++) {
    v[i] = typeof v0 === 'number' ? v0 : (v0[i] as number);
    u[i] = (b[i] as number) * (v[i] as number);
  }

  if (options.noise) {
    const root = Math.sqrt(dt);
    for (let i = 0; i < n; i++)
      noiseScale[i] = (i < ne ? options.excitatoryNoise : options.inhibitoryNoise) / root;
  }
}

/**
 * Allocates and fills the state, drawing from `random` in the documented order; on shared memory
 * (returned with the state) when `parties` > 1 threads are to run it.
 */
export function buildNetwork(
  options: ResolvedNetworkOptions,
  random: NetworkRandom,
  parties = 1,
): NetworkState & { readonly shared?: SharedNetworkMemory } {
  const { n, ne } = options;
  let state: NetworkState;
  let shared: SharedNetworkMemory | undefined;
  if (parties > 1) {
    const allocated = allocateShared(n, options.simd, parties);
    shared = allocated.shared;
    state = sharedStateView(shared, n, ne, 0, allocated.kernels);
  } else {
    const simd = options.simd ? createSimdKernels(n) : undefined;
    state = {
      n,
      ne,
      a: simd?.a ?? new Float64Array(n),
      b: simd?.b ?? new Float64Array(n),
      c: simd?.c ?? new Float64Array(n),
      d: simd?.d ?? new Float64Array(n),
      v: simd?.v ?? new Float64Array(n),
      u: simd?.u ?? new Float64Array(n),
      input: simd?.input ?? new Float64Array(n),
      noiseScale: simd?.noiseScale ?? new Float64Array(n),
      weights: simd?.weights ?? new Float32Array(n * n),
      fired: simd?.fired ?? new Int32Array(n),
      firedCount: 0,
      firedAddress: simd?.layout.fired ?? 0,
      noiseStreams: simd?.noiseStreams ?? new Int32Array(noiseStreamWords(n)),
      simd,
    };
  }
  const { a, b, c, d, v, u, weights, noiseScale } = state;
  drawNeuronParameters(options, random, a, b, c, d);

  if (options.weights === undefined) {
    // drawn in WebAssembly where the kernels are: compiled code from the first column
    const kernels = state.simd?.kernels;
    const scales = weightScales(ne, options.ni, options.scale);
    for (let j = 0; j < n; j++) {
      const multiplier =
        j < ne
          ? options.excitatoryWeight * scales.excitatory
          : -options.inhibitoryWeight * scales.inhibitory;
      if (kernels === undefined) random.fillUniform(weights, j * n, (j + 1) * n, multiplier);
      else kernels.uniforms(random, weights.byteOffset + 4 * j * n, n, multiplier);
    }
  } else {
    const given = options.weights;
    for (let k = 0; k < n * n; k++) weights[k] = given[k] as number;
  }

  initialState(options, b, v, u, noiseScale);
  seedNoiseStreams(state.noiseStreams, options.seed);
  if (state.simd !== undefined) {
    const layout = shared?.layout ?? kernelLayout(n);
    writeStepDescriptor(state.input.buffer, layout, options.dt, options.noise);
  }
  return shared === undefined ? state : { ...state, shared };
}
