/**
 * The five phases of one network step of [2003] in the order the paper's code takes them:
 * thalamic input, threshold and reset, synaptic delivery, the two half-steps of v, and u.
 * Each reads and writes the struct-of-arrays state in place and allocates nothing.
 */
import type { NetworkState } from './build.js';
import { fillNoise } from './random.js';

/** Spike cut-off of the network (mV): a neuron fires at the step where it starts at v ≥ 30. */
export const NETWORK_VPEAK = 30;

/**
 * Phase 1. Thalamic input: Iᵢ = (σᵢ/√dt)·N(0, 1) for the neurons i of [from, to), each block of
 * neurons drawing from its own stream (`fillNoise`); Iᵢ = 0 with the noise off.
 */
export function thalamicInput(
  state: NetworkState,
  noise: boolean,
  from = 0,
  to: number = state.n,
): void {
  const { input, noiseScale } = state;
  if (!noise) {
    input.fill(0, from, to);
    return;
  }
  fillNoise(state.noiseStreams, input, noiseScale, from, to);
}

/**
 * Phase 2 for the neurons of [from, to): every neuron with v ≥ 30 goes into `out[at …]`, in index
 * order, then v ← c and u ← u + d. Returns the number fired, or −1 when some v is NaN or infinite
 * (the run diverged).
 */
export function thresholdRange(
  state: Pick<NetworkState, 'v' | 'u' | 'c' | 'd'>,
  from: number,
  to: number,
  out: Int32Array,
  at: number,
): number {
  const { v, u, c, d } = state;
  let count = 0;
  for (let i = from; i < to; i++) {
    const vi = v[i] as number;
    if (vi >= NETWORK_VPEAK) {
      if (vi === Infinity) return -1;
      out[at + count++] = i;
      v[i] = c[i] as number;
      u[i] = (u[i] as number) + (d[i] as number);
    } else if (!(vi > -Infinity)) {
      return -1;
    }
  }
  return count;
}

/**
 * Phase 2. Threshold and reset: every neuron with v ≥ 30 goes into `fired`, then v ← c and
 * u ← u + d. Returns the number fired, or −1 when some v is NaN or infinite (the run diverged).
 */
export function thresholdAndReset(state: NetworkState): number {
  const count = thresholdRange(state, 0, state.n, state.fired, 0);
  if (count >= 0) state.firedCount = count;
  return count;
}

/** Iᵢ += (S[i][j₁] + … + S[i][j₈])·charge for the fired columns f … f + 7, neurons from … to − 1. */
function addEightColumns(
  state: NetworkState,
  f: number,
  from: number,
  to: number,
  charge: number,
): void {
  const { weights, fired, input, n } = state;
  const c0 = (fired[f] as number) * n;
  const c1 = (fired[f + 1] as number) * n;
  const c2 = (fired[f + 2] as number) * n;
  const c3 = (fired[f + 3] as number) * n;
  const c4 = (fired[f + 4] as number) * n;
  const c5 = (fired[f + 5] as number) * n;
  const c6 = (fired[f + 6] as number) * n;
  const c7 = (fired[f + 7] as number) * n;
  for (let i = from; i < to; i++) {
    const sum =
      (weights[c0 + i] as number) +
      (weights[c1 + i] as number) +
      ((weights[c2 + i] as number) + (weights[c3 + i] as number)) +
      ((weights[c4 + i] as number) +
        (weights[c5 + i] as number) +
        ((weights[c6 + i] as number) + (weights[c7 + i] as number)));
    input[i] = (input[i] as number) + sum * charge;
  }
}

/** The same for the last one to seven fired columns, four at a time, then the rest together. */
function addRemainingColumns(
  state: NetworkState,
  first: number,
  charge: number,
  from: number,
  to: number,
): void {
  const { weights, fired, input, n, firedCount } = state;
  let f = first;
  if (f + 4 <= firedCount) {
    const c0 = (fired[f] as number) * n;
    const c1 = (fired[f + 1] as number) * n;
    const c2 = (fired[f + 2] as number) * n;
    const c3 = (fired[f + 3] as number) * n;
    for (let i = from; i < to; i++) {
      const sum =
        (weights[c0 + i] as number) +
        (weights[c1 + i] as number) +
        ((weights[c2 + i] as number) + (weights[c3 + i] as number));
      input[i] = (input[i] as number) + sum * charge;
    }
    f += 4;
  }
  const left = firedCount - f;
  if (left === 3) {
    const c0 = (fired[f] as number) * n;
    const c1 = (fired[f + 1] as number) * n;
    const c2 = (fired[f + 2] as number) * n;
    for (let i = from; i < to; i++) {
      const sum =
        (weights[c0 + i] as number) + (weights[c1 + i] as number) + (weights[c2 + i] as number);
      input[i] = (input[i] as number) + sum * charge;
    }
  } else if (left === 2) {
    const c0 = (fired[f] as number) * n;
    const c1 = (fired[f + 1] as number) * n;
    for (let i = from; i < to; i++) {
      const sum = (weights[c0 + i] as number) + (weights[c1 + i] as number);
      input[i] = (input[i] as number) + sum * charge;
    }
  } else if (left === 1) {
    const c0 = (fired[f] as number) * n;
    for (let i = from; i < to; i++) {
      input[i] = (input[i] as number) + (weights[c0 + i] as number) * charge;
    }
  }
}

