import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import {
  countedSynapses,
  synapseSources,
  synapseTargets,
  targetBytes,
} from '../../src/synapses/delayed-synapses.js';

describe('synapseTargets(n, count, buffer?)', () => {
  it('uses the narrowest unsigned type that holds the indices 0 … n − 1', () => {
    expect([256, 257, 65536, 65537].map(targetBytes)).toEqual([1, 2, 2, 4]);
    expect(synapseTargets(256, 3)).toBeInstanceOf(Uint8Array);
    expect(synapseTargets(65536, 3)).toBeInstanceOf(Uint16Array);
    expect(synapseTargets(65537, 3)).toBeInstanceOf(Uint32Array);
    const shared = new SharedArrayBuffer(8);
    expect(synapseTargets(1000, 4, shared).buffer).toBe(shared);
  });
});

describe('countedSynapses(n, groupStart, target)', () => {
  it('is a store with one delay whose runs are the counted rows', () => {
    const store = countedSynapses(3, Int32Array.from([0, 2, 2, 3]), Uint8Array.from([1, 2, 0]));
    expect(store.maxDelay).toBe(1);
    expect(Array.from(synapseSources(store))).toEqual([0, 0, 2]);
    expect(() =>
      countedSynapses(3, Int32Array.from([0, 2, 3]), Uint8Array.from([1, 2, 0])),
    ).toThrow(ParameterError);
  });
});
