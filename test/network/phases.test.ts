import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { mixSeed, NetworkRandom } from '../../src/network/random.js';
import { NetworkSimulation } from '../../src/network/simulation.js';

interface HandNetwork {
  readonly ne: number;
  readonly ni: number;
  readonly a: number[];
  readonly b: number[];
  readonly c: number[];
  readonly d: number[];
  readonly v0: number[];
  /** S[i][j]: onto i, from j. */
  readonly S: number[][];
}

/**
 * A three-neuron network (two excitatory, one inhibitory) with the noise off and fixed weights.
 * The weights are small binary fractions, so the sums of charges are exact in any order and the
 * engine can be compared with the hand-stepped network value for value.
 */
const three: HandNetwork = {
  ne: 2,
  ni: 1,
  a: [0.02, 0.02, 0.1],
  b: [0.2, 0.2, 0.2],
  c: [-50, -55, -65],
  d: [2, 4, 2],
  v0: [30, -55, -62],
  S: [
    [0.5, 96, -2],
    [96, 0.25, -2],
    [24, 24, -0.5],
  ],
};

/**
 * Thirteen neurons, eleven of them starting at v = 30: steps where eight or more fire take the
 * engine's groups of eight (and its SIMD kernel, which covers neurons 0 … 11, the JavaScript loop
 * neuron 12).
 */
const thirteen: HandNetwork = (() => {
  const n = 13;
  const ne = 10;
  const index = Array.from({ length: n }, (_, i) => i);
  return {
    ne,
    ni: n - ne,
    a: index.map((i) => (i < ne ? 0.02 : 0.1)),
    b: index.map((i) => (i < ne ? 0.2 : 0.25)),
    c: index.map((i) => (i < ne ? -55 + i / 2 : -65)),
    d: index.map((i) => (i < ne ? 2 + i / 4 : 2)),
    v0: index.map((i) => (i < 11 ? 30 : -70)),
    S: index.map((i) =>
      index.map((j) => (j < ne ? (((i * 7 + j * 3) % 8) + 1) * 2 : -(((i + j) % 4) + 1) / 4)),
    ),
  };
})();

/** The network stepped by hand exactly as the paper's code and the README describe it. */
function stepByHand(net: HandNetwork, dt: number, steps: number) {
  const n = net.ne + net.ni;
  const v = [...net.v0];
  const u = net.v0.map((x, i) => net.b[i]! * x);
  const spikes: { t: number; i: number }[] = [];
  const rows: { v: number[]; u: number[]; I: number[] }[] = [];
  for (let k = 1; k <= steps; k++) {
    // 1. thalamic input: switched off
    const I = new Array<number>(n).fill(0);
    // 2. threshold and reset
    const fired: number[] = [];
    for (let i = 0; i < n; i++) {
      if (v[i]! >= 30) {
        fired.push(i);
        spikes.push({ t: k * dt, i });
        v[i] = net.c[i]!;
        u[i] = u[i]! + net.d[i]!;
      }
    }
    // 3. synaptic delivery: a charge S/dt per spike
    for (let i = 0; i < n; i++) for (const j of fired) I[i] = I[i]! + net.S[i]![j]! / dt;
    // 4. two half steps of v
    for (let i = 0; i < n; i++) {
      for (let half = 0; half < 2; half++) {
        v[i] = v[i]! + (dt / 2) * (0.04 * (v[i]! * v[i]!) + 5 * v[i]! + 140 - u[i]! + I[i]!);
      }
    }
    // 5. u with the new v
    for (let i = 0; i < n; i++) u[i] = u[i]! + dt * net.a[i]! * (net.b[i]! * v[i]! - u[i]!);
    rows.push({ v: [...v], u: [...u], I });
  }
  return { spikes, rows };
}

