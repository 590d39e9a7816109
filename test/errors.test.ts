import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  DivergenceError,
  ExpressionError,
  formatBytes,
  IzhikitError,
  MemoryLimitError,
  ParameterError,
  UnknownPresetError,
} from '../src/errors.js';

describe('error classes', () => {
  it('carry fixed names (not derived from minifiable class names) and are IzhikitErrors', () => {
    const errors: [IzhikitError, string][] = [
      [new ParameterError('dt', 'm'), 'ParameterError'],
      [new ExpressionError('m', 3), 'ExpressionError'],
      [new DivergenceError('m', 1), 'DivergenceError'],
      [new MemoryLimitError('m', 2, 1), 'MemoryLimitError'],
      [new UnknownPresetError('x', ['rs']), 'UnknownPresetError'],
      [new CancelledError(), 'CancelledError'],
    ];
    for (const [error, name] of errors) {
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(IzhikitError);
      expect(error).toBeInstanceOf(Error);
    }
  });

  it('ExpressionError puts the position in its message', () => {
    const error = new ExpressionError("expected a value after '>'", 6);
    expect(error.message).toBe("expected a value after '>' at position 6");
    expect(error.description).toBe("expected a value after '>'");
  });
});

describe('formatBytes(bytes)', () => {
  it('uses decimal units with two to three significant digits', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(128000)).toBe('128 kB');
    expect(formatBytes(32e9)).toBe('32.0 GB');
    expect(formatBytes(1.5e9)).toBe('1.50 GB');
  });
});
