import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { resolveSparseOptions, sparseWeightScales } from '../../src/sparse/options.js';

describe('resolveSparseOptions(options)', () => {
  it('fills in the defaults: the paper’s populations, one thread, Ke = round(K·Ne/N)', () => {
    const resolved = resolveSparseOptions({ synapses: 10 });
    expect(resolved).toMatchObject({
      ne: 800,
      ni: 200,
      n: 1000,
      synapses: 10,
      excitatorySynapses: 8,
      threads: 1,
    });
    expect(resolveSparseOptions({ ne: 3, ni: 1, synapses: 2 }).excitatorySynapses).toBe(2); // round(1.5)
    expect(resolveSparseOptions({ ne: 5, ni: 0, synapses: 7 }).excitatorySynapses).toBe(7);
  });

  it('throws a ParameterError for K or threads out of range, or more synapses than fit', () => {
    for (const synapses of [0, 1.5, -3, Number.NaN]) {
      expect(() => resolveSparseOptions({ synapses })).toThrow(ParameterError);
    }
    expect(() => resolveSparseOptions({ synapses: 10, threads: 0 })).toThrow(
      /threads must be a whole number from 1 to 256, got 0/,
    );
    expect(() => resolveSparseOptions({ ne: 4_000_000, ni: 1_000_000, synapses: 1000 })).toThrow(
      /5000000 neurons × 1000 synapses is more than 2147483647 synapses/,
    );
  });
});

describe('sparseWeightScales(options)', () => {
  it('is 800/Ke and 200/(K − Ke), or 1 and 1 unscaled', () => {
    expect(sparseWeightScales({ synapses: 1000, excitatorySynapses: 800, scale: true })).toEqual({
      excitatory: 1,
      inhibitory: 1,
    });
    expect(sparseWeightScales({ synapses: 100, excitatorySynapses: 80, scale: true })).toEqual({
      excitatory: 10,
      inhibitory: 10,
    });
    expect(sparseWeightScales({ synapses: 100, excitatorySynapses: 80, scale: false })).toEqual({
      excitatory: 1,
      inhibitory: 1,
    });
  });
});
