import { describe, expect, it } from 'vitest';
import { NetworkRandom } from '../../src/network/random.js';
import { SparseNetworkSimulation } from '../../src/sparse/simulation.js';
import { synapseSplit } from '../../src/sparse/step.js';

describe('a sparse network step', () => {
  it('matches a step taken by hand: reset, event-driven delivery of S/dt, two half-steps, u', () => {
    // Ne = 3, Ni = 1, K = 4: Ke = 3; neurons 0 and 3 start above 30 mV and fire at step 1
    const neurons = {
      a: [0.02, 0.02, 0.1, 0.1],
      b: [0.2, 0.2, 0.2, 0.25],
      c: [-65, -60, -65, -50],
      d: [8, 6, 2, 2],
    };
    const v0 = [31, -65, -70, 35];
    const dt = 0.5;
    const run = new SparseNetworkSimulation({
      ne: 3,
      ni: 1,
      synapses: 4,
      seed: 21,
      dt,
      duration: 1,
      noise: false,
      neurons,
      v0,
    });
    // the synapses, drawn by hand: no r (parameters given), then sources, then weights
    const random = new NetworkRandom(21);
    const sources: number[] = [];
    for (let i = 0; i < 4; i++) {
      for (let s = 0; s < 3; s++) sources.push(Math.floor(random.uniform() * 3));
      sources.push(3 + Math.floor(random.uniform() * 1));
    }
    const weights = sources.map((j) =>
      Math.fround(random.uniform() * (j < 3 ? 0.5 * (800 / 3) : -200)),
    );
    const input = [0, 0, 0, 0];
    // spikes in index order (0, then 3); each spike's synapses in the store's order (targets up)
    for (const j of [0, 3]) {
      for (let i = 0; i < 4; i++) {
        sources.forEach((source, s) => {
          if (source === j && Math.floor(s / 4) === i)
            input[i] = (input[i] as number) + (weights[s] as number) * (1 / dt);
        });
      }
    }
    run.advance(1);
    const expectedV: number[] = [];
    const expectedU: number[] = [];
    for (let i = 0; i < 4; i++) {
      const fired = i === 0 || i === 3;
      let v = fired ? (neurons.c[i] as number) : (v0[i] as number);
      let u = (neurons.b[i] as number) * (v0[i] as number) + (fired ? (neurons.d[i] as number) : 0);
      const I = input[i] as number;
      v = v + (dt / 2) * (0.04 * (v * v) + 5 * v + 140 - u + I);
      v = v + (dt / 2) * (0.04 * (v * v) + 5 * v + 140 - u + I);
      u = u + dt * (neurons.a[i] as number) * ((neurons.b[i] as number) * v - u);
      expectedV.push(v);
      expectedU.push(u);
    }
    expect(Array.from(run.state.input)).toEqual(input);
    expect(Array.from(run.state.v)).toEqual(expectedV);
    expect(Array.from(run.state.u)).toEqual(expectedU);
    const { spikes } = run.result();
    expect(Array.from(spikes.t)).toEqual([0.5, 0.5]);
    expect(Array.from(spikes.i)).toEqual([0, 3]);
  });

  it('synapseSplit(synapses, from, to) bounds each neuron’s synapses onto from … to − 1', () => {
    const run = new SparseNetworkSimulation({ ne: 400, ni: 112, synapses: 30, seed: 5 });
    const { target, groupStart } = run.state.synapses;
    const split = synapseSplit(run.state.synapses, 256, 512);
    let wrong = 0;
    for (let j = 0; j < 512; j++) {
      for (let s = groupStart[j] as number; s < (groupStart[j + 1] as number); s++) {
        const inside = s >= (split.first[j] as number) && s < (split.last[j] as number);
        if (inside !== (target[s] as number) >= 256) wrong++;
      }
    }
    expect(wrong).toBe(0);
  });
});
