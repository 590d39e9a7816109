import { describe, expect, it } from 'vitest';
import { sparseNetworkForExport } from '../../src/export/sparse.js';
import { MemoryLimitError, ParameterError } from '../../src/errors.js';
import { SparseNetworkSimulation } from '../../src/sparse/simulation.js';

describe('sparseNetworkForExport(options)', () => {
  const options = { ne: 40, ni: 10, synapses: 20, seed: 7, dt: 0.5, duration: 200 };
  const network = sparseNetworkForExport(options);
  const engine = new SparseNetworkSimulation(options).state;

  it("lists izhikit's own synapses: sources, targets and weights of the engine's build, delay 0", () => {
    const { pre, post, weight, delay } = network.synapses;
    expect(pre.length).toBe(50 * 20);
    const { groupStart, target } = engine.synapses;
    for (let j = 0; j < 50; j++) {
      for (let s = groupStart[j]!; s < groupStart[j + 1]!; s++) {
        expect(pre[s]).toBe(j);
        expect(post[s]).toBe(target[s]);
        expect(weight[s]).toBe(engine.weights[s]);
        expect(delay[s]).toBe(0);
      }
    }
  });

  it('gives every neuron K incoming synapses, Ke = round(K·Ne/N) of them excitatory, weights as SPEC §8', () => {
    const { pre, post, weight } = network.synapses;
    const incoming = new Array<number>(50).fill(0);
    const excitatory = new Array<number>(50).fill(0);
    for (let s = 0; s < pre.length; s++) {
      incoming[post[s]!]!++;
      if (pre[s]! < 40) {
        excitatory[post[s]!]!++;
        expect(weight[s]).toBeGreaterThanOrEqual(0);
        expect(weight[s]).toBeLessThan((0.5 * 800) / 16);
      } else {
        expect(weight[s]).toBeLessThanOrEqual(0);
        expect(weight[s]).toBeGreaterThan(-200 / 4);
      }
    }
    expect(incoming).toEqual(new Array(50).fill(20));
    expect(excitatory).toEqual(new Array(50).fill(16));
  });

  it("carries the engine's parameters, v0 and σ", () => {
    expect(Array.from(network.c)).toEqual(Array.from(engine.c));
    expect(Array.from(network.d)).toEqual(Array.from(engine.d));
    expect(Array.from(network.v0)).toEqual(Array.from(engine.v));
    expect(Array.from(network.sigma)).toEqual([...new Array(40).fill(5), ...new Array(10).fill(2)]);
    expect(network).toMatchObject({ ne: 40, ni: 10, dt: 0.5, duration: 200, seed: 7 });
  });

  it('refuses K = 0 and a network whose list would not fit the memory limit, naming the size', () => {
    expect(() => sparseNetworkForExport({ ...options, synapses: 0 })).toThrow(ParameterError);
    expect(() => sparseNetworkForExport({ ...options, maxBytes: 20000 })).toThrow(MemoryLimitError);
    expect(() => sparseNetworkForExport({ ...options, maxBytes: 20000 })).toThrow(
      /the export of 50 neurons × 20 synapses needs .* \(limit/,
    );
  });
});
