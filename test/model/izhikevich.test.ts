import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import {
  DEFAULT_PARAMETERS,
  requireWholeNumber,
  resolveParameters,
  stripUndefined,
} from '../../src/model/izhikevich.js';

describe('resolveParameters(given)', () => {
  it('fills in the defaults (0.04, 5, 140, vb 0, κ 1, vpeak 30)', () => {
    expect(resolveParameters({ a: 0.02, b: 0.2, c: -65, d: 8 })).toEqual({
      a: 0.02,
      b: 0.2,
      c: -65,
      d: 8,
      ...DEFAULT_PARAMETERS,
    });
  });

  it('keeps given values and treats undefined as not given', () => {
    const p = resolveParameters({ a: 1, b: 2, c: 3, d: 4, k1: 4.1, k0: undefined });
    expect(p.k1).toBe(4.1);
    expect(p.k0).toBe(140);
  });

  it('names a missing required parameter', () => {
    const missing = { a: 1, b: 2, c: 3 } as unknown as Parameters<typeof resolveParameters>[0];
    expect(() => resolveParameters(missing)).toThrow(ParameterError);
    expect(() => resolveParameters(missing)).toThrow('d must be a finite number, got nothing');
  });
});

describe('requireWholeNumber(name, value, least, most)', () => {
  it('returns a whole number within the bounds, ends included', () => {
    expect(requireWholeNumber('steps', 2, 2, 10)).toBe(2);
    expect(requireWholeNumber('steps', 10, 2, 10)).toBe(10);
  });

  it('refuses a fraction, a number out of bounds and NaN, naming the option', () => {
    for (const value of [2.5, 1, 11, Number.NaN]) {
      expect(() => requireWholeNumber('steps', value, 2, 10)).toThrow(ParameterError);
    }
    expect(() => requireWholeNumber('steps', 11, 2, 10)).toThrow(
      'steps must be a whole number from 2 to 10, got 11',
    );
  });
});

describe('stripUndefined(value)', () => {
  it('drops the fields that are undefined and keeps 0, null and false', () => {
    expect(stripUndefined({ a: 0, b: undefined, c: null, d: false })).toEqual({
      a: 0,
      c: null,
      d: false,
    });
    expect(Object.keys(stripUndefined({ a: undefined }))).toEqual([]);
  });
});
