import { describe, it, expect } from 'vitest';
import { NetworkSimulation } from '../../src/network/simulation.js';

/**
 * A three-neuron network (two excitatory, one inhibitory) with the noise off and fixed weights,
 * stepped by hand exactly as SPEC §4 writes it. The weights are small binary fractions, so the
 * sums of charges are exact in any order and the comparison can be value for value.
 */
const n = 3;
const a = [0.02, 0.02, 0.1];
const b = [0.2, 0.2, 0.2];
const c = [-50, -55, -65];
const d = [2, 4, 2];
const v0 = [30, -55, -62];
/** S[i][j]: onto i, from j. */
const S = [
  [0.5, 96, -2],
  [96, 0.25, -2],
  [24, 24, -0.5],
];
/** The same weights column by column, as the engine stores them: weights[j·N + i] = S[i][j]. */
const columns = [0, 1, 2].flatMap((j) => [0, 1, 2].map((i) => S[i]![j]!));

function stepByHand(dt: number, steps: number) {
  const v = [...v0];
  const u = v0.map((x, i) => b[i]! * x);
  const spikes: { t: number; i: number }[] = [];
  const rows: { v: number[]; u: number[]; I: number[] }[] = [];
  for (let k = 1; k <= steps; k++) {
    // 1. thalamic input: switched off
    const I = [0, 0, 0];
    // 2. threshold and reset
    const fired: number[] = [];
    for (let i = 0; i < n; i++) {
      if (v[i]! >= 30) {
        fired.push(i);
        spikes.push({ t: k * dt, i });
        v[i] = c[i]!;
        u[i] = u[i]! + d[i]!;
      }
    }
    // 3. synaptic delivery: a charge S/dt per spike
    for (let i = 0; i < n; i++) for (const j of fired) I[i] = I[i]! + S[i]![j]! / dt;
    // 4. two half steps of v
    for (let i = 0; i < n; i++) {
      for (let half = 0; half < 2; half++) {
        v[i] = v[i]! + (dt / 2) * (0.04 * (v[i]! * v[i]!) + 5 * v[i]! + 140 - u[i]! + I[i]!);
      }
    }
    // 5. u with the new v
    for (let i = 0; i < n; i++) u[i] = u[i]! + dt * a[i]! * (b[i]! * v[i]! - u[i]!);
    rows.push({ v: [...v], u: [...u], I });
  }
  return { spikes, rows };
}

function runEngine(dt: number, steps: number) {
  const run = new NetworkSimulation({
    ne: 2,
    ni: 1,
    dt,
    duration: steps * dt,
    noise: false,
    weights: columns,
    neurons: { a, b, c, d },
    v0,
    record: [0, 1, 2],
  });
  while (!run.done) run.advance(1);
  return run.result();
}

describe('network phases', () => {
  for (const dt of [1, 0.5]) {
    it(`a hand-stepped 3-neuron network matches the engine value for value (dt = ${dt})`, () => {
      const steps = 80;
      const hand = stepByHand(dt, steps);
      const engine = runEngine(dt, steps);
      expect(hand.spikes.length).toBeGreaterThan(30);
      expect(new Set(hand.spikes.map((s) => s.i)).size).toBe(3);
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
    });
  }

  it('thresholdAndReset fires at v ≥ 30 exactly, at the start of the next step', () => {
    const engine = runEngine(1, 1);
    // neuron 0 starts at exactly 30: it fires at t = 1 and its charge reaches neuron 1 at once
    expect(Array.from(engine.spikes.i)).toEqual([0]);
    expect(Array.from(engine.spikes.t)).toEqual([1]);
    expect(engine.traces[0]!.I[0]).toBe(0.5);
    expect(engine.traces[1]!.I[0]).toBe(96);
    expect(engine.traces[2]!.I[0]).toBe(24);
  });
});
