// Three neurons stepped by hand: the delivery at each delay, and the pairings that potentiate and
// depress, by the amounts of [2006] for both variants.
import { describe, expect, it } from 'vitest';
import { NetworkRandom } from '../../src/network/random.js';
import {
  assembleState,
  LTD_TABLE,
  NEVER_FIRED,
  type PolychronState,
} from '../../src/polychron/network.js';
import { resolvePolychronOptions, type PolychronVariant } from '../../src/polychron/options.js';
import {
  decayTraces,
  deliverSpikes,
  fireAndPotentiate,
  updateNeurons,
  updateWeights,
} from '../../src/polychron/step.js';

/**
 * Neurons 0 and 1 excitatory, 2 inhibitory; 4 synapses each with delays 1, 2, 3, 4 ms (excitatory)
 * or all 1 ms (inhibitory). Neuron 0's synapses all go to 1, neuron 1's to 0, neuron 2's to 0.
 */
function tiny(variant: PolychronVariant): PolychronState {
  const options = resolvePolychronOptions({
    ne: 2,
    ni: 1,
    synapsesPerNeuron: 4,
    maxDelay: 4,
    variant: 'matlab',
  });
  const targets = Int32Array.from([1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  const state = assembleState(
    { ...options, variant },
    targets,
    Float64Array.from([-70, -70, -70]),
    Float64Array.from([-14, -14, -14]),
    new NetworkRandom(1),
  );
  return state;
}

/** One millisecond without the random input; `fire` lists neurons pushed over threshold first. */
function step(state: PolychronState, fire: number[] = []): void {
  const t = state.time;
  for (const i of fire) state.v[i] = 30;
  state.input.fill(0);
  fireAndPotentiate(state, t);
  deliverSpikes(state, t);
  updateNeurons(state);
  decayTraces(state, t);
  state.time = t + 1;
}

/** 0.1·0.95ᵏ, multiplied out one millisecond at a time as the programs do. */
function trace(k: number, start = 0.1): number {
  let p = start;
  for (let j = 0; j < k; j++) p = 0.95 * p;
  return p;
}

describe('the millisecond of [2006]', () => {
  for (const variant of ['matlab', 'cpp'] as const) {
    it(`${variant}: a spike at t delivers through its delay-δ synapse at t + δ − 1`, () => {
      const state = tiny(variant);
      const inputs: number[] = [];
      step(state, [0]);
      inputs.push(state.input[1]!);
      for (let k = 0; k < 5; k++) {
        step(state);
        inputs.push(state.input[1]!);
      }
      // Weight 6 at delays 1, 2, 3, 4: delivered in the firing millisecond and the three after it.
      expect(inputs).toEqual([6, 6, 6, 6, 0, 0]);
    });

    it(`${variant}: pre fires, then post k ms later: each synapse gains P_pre(t − δ) = 0.1·0.95^(k−δ)`, () => {
      for (const k of [1, 3, 6]) {
        const state = tiny(variant);
        step(state, [0]);
        for (let j = 1; j < k; j++) step(state);
        state.weightChange.fill(0);
        state.v[1] = 30;
        fireAndPotentiate(state, state.time);
        const gained = Array.from(state.weightChange.subarray(0, 4));
        const expected = [1, 2, 3, 4].map((delay) => (k - delay >= 0 ? trace(k - delay) : 0));
        expect(gained).toEqual(expected);
      }
    });

    it(`${variant}: post fires, then pre k ms later: the delay-δ synapse loses the post trace at arrival`, () => {
      for (const k of [1, 4]) {
        const state = tiny(variant);
        step(state, [1]);
        for (let j = 1; j < k; j++) step(state);
        const before = Array.from(state.weightChange.subarray(0, 4));
        step(state, [0]);
        for (let j = 0; j < 4; j++) step(state);
        const lost = Array.from(state.weightChange.subarray(0, 4), (x, s) => before[s]! - x);
        // Synapse of delay δ arrives at k + δ − 1 ms after the post spike.
        const expected = [1, 2, 3, 4].map((delay) =>
          variant === 'matlab' ? 1.2 * trace(k + delay - 1) : trace(k + delay - 1, 0.12),
        );
        expect(lost).toEqual(expected);
      }
    });
  }

  it('updateNeurons: two half steps of v, then u with the new v', () => {
    const state = tiny('matlab');
    state.v.set([-60, -50, 10]);
    state.u.set([-12, -3, 2]);
    state.input.set([20, 0, -5]);
    const expected = [0, 1, 2].map((i) => {
      let v = state.v[i]!;
      const u = state.u[i]!;
      const I = state.input[i]!;
      v = v + 0.5 * ((0.04 * v + 5) * v + 140 - u + I);
      v = v + 0.5 * ((0.04 * v + 5) * v + 140 - u + I);
      return [v, u + state.a[i]! * (0.2 * v - u)];
    });
    updateNeurons(state);
    expect([0, 1, 2].map((i) => [state.v[i], state.u[i]])).toEqual(expected);
  });

  it('updateWeights: matlab clips 0.01 + s + sd then scales sd; cpp scales sd first', () => {
    for (const variant of ['matlab', 'cpp'] as const) {
      const state = tiny(variant);
      state.weight.set([6, 9.995, 0.2, 6], 0);
      state.weightChange.set([0.5, 0.01, -0.3, 0], 0);
      state.weightChange[8] = 0.7; // an inhibitory synapse's change never moves its weight
      updateWeights(state);
      if (variant === 'matlab') {
        expect(Array.from(state.weight.subarray(0, 4))).toEqual([
          0.01 + 6 + 0.5,
          10,
          0,
          0.01 + 6 + 0,
        ]);
        expect(Array.from(state.weightChange.subarray(0, 4))).toEqual([
          0.9 * 0.5,
          0.9 * 0.01,
          0.9 * -0.3,
          0,
        ]);
        expect(state.weightChange[8]).toBe(0.9 * 0.7);
      } else {
        expect(Array.from(state.weight.subarray(0, 4))).toEqual([
          6 + (0.01 + 0.5 * 0.9),
          10,
          0,
          6 + (0.01 + 0),
        ]);
        expect(state.weightChange[8]).toBe(0.7);
      }
      expect(state.weight[8]).toBe(-5);
    }
  });
});

describe('LTD_TABLE', () => {
  it('holds 0.12 multiplied by 0.95 once per millisecond, down to the subnormal value that ×0.95 keeps', () => {
    let x = 0.12;
    for (let k = 0; k < LTD_TABLE.length; k++) {
      expect(LTD_TABLE[k]).toBe(x);
      x = x * 0.95;
    }
    const last = LTD_TABLE[LTD_TABLE.length - 1]!;
    expect(last * 0.95).toBe(last);
    expect(last).toBeGreaterThan(0);
  });

  it('cpp: a target silent for longer than the table is depressed by the last value, one never fired by 0', () => {
    const fresh = tiny('cpp');
    fresh.time = 30000;
    fresh.lastSpike[1] = 0;
    step(fresh, [0]);
    expect(fresh.weightChange[0]).toBe(-LTD_TABLE[LTD_TABLE.length - 1]!);
    const never = tiny('cpp');
    never.time = 30000;
    step(never, [0]);
    expect(never.lastSpike[1]).toBe(NEVER_FIRED);
    expect(never.weightChange[0]).toBe(0);
  });
});