function runEngine(net: HandNetwork, dt: number, steps: number, simd = true) {
  const n = net.ne + net.ni;
  const index = Array.from({ length: n }, (_, i) => i);
  const run = new NetworkSimulation({
    ne: net.ne,
    ni: net.ni,
    dt,
    duration: steps * dt,
    noise: false,
    // column by column, as the engine stores them: weights[j·N + i] = S[i][j]
    weights: index.flatMap((j) => index.map((i) => net.S[i]![j]!)),
    neurons: { a: net.a, b: net.b, c: net.c, d: net.d },
    v0: net.v0,
    record: index,
    simd,
  });
  while (!run.done) run.advance(1);
  return run.result();
}

function expectSameRun(net: HandNetwork, dt: number, steps: number, simd: boolean) {
  const n = net.ne + net.ni;
  const hand = stepByHand(net, dt, steps);
  const engine = runEngine(net, dt, steps, simd);
  expect(Array.from(engine.spikes.t)).toEqual(hand.spikes.map((s) => s.t));
  expect(Array.from(engine.spikes.i)).toEqual(hand.spikes.map((s) => s.i));
  for (let i = 0; i < n; i++) {
    const trace = engine.traces[i]!;
    for (let k = 0; k < steps; k++) {
      const row = hand.rows[k]!;
      expect(trace.t[k]).toBe((k + 1) * dt);
      expect(trace.v[k]).toBe(row.v[i]);
      expect(trace.u[k]).toBe(row.u[i]);
      expect(trace.I[k]).toBe(row.I[i]);
    }
  }
  return hand;
}

describe('network phases', () => {
  for (const dt of [1, 0.5]) {
    it(`a hand-stepped 3-neuron network matches the engine value for value (dt = ${dt})`, () => {
      const hand = expectSameRun(three, dt, 80, true);
      expect(hand.spikes.length).toBeGreaterThan(30);
      expect(new Set(hand.spikes.map((s) => s.i)).size).toBe(3);
    });

    for (const simd of [true, false]) {
      it(`a hand-stepped 13-neuron network firing in groups of eight and more matches (dt = ${dt}, simd ${simd})`, () => {
        const hand = expectSameRun(thirteen, dt, 60, simd);
        const perStep = new Map<number, number>();
        for (const s of hand.spikes) perStep.set(s.t, (perStep.get(s.t) ?? 0) + 1);
        const crowded = [...perStep.values()].filter((count) => count >= 8).length;
        expect(crowded).toBeGreaterThan(2);
      });
    }
  }

  it('thresholdAndReset fires at v ≥ 30 exactly, at the start of the next step', () => {
    const engine = runEngine(three, 1, 1);
    // neuron 0 starts at exactly 30: it fires at t = 1 and its charge reaches every neuron at once
    expect(Array.from(engine.spikes.i)).toEqual([0]);
    expect(Array.from(engine.spikes.t)).toEqual([1]);
    expect(engine.traces[0]!.I[0]).toBe(0.5);
    expect(engine.traces[1]!.I[0]).toBe(96);
    expect(engine.traces[2]!.I[0]).toBe(24);
  });

  it("thalamicInput draws σᵢ/√dt·N(0, 1) per neuron from its block's stream: the seed's generator jumped once for block 0", () => {
    const dt = 0.25;
    const run = new NetworkSimulation({
      ne: 3,
      ni: 2,
      dt,
      duration: 1,
      seed: 12,
      record: [0, 1, 2, 3, 4],
    });
    run.advance(2);
    const reference = xoroshiro128plus(mixSeed(12));
    for (let draw = 0; draw < 32; draw++) reference.next();
    reference.jump();
    const random = NetworkRandom.fromState(reference.getState());
    const sigma = [5, 5, 5, 2, 2];
    for (let k = 0; k < 2; k++) {
      for (let i = 0; i < 5; i++) {
        // v starts at −65 and nobody fires in two steps: I is the noise alone
        expect(run.result().traces[i]!.I[k]).toBe((sigma[i]! / Math.sqrt(dt)) * random.normal());
      }
    }
  });
});
