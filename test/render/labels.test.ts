import { describe, expect, it } from 'vitest';
import { formatValue, significant } from '../../src/render/labels.js';

describe('significant(value, digits) and formatValue(value)', () => {
  it('rounds to significant digits', () => {
    expect(significant(3.14159, 3)).toBe(3.14);
    expect(significant(-0.000123456, 2)).toBe(-0.00012);
    expect(formatValue(-65)).toBe('−65');
  });

  it('never rounds a finite value near the largest double to Infinity', () => {
    expect(Number((-1.7950000000000001e308).toPrecision(3))).toBe(-Infinity);
    expect(significant(-1.7950000000000001e308, 3)).toBe(-1.7950000000000001e308);
    expect(significant(Number.MAX_VALUE, 2)).toBe(Number.MAX_VALUE);
    expect(formatValue(Number.MAX_VALUE)).toBe('1.79769e+308');
  });
});
