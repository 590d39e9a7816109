import { describe, expect, it } from 'vitest';
import { NetworkRandom } from '../../src/network/random.js';
import { SparseArena, arenaArrays, arenaBytes } from '../../src/sparse/arena.js';
import { buildSparseNetwork } from '../../src/sparse/build.js';
import { sparseMemory } from '../../src/sparse/kernels.js';
import { resolveSparseOptions, type SparseNetworkOptions } from '../../src/sparse/options.js';
import { incomingSynapses } from '../../src/synapses/delayed-synapses.js';

function build(options: SparseNetworkOptions, shared = false) {
  const resolved = resolveSparseOptions(options);
  return {
    resolved,
    state: buildSparseNetwork(resolved, new NetworkRandom(resolved.seed), shared),
  };
}

/** Every synapse of j as [target, weight], in the store's order. */
function outgoing(state: ReturnType<typeof build>['state'], j: number): [number, number][] {
  const { groupStart, target } = state.synapses;
  const list: [number, number][] = [];
  for (let s = groupStart[j] as number; s < (groupStart[j + 1] as number); s++) {
    list.push([target[s] as number, state.weights[s] as number]);
  }
  return list;
}

describe('buildSparseNetwork(options, random, shared)', () => {
  it('draws r for each neuron, then the sources, then the weights, in the documented order', () => {
    const { state } = build({ ne: 5, ni: 2, synapses: 4, seed: 9 });
    // Ke = round(4·5/7) = 3, K − Ke = 1; weights ×800/3 and ×200/1
    const random = new NetworkRandom(9);
    const r = Array.from({ length: 7 }, () => random.uniform());
    const sources: number[] = [];
    for (let i = 0; i < 7; i++) {
      for (let s = 0; s < 3; s++) sources.push(Math.floor(random.uniform() * 5));
      sources.push(5 + Math.floor(random.uniform() * 2));
    }
    const weights = sources.map((j) => random.uniform() * (j < 5 ? 0.5 * (800 / 3) : -200));
    expect(Array.from(state.c.subarray(0, 5))).toEqual(r.slice(0, 5).map((x) => -65 + 15 * x * x));
    expect(Array.from(state.a.subarray(5))).toEqual(r.slice(5).map((x) => 0.02 + 0.08 * x));
    for (let j = 0; j < 7; j++) {
      const expected: [number, number][] = [];
      sources.forEach((source, s) => {
        if (source === j) expected.push([Math.floor(s / 4), Math.fround(weights[s] as number)]);
      });
      expect(outgoing(state, j)).toEqual(expected);
    }
  });

  it('gives every neuron K inputs, round(K·Ne/N) of them excitatory, targets ascending per source', () => {
    const { state, resolved } = build({ ne: 700, ni: 300, synapses: 57, seed: 2 });
    expect(resolved.excitatorySynapses).toBe(40); // round(57·0.7) = round(39.9)
    const incoming = incomingSynapses(state.synapses, 0, 1000);
    const inDegrees = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const start = incoming.start[i] as number;
      const end = incoming.start[i + 1] as number;
      let excitatory = 0;
      for (let s = start; s < end; s++) if ((incoming.source[s] as number) < 700) excitatory++;
      inDegrees.add(`${end - start} ${excitatory}`);
    }
    expect([...inDegrees]).toEqual(['57 40']);
    const { groupStart, target } = state.synapses;
    expect(groupStart[1000]).toBe(57000);
    let descending = 0;
    for (let j = 0; j < 1000; j++) {
      for (let s = (groupStart[j] as number) + 1; s < (groupStart[j + 1] as number); s++) {
        if ((target[s] as number) < (target[s - 1] as number)) descending++;
      }
    }
    expect(descending).toBe(0);
  });

  it('scales weights by 800/Ke and 200/(K − Ke): each neuron gets the paper’s mean drive', () => {
    const { state } = build({ ne: 800, ni: 200, synapses: 100, seed: 4 });
    // Ke = 80: excitatory weights 0.5·U·10, inhibitory −U·10
    const { groupStart } = state.synapses;
    let excitatorySum = 0;
    let inhibitorySum = 0;
    let outOfRange = 0;
    for (let j = 0; j < 1000; j++) {
      for (let s = groupStart[j] as number; s < (groupStart[j + 1] as number); s++) {
        const w = state.weights[s] as number;
        if (j < 800) {
          if (!(w >= 0 && w < 5)) outOfRange++;
          excitatorySum += w;
        } else {
          if (!(w <= 0 && w > -10)) outOfRange++;
          inhibitorySum += w;
        }
      }
    }
    expect(outOfRange).toBe(0);
    // the paper's all-to-all network: 800·0.25 = 200 excitatory, −200·0.5 = −100 inhibitory
    expect(excitatorySum / 1000).toBeCloseTo(200, -1);
    expect(inhibitorySum / 1000).toBeCloseTo(-100, -1);
    const raw = build({ ne: 800, ni: 200, synapses: 100, seed: 4, scale: false }).state;
    expect(Math.max(...raw.weights.map(Math.abs))).toBeLessThan(1);
    expect(Math.max(...raw.weights.map(Math.abs))).toBeGreaterThan(0.99);
  });

  it('stores targets in the narrowest type for N and weights as float32, shared on request', () => {
    expect(build({ ne: 200, ni: 56, synapses: 3 }).state.synapses.target).toBeInstanceOf(
      Uint8Array,
    );
    expect(build({ ne: 200, ni: 57, synapses: 3 }).state.synapses.target).toBeInstanceOf(
      Uint16Array,
    );
    const large = build({ ne: 60000, ni: 5537, synapses: 1 }, true).state;
    expect(large.synapses.target).toBeInstanceOf(Uint32Array);
    expect(large.synapses.target.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(large.weights).toBeInstanceOf(Float32Array);
    expect(large.v.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('reports its progress, counting then placing, without changing the network', () => {
    const options = resolveSparseOptions({ ne: 2400, ni: 600, synapses: 30, seed: 5 });
    const plain = buildSparseNetwork(options, new NetworkRandom(5), false);
    const bytes = arenaBytes(arenaArrays(3000, 30, 1, true));
    for (const arena of [undefined, new SparseArena(false, sparseMemory(bytes, false))]) {
      const heard: [string, number][] = [];
      const state = buildSparseNetwork(options, new NetworkRandom(5), false, arena, (phase, f) =>
        heard.push([phase, f]),
      );
      // every 1024 neurons of each pass, and the end
      expect(heard).toEqual([
        ['counting', 0],
        ['counting', 1024 / 3000],
        ['counting', 2048 / 3000],
        ['placing', 0],
        ['placing', 1024 / 3000],
        ['placing', 2048 / 3000],
        ['placing', 1],
      ]);
      expect(Array.from(state.synapses.target)).toEqual(Array.from(plain.synapses.target));
      expect(Array.from(state.weights)).toEqual(Array.from(plain.weights));
    }
  });
});
