/**
 * The polychronization network of [2006] (spnet.m, poly_spnet.cpp): its state as flat typed
 * arrays, and how it is built from the one seeded generator.
 *
 * Random draws, in this order: the targets of neuron 0's synapses m = 0 … M − 1, then neuron 1's,
 * … neuron N − 1's (`matlab`: one draw each; `cpp`: a draw is repeated while it hits the neuron
 * itself or an earlier target); `cpp` only: v0 of neurons 0 … N − 1; then, every millisecond, one
 * draw for the neuron that gets the input of 20.
 */
import { NetworkRandom } from '../network/random.js';
import {
  delayedSynapses,
  incomingSynapses,
  type DelayedSynapses,
  type IncomingSynapses,
} from '../synapses/delayed-synapses.js';
import { intoKernelMemory, type PolychronKernels } from './kernels.js';
import {
  resolvePolychronOptions,
  type PolychronOptions,
  type ResolvedPolychronOptions,
} from './options.js';

/** Value of the trace P of a neuron in the millisecond it fires. */
export const TRACE_AT_SPIKE = 0.1;
/** poly_spnet.cpp's depression trace LTD at a spike. */
export const LTD_AT_SPIKE = 0.12;
/** Decay of both traces per millisecond (τ = 20 ms). */
export const TRACE_DECAY = 0.95;
/** spnet.m's depression factor: sd −= 1.2·P(target). */
export const DEPRESSION_FACTOR = 1.2;
/** `lastSpike` of a neuron that has not fired. */
export const NEVER_FIRED = -(2 ** 30);

/**
 * poly_spnet.cpp's LTD k ms after a spike: 0.12, then ×0.95 per ms. In binary floating point the
 * products end on the smallest subnormal number, which ×0.95 rounds back to itself: the table
 * stops there (about 14 600 values) and later ages read its last value.
 */
export const LTD_TABLE: Float64Array = (() => {
  const values = [LTD_AT_SPIKE];
  for (;;) {
    const last = values[values.length - 1] as number;
    const next = last * TRACE_DECAY;
    if (next === last) break;
    values.push(next);
  }
  return Float64Array.from(values);
})();

/** Weight of an excitatory synapse at the start and of every inhibitory one. */
export const INITIAL_EXCITATORY_WEIGHT = 6;
export const INHIBITORY_WEIGHT = -5;
/** The random input: one neuron per millisecond gets this current. */
export const THALAMIC_INPUT = 20;

/** The whole state of the network: what a checkpoint saves. */
export interface PolychronState {
  readonly options: ResolvedPolychronOptions;
  readonly n: number;
  /** Recovery rate a and reset increment d per neuron (b = 0.2 and c = −65 for all). */
  readonly a: Float64Array;
  readonly d: Float64Array;
  readonly v: Float64Array;
  readonly u: Float64Array;
  /** The input of the current millisecond. */
  readonly input: Float64Array;
  readonly synapses: DelayedSynapses;
  /** Weight s and its accumulated change sd per synapse, in the store's order. */
  readonly weight: Float64Array;
  readonly weightChange: Float64Array;
  /**
   * spnet.m assigns I(ind) = I(ind) + s(del) for one delay's synapses at once, so when a target
   * repeats within them only the last of those synapses counts: 1 marks the synapses it shadows.
   */
  readonly shadowed: Uint8Array;
  /** Excitatory incoming synapses of every neuron (for potentiation). */
  readonly incoming: IncomingSynapses;
  /**
   * The trace P of the last D + 1 milliseconds, each value twice: P_i(τ) at slot·N + i and at
   * (slot + D + 1)·N + i, slot = τ mod (D + 1), so that P(t − δ) is at (t mod (D + 1) + D + 1 − δ)·N
   * + i with no wrap-around.
   */
  readonly trace: Float64Array;
  /** `traceOffset[k]` = (D + 1 − δ)·N + pre for the incoming synapse k: its P(t − δ) read. */
  readonly traceOffset: Int32Array;
  /**
   * The millisecond each neuron last fired (−2³⁰ before its first spike): poly_spnet.cpp's LTD,
   * 0.12 at a spike and ×0.95 per ms, is `LTD_TABLE[t − lastSpike]`, the same products.
   */
  readonly lastSpike: Int32Array;
  /** The neurons that fired in the last D milliseconds: slot (t mod D)·N + k, with counts. */
  readonly firedRing: Int32Array;
  readonly firedCount: Int32Array;
  /** Milliseconds simulated so far; the next step is millisecond `time`. */
  time: number;
  random: NetworkRandom;
  /**
   * The millisecond's loops in WebAssembly (`kernels.wat`) over the arrays above, which then live
   * in one WebAssembly memory; null where WebAssembly SIMD is missing: the JavaScript loops run.
   */
  readonly kernels: PolychronKernels | null;
}

