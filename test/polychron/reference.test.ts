// The engine against independent loops written here as the published programs write them: 2-D
// arrays, a firing list walked backwards, the trace array of 1001 + D columns shifted each second.
import { describe, expect, it } from 'vitest';
import { NetworkRandom } from '../../src/network/random.js';
import { buildPolychronNetwork } from '../../src/polychron/network.js';
import type { PolychronVariant } from '../../src/polychron/options.js';
import { PolychronSimulation } from '../../src/polychron/simulation.js';

interface Reference {
  spikes: [number, number][];
  s: number[][];
  sd: number[][];
  v: number[];
}

/** spnet.m (matlab) or poly_spnet.cpp (cpp) for `seconds` seconds, on the engine's targets and start. */
function referenceRun(seed: number, variant: PolychronVariant, seconds: number): Reference {
  const built = buildPolychronNetwork({ seed, variant });
  const Ne = 800;
  const Ni = 200;
  const N = Ne + Ni;
  const M = 100;
  const D = 20;
  const sm = 10;
  const random = NetworkRandom.fromState(built.random.getState());
  const post: number[][] = [];
  for (let i = 0; i < N; i++)
    post.push(Array.from(built.synapses.target.subarray(i * M, (i + 1) * M)));
  const a = Array.from({ length: N }, (_, i) => (i < Ne ? 0.02 : 0.1));
  const d = Array.from({ length: N }, (_, i) => (i < Ne ? 8 : 2));
  const s = Array.from({ length: N }, (_, i) => new Array<number>(M).fill(i < Ne ? 6 : -5));
  const sd = Array.from({ length: N }, () => new Array<number>(M).fill(0));
  // delays{i, j}: synapses M/D·(j − 1) + (1 : M/D) for excitatory i, 1 : M at delay 1 for inhibitory.
  const delays: number[][][] = [];
  for (let i = 0; i < N; i++) {
    const row: number[][] = [];
    for (let j = 0; j < D; j++) {
      if (i < Ne) row.push(Array.from({ length: M / D }, (_, k) => (M / D) * j + k));
      else row.push(j === 0 ? Array.from({ length: M }, (_, k) => k) : []);
    }
    delays.push(row);
  }
  // pre{i}: (presynaptic neuron, synapse, delay) of every excitatory synapse onto i.
  const pre: [number, number, number][][] = Array.from({ length: N }, () => []);
  for (let j = 0; j < Ne; j++) {
    for (let dd = 0; dd < D; dd++)
      for (const k of delays[j]![dd]!) pre[post[j]![k]!]!.push([j, k, dd + 1]);
  }
  // STDP(i, c) at index c: MATLAB's 1-based columns 1 … 1001 + D, index 0 unused.
  const STDP = Array.from({ length: N }, () => new Array<number>(1002 + D).fill(0));
  const LTD = new Array<number>(N).fill(0);
  const v = Array.from(built.v);
  const u = Array.from(built.u);
  let firings: [number, number][] = [[-D, 0]];
  const spikes: [number, number][] = [];
  for (let sec = 0; sec < seconds; sec++) {
    for (let t = 1; t <= 1000; t++) {
      const I = new Array<number>(N).fill(0);
      I[Math.floor(N * random.uniform())] = 20;
      const fired: number[] = [];
      for (let i = 0; i < N; i++) if (v[i]! >= 30) fired.push(i);
      for (const i of fired) {
        v[i] = -65;
        u[i] = u[i]! + d[i]!;
        STDP[i]![t + D] = 0.1;
        LTD[i] = 0.12;
      }
      for (const i of fired) {
        for (const [j, k, delay] of pre[i]!) sd[j]![k] = sd[j]![k]! + STDP[j]![t + D - delay]!;
        firings.push([t, i]);
        spikes.push([sec * 1000 + t - 1, i]);
      }
      let k = firings.length - 1;
      while (firings[k]![0] > t - D) {
        const [tf, j] = firings[k]!;
        const del = delays[j]![t - tf]!;
        if (variant === 'matlab') {
          // I(ind) = I(ind) + s(j, del)': each target is assigned once, the last synapse's sum kept.
          const sums = new Map<number, number>();
          for (const syn of del) sums.set(post[j]![syn]!, I[post[j]![syn]!]! + s[j]![syn]!);
          for (const [target, value] of sums) I[target] = value;
          for (const syn of del) sd[j]![syn] = sd[j]![syn]! - 1.2 * STDP[post[j]![syn]!]![t + D]!;
        } else {
          for (const syn of del) {
            const target = post[j]![syn]!;
            I[target] = I[target]! + s[j]![syn]!;
            if (j < Ne) sd[j]![syn] = sd[j]![syn]! - LTD[target]!;
          }
        }
        k--;
      }
      for (let i = 0; i < N; i++) {
        v[i] = v[i]! + 0.5 * ((0.04 * v[i]! + 5) * v[i]! + 140 - u[i]! + I[i]!);
        v[i] = v[i]! + 0.5 * ((0.04 * v[i]! + 5) * v[i]! + 140 - u[i]! + I[i]!);
        u[i] = u[i]! + a[i]! * (0.2 * v[i]! - u[i]!);
        STDP[i]![t + D + 1] = 0.95 * STDP[i]![t + D]!;
        LTD[i] = LTD[i]! * 0.95;
      }
    }
    for (let i = 0; i < N; i++) for (let c = 1; c <= D + 1; c++) STDP[i]![c] = STDP[i]![1000 + c]!;
    firings = [
      [-D, 0],
      ...firings.filter(([t]) => t > 1001 - D).map(([t, i]) => [t - 1000, i] as [number, number]),
    ];
    for (let i = 0; i < Ne; i++) {
      for (let j = 0; j < M; j++) {
        if (variant === 'matlab') {
          s[i]![j] = Math.max(0, Math.min(sm, 0.01 + s[i]![j]! + sd[i]![j]!));
        } else {
          sd[i]![j] = sd[i]![j]! * 0.9;
          s[i]![j] = s[i]![j]! + (0.01 + sd[i]![j]!);
          if (s[i]![j]! > sm) s[i]![j] = sm;
          if (s[i]![j]! < 0) s[i]![j] = 0;
        }
      }
    }
    if (variant === 'matlab')
      for (const row of sd) for (let j = 0; j < M; j++) row[j] = 0.9 * row[j]!;
  }
  return { spikes, s, sd, v };
}

