import { describe, expect, it } from 'vitest';
import { sparseNetworkMemory } from '../../src/sparse/memory.js';
import { resolveSparseOptions } from '../../src/sparse/options.js';

describe('sparseNetworkMemory(options)', () => {
  it('counts 4 bytes per weight and 1, 2 or 4 per target by N', () => {
    expect(
      sparseNetworkMemory(resolveSparseOptions({ ne: 200, ni: 50, synapses: 10 })).synapses,
    ).toBe(2500 * 5);
    expect(
      sparseNetworkMemory(resolveSparseOptions({ ne: 800, ni: 200, synapses: 10 })).synapses,
    ).toBe(10000 * 6);
    const large = sparseNetworkMemory(
      resolveSparseOptions({ ne: 80000, ni: 20000, synapses: 1000, threads: 2 }),
    );
    expect(large.synapses).toBe(8e8);
    expect(large.total).toBeLessThan(1e9);
  });

  it('counts the traces of the recorded neurons', () => {
    const memory = sparseNetworkMemory(
      resolveSparseOptions({ synapses: 10, record: [1, 2], duration: 100 }),
    );
    expect(memory.traces).toBe(100 * 8 * 7);
    expect(memory.total).toBe(memory.synapses + memory.state + memory.traces);
  });
});