/** Builds the network of the options: neurons, synapses, weights, the start state. */
export function buildPolychronNetwork(options: PolychronOptions = {}): PolychronState {
  const resolved = resolvePolychronOptions(options);
  const { ne, ni, synapsesPerNeuron: m, variant } = resolved;
  const n = ne + ni;
  const random = new NetworkRandom(resolved.seed);
  const targets = new Int32Array(n * m);
  for (let j = 0; j < n; j++) {
    const range = j < ne ? n : ne;
    for (let k = 0; k < m; k++) {
      let target: number;
      if (variant === 'cpp') {
        for (;;) {
          target = Math.floor(range * random.uniform());
          let exists = target === j;
          for (let q = 0; q < k && !exists; q++) exists = targets[j * m + q] === target;
          if (!exists) break;
        }
      } else {
        target = Math.floor(range * random.uniform());
      }
      targets[j * m + k] = target;
    }
  }
  const v = new Float64Array(n).fill(-65);
  if (variant === 'cpp') for (let i = 0; i < n; i++) v[i] = -65 + 10 * random.uniform();
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = 0.2 * (v[i] as number);
  return assembleState(resolved, targets, v, u, random);
}

/** The delay of synapse k (0-based) of a neuron: ⌈(k + 1)·D/M⌉ if excitatory, 1 if inhibitory. */
export function synapseDelay(k: number, excitatory: boolean, m: number, maxDelay: number): number {
  return excitatory ? Math.ceil(((k + 1) * maxDelay) / m) : 1;
}

/**
 * The state of a network with the given targets (`targets[j·M + k]`, synapse k of neuron j) and
 * start values, weights at their initial values and traces at zero.
 */
export function assembleState(
  options: ResolvedPolychronOptions,
  targets: Int32Array,
  v: Float64Array,
  u: Float64Array,
  random: NetworkRandom,
): PolychronState {
  const { ne, ni, synapsesPerNeuron: m, maxDelay } = options;
  const n = ne + ni;
  const pre = new Int32Array(n * m);
  const delay = new Int32Array(n * m);
  const weight = new Float64Array(n * m);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < m; k++) {
      pre[j * m + k] = j;
      delay[j * m + k] = synapseDelay(k, j < ne, m, maxDelay);
      weight[j * m + k] = j < ne ? INITIAL_EXCITATORY_WEIGHT : INHIBITORY_WEIGHT;
    }
  }
  const synapses = delayedSynapses(n, maxDelay, pre, targets, delay);
  const incoming = incomingSynapses(synapses, 0, ne);
  const a = new Float64Array(n);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = i < ne ? 0.02 : 0.1;
    d[i] = i < ne ? 8 : 2;
  }
  const arrays = {
    v,
    u,
    a,
    d,
    input: new Float64Array(n),
    trace: new Float64Array(2 * (maxDelay + 1) * n),
    weight,
    weightChange: new Float64Array(n * m),
    lastSpike: new Int32Array(n).fill(NEVER_FIRED),
    firedRing: new Int32Array(maxDelay * n),
    firedCount: new Int32Array(maxDelay),
    shadowed: options.variant === 'matlab' ? shadowedSynapses(synapses) : new Uint8Array(n * m),
    traceOffset: traceOffsets(incoming, maxDelay, n),
    target: synapses.target,
    groupStart: synapses.groupStart,
    incomingStart: incoming.start,
    incomingSynapse: incoming.synapse,
    ltd: LTD_TABLE,
  };
  const placed = intoKernelMemory(arrays, { n, ne, maxDelay, variant: options.variant });
  const p = placed?.arrays ?? arrays;
  return {
    options,
    n,
    a: p.a,
    d: p.d,
    v: p.v,
    u: p.u,
    input: p.input,
    synapses: { ...synapses, target: p.target, groupStart: p.groupStart },
    weight: p.weight,
    weightChange: p.weightChange,
    shadowed: p.shadowed,
    incoming: { ...incoming, start: p.incomingStart, synapse: p.incomingSynapse },
    trace: p.trace,
    traceOffset: p.traceOffset,
    lastSpike: p.lastSpike,
    firedRing: p.firedRing,
    firedCount: p.firedCount,
    time: 0,
    random,
    kernels: placed?.kernels ?? null,
  };
}

function traceOffsets(incoming: IncomingSynapses, maxDelay: number, n: number): Int32Array {
  const offsets = new Int32Array(incoming.synapse.length);
  for (let k = 0; k < offsets.length; k++) {
    offsets[k] =
      (maxDelay + 1 - (incoming.delay[k] as number)) * n + (incoming.source[k] as number);
  }
  return offsets;
}

/** Marks each synapse whose target repeats later within the same neuron and delay. */
function shadowedSynapses(synapses: DelayedSynapses): Uint8Array {
  const { n, maxDelay, groupStart, target } = synapses;
  const shadowed = new Uint8Array(target.length);
  for (let g = 0; g < n * maxDelay; g++) {
    const end = groupStart[g + 1] as number;
    for (let s = groupStart[g] as number; s < end; s++) {
      for (let q = s + 1; q < end; q++) {
        if (target[q] === target[s]) {
          shadowed[s] = 1;
          break;
        }
      }
    }
  }
  return shadowed;
}
