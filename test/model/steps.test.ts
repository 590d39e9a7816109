import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { MAX_STEPS, stepCount } from '../../src/model/steps.js';

describe('stepCount(dt, duration)', () => {
  it('is round(T/dt)', () => {
    expect(stepCount(0.25, 150)).toBe(600);
    expect(stepCount(0.2, 200)).toBe(1000);
    expect(stepCount(0.1, 50)).toBe(500);
  });

  it('refuses a dt or duration that is not positive and finite, a dt above the duration and too many steps', () => {
    for (const [dt, duration, name] of [
      [0, 100, 'dt'],
      [-1, 100, 'dt'],
      [NaN, 100, 'dt'],
      [1, 0, 'duration'],
      [1, Infinity, 'duration'],
      [2, 1, 'dt'],
      [1e-9, 10 * MAX_STEPS * 1e-9, 'dt'],
    ] as const) {
      expect(() => stepCount(dt, duration), `${dt}, ${duration}`).toThrow(
        expect.objectContaining({ name: 'ParameterError', parameter: name }),
      );
    }
    expect(() => stepCount(0, 1)).toThrow(ParameterError);
  });
});
