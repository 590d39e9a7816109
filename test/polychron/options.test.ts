import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { checkPolychronDuration, resolvePolychronOptions } from '../../src/polychron/options.js';

describe('resolvePolychronOptions(options)', () => {
  it('fills in the paper network', () => {
    expect(resolvePolychronOptions()).toMatchObject({
      ne: 800,
      ni: 200,
      synapsesPerNeuron: 100,
      maxDelay: 20,
      maxWeight: 10,
      variant: 'matlab',
      seed: 1,
    });
  });

  it('refuses seeds out of range, unknown variants and impossible sizes with a ParameterError naming them', () => {
    expect(() => resolvePolychronOptions({ seed: -1 })).toThrow(/seed must be a whole number/);
    expect(() => resolvePolychronOptions({ seed: 2 ** 32 })).toThrow(ParameterError);
    expect(() => resolvePolychronOptions({ seed: 1.5 })).toThrow(/seed/);
    expect(() => resolvePolychronOptions({ variant: 'octave' as 'matlab' })).toThrow(
      /matlab or cpp/,
    );
    expect(() => resolvePolychronOptions({ synapsesPerNeuron: 30 })).toThrow(
      /multiple of maxDelay/,
    );
    expect(() =>
      resolvePolychronOptions({
        variant: 'cpp',
        ne: 40,
        ni: 10,
        synapsesPerNeuron: 60,
        maxDelay: 20,
      }),
    ).toThrow(/distinct targets/);
  });
});

describe('checkPolychronDuration(seconds)', () => {
  it('takes whole seconds from 0 and refuses negative, fractional and huge durations', () => {
    expect(checkPolychronDuration(0)).toBe(0);
    expect(checkPolychronDuration(3600)).toBe(3600);
    expect(() => checkPolychronDuration(-1)).toThrow(/duration must be a whole number/);
    expect(() => checkPolychronDuration(2.5)).toThrow(ParameterError);
    expect(() => checkPolychronDuration(Number.NaN)).toThrow(ParameterError);
    expect(() => checkPolychronDuration(1e7)).toThrow(/1000000/);
  });
});
