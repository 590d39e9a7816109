import { describe, expect, it } from 'vitest';
import { formatNumber, formatOnGrid } from '../../../web/ui/dom.js';

describe('formatOnGrid', () => {
  it('formatOnGrid(value, step) keeps one decimal more than the grid spacing needs', () => {
    expect(formatOnGrid(2 * (0.2 / 9), 0.2 / 9)).toBe('0.044');
    expect(formatOnGrid(0.1 + 0.2, 0.1)).toBe('0.3');
    expect(formatOnGrid(-65.5, 0.5)).toBe('-65.5');
    expect(formatOnGrid(1234.56789, 10)).toBe('1235');
    expect(formatOnGrid(0.000123456, 1e-5)).toBe('0.000123');
  });

  it('formatOnGrid falls back to formatNumber for a step that is not positive', () => {
    expect(formatOnGrid(1.23456, 0)).toBe(formatNumber(1.23456, 4));
    expect(formatOnGrid(Number.NaN, 0.1)).toBe('NaN');
  });
});