/**
 * Phase 3. Synaptic delivery: Iᵢ += Σ_{j fired} S[i][j] / dt. Each fired j adds its contiguous
 * column. The fired columns go eight at a time, then four, then the last one to three, so that I
 * is read and written once per eight spikes: Iᵢ += (S[i][j₁] + … + S[i][j₈])·(1/dt), the sum
 * taken pairwise in double precision. Where the state has WebAssembly SIMD kernels, they take the
 * groups of eight and the rest for four neurons per instruction pass, with the same arithmetic in the same
 * order, hence the same bits. Neurons [from, to) only (`from` a multiple of 4); the sums do not
 * depend on the range, so any split among threads gives the same bits.
 */
export function deliverSpikes(state: NetworkState, dt: number, from = 0, to = state.n): void {
  const count = state.firedCount;
  if (count === 0) return;
  const charge = 1 / dt;
  const groups = count >> 3;
  const simd = state.simd;
  if (simd === undefined) {
    for (let f = 0; f < 8 * groups; f += 8) addEightColumns(state, f, from, to, charge);
    addRemainingColumns(state, 8 * groups, charge, from, to);
    return;
  }
  const covered = from + ((to - from) & ~3);
  const kernels = simd.kernels;
  const address = state.firedAddress;
  if (groups > 0) kernels.deliverEight(address, groups, charge, from, covered);
  // the last one to seven columns: four together, then the rest together
  let f = 8 * groups;
  if (f + 4 <= count) {
    kernels.deliverRest(address + 4 * f, 4, charge, from, covered);
    f += 4;
  }
  if (f < count) kernels.deliverRest(address + 4 * f, count - f, charge, from, covered);
  if (covered < to) {
    for (let g = 0; g < 8 * groups; g += 8) addEightColumns(state, g, covered, to, charge);
    addRemainingColumns(state, 8 * groups, charge, covered, to);
  }
}

/**
 * Phase 4. v ← v + (dt/2)·(0.04v² + 5v + 140 − u + I), twice: the paper's two half-steps (two
 * neurons per instruction with the SIMD kernel, the same bits).
 */
export function updateMembrane(
  state: Pick<NetworkState, 'n' | 'v' | 'u' | 'input' | 'simd'>,
  dt: number,
  from = 0,
  to = state.n,
): void {
  const { v, u, input, simd } = state;
  const half = dt / 2;
  let first = from;
  if (simd !== undefined) {
    first = from + ((to - from) & ~1);
    simd.kernels.updateMembrane(half, from, first);
  }
  for (let i = first; i < to; i++) {
    const ui = u[i] as number;
    const Ii = input[i] as number;
    let vi = v[i] as number;
    vi = vi + half * (0.04 * (vi * vi) + 5 * vi + 140 - ui + Ii);
    vi = vi + half * (0.04 * (vi * vi) + 5 * vi + 140 - ui + Ii);
    v[i] = vi;
  }
}

/** Phase 5. u ← u + dt·a·(b·v − u), with the v just updated (SIMD kernel where available). */
export function updateRecovery(
  state: Pick<NetworkState, 'n' | 'v' | 'u' | 'a' | 'b' | 'simd'>,
  dt: number,
  from = 0,
  to = state.n,
): void {
  const { v, u, a, b, simd } = state;
  let first = from;
  if (simd !== undefined) {
    first = from + ((to - from) & ~1);
    simd.kernels.updateRecovery(dt, from, first);
  }
  for (let i = first; i < to; i++) {
    const ui = u[i] as number;
    u[i] = ui + dt * (a[i] as number) * ((b[i] as number) * (v[i] as number) - ui);
  }
}
