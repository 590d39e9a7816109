/**
 * Builds the network of [2003]: the populations' random parameters, the all-to-all weights and
 * the initial state, as struct-of-arrays typed arrays.
 *
 * Draw order (fixed, so that a seed means the same network everywhere): one r per neuron for
 * i = 0 … N − 1, then the weights column by column (j = 0 … N − 1, and within a column
 * i = 0 … N − 1), then, at every step, one normal number per neuron for i = 0 … N − 1. This is
 * MATLAB's storage order in the paper's code. Parameters or weights given in the options are not
 * drawn, and their draws are skipped.
 */
import type { ResolvedNetworkOptions } from './options.js';
import type { NetworkRandom } from './random.js';
import { createSimdKernels, type SimdKernels } from './simd.js';

/** Standard deviation of the thalamic input of an excitatory neuron, [2003]. */
export const EXCITATORY_NOISE = 5;
/** Standard deviation of the thalamic input of an inhibitory neuron, [2003]. */
export const INHIBITORY_NOISE = 2;

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
  /** WebAssembly SIMD kernels over these same arrays, where the engine has them. */
  readonly simd: SimdKernels | undefined;
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
  options: Pick<ResolvedNetworkOptions, 'n' | 'ne' | 'neurons'>,
  random: NetworkRandom,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  d: Float64Array,
): void {
  const { n, ne } = options;
  if (options.neurons === undefined) {
    for (let i = 0; i < n; i++) {
      const r = random.uniform();
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
  options: Pick<ResolvedNetworkOptions, 'n' | 'ne' | 'dt' | 'v0' | 'noise'>,
  b: Float64Array,
  v: Float64Array,
  u: Float64Array,
  noiseScale: Float64Array,
): void {
  const { n, ne, dt, v0 } = options;
  for (let i = 0; i < n; i++) {
    v[i] = typeof v0 === 'number' ? v0 : (v0[i] as number);
    u[i] = (b[i] as number) * (v[i] as number);
  }
  if (options.noise) {
    const root = Math.sqrt(dt);
    for (let i = 0; i < n; i++)
      noiseScale[i] = (i < ne ? EXCITATORY_NOISE : INHIBITORY_NOISE) / root;
  }
}

/** Allocates and fills the state, drawing from `random` in the documented order. */
export function buildNetwork(options: ResolvedNetworkOptions, random: NetworkRandom): NetworkState {
  const { n, ne } = options;
  const simd = options.simd ? createSimdKernels(n) : undefined;
  const a = simd?.a ?? new Float64Array(n);
  const b = simd?.b ?? new Float64Array(n);
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  drawNeuronParameters(options, random, a, b, c, d);

  const weights = simd?.weights ?? new Float32Array(n * n);
  if (options.weights === undefined) {
    const scales = weightScales(ne, options.ni, options.scale);
    for (let j = 0; j < n; j++) {
      const multiplier = j < ne ? 0.5 * scales.excitatory : -scales.inhibitory;
      random.fillUniform(weights, j * n, (j + 1) * n, multiplier);
    }
  } else {
    const given = options.weights;
    for (let k = 0; k < n * n; k++) weights[k] = given[k] as number;
  }

  const v = simd?.v ?? new Float64Array(n);
  const u = simd?.u ?? new Float64Array(n);
  const noiseScale = new Float64Array(n);
  initialState(options, b, v, u, noiseScale);

  return {
    n,
    ne,
    a,
    b,
    c,
    d,
    v,
    u,
    input: simd?.input ?? new Float64Array(n),
    noiseScale,
    weights,
    fired: simd?.fired ?? new Int32Array(n),
    firedCount: 0,
    simd,
  };
}