describe('PolychronSimulation against the published loops', () => {
  for (const variant of ['matlab', 'cpp'] as const) {
    it(`${variant}: 3 s give the same spikes, weights, weight changes and v, to the bit`, () => {
      const seed = variant === 'matlab' ? 7 : 8;
      const reference = referenceRun(seed, variant, 3);
      const run = new PolychronSimulation({ seed, variant });
      run.advance(3000);
      const engineSpikes: [number, number][] = [];
      const { state, record } = run;
      const kept = record.spikeTimes.subarray(0, record.spikeCount);
      kept.forEach((t, k) => engineSpikes.push([t, record.spikeNeurons[k]!]));
      expect(engineSpikes.length).toBeGreaterThan(5000);
      expect(engineSpikes).toEqual(reference.spikes);
      const M = 100;
      let compared = 0;
      for (let i = 0; i < 1000; i++) {
        for (let j = 0; j < M; j++) {
          if (state.weight[i * M + j] !== reference.s[i]![j])
            throw new Error(`s[${i}][${j}] differs`);
          if (state.weightChange[i * M + j] !== reference.sd[i]![j])
            throw new Error(`sd[${i}][${j}] differs`);
          compared++;
        }
      }
      expect(compared).toBe(100000);
      expect(Array.from(state.v)).toEqual(reference.v);
      // The weights did move: the test compares learning, not the initial values.
      expect(new Set(state.weight.subarray(0, 80000)).size).toBeGreaterThan(1000);
    }, 120000);
  }
});
