import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import type { RateMeter } from '../../src/dynamics/rate-meter.js';
import { bisectRheobase, checkRange, MAX_BISECTION_STEPS } from '../../src/dynamics/rheobase.js';

// A meter whose neuron fires from I = 3.7 on, counting the inputs it is asked about.
function thresholdMeter(threshold: number): { meter: RateMeter; asked: number[] } {
  const asked: number[] = [];
  const meter = {
    measure: (I: number) => {
      asked.push(I);
      return { count: I >= threshold ? 1 : 0 };
    },
  } as unknown as RateMeter;
  return { meter, asked };
}

describe('bisectRheobase(meter, from, to, tolerance)', () => {
  it('brackets the threshold to the tolerance, from above', () => {
    const { meter, asked } = thresholdMeter(3.7);
    const rheobase = bisectRheobase(meter, 0, 10, 1e-3) as number;
    expect(rheobase).toBeGreaterThanOrEqual(3.7);
    expect(rheobase - 3.7).toBeLessThanOrEqual(1e-3);
    expect(asked.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(10 / 1e-3)));
  });

  it('gives undefined when the neuron fires at `from` already or not even at `to`', () => {
    expect(bisectRheobase(thresholdMeter(-1).meter, 0, 10)).toBeUndefined();
    expect(bisectRheobase(thresholdMeter(11).meter, 0, 10)).toBeUndefined();
  });

  it('refuses a tolerance the bisection could not reach in MAX_BISECTION_STEPS halvings', () => {
    const { meter } = thresholdMeter(3.7);
    expect(() => bisectRheobase(meter, 0, 10, 10 / 2 ** (MAX_BISECTION_STEPS + 2))).toThrow(
      ParameterError,
    );
    expect(() => bisectRheobase(meter, 0, 10, 0)).toThrow('tolerance must be positive, got 0');
  });
});

describe('checkRange(from, to)', () => {
  it('refuses an empty range and one whose width overflows', () => {
    expect(() => checkRange(1, 1)).toThrow("'to' (1) must be above 'from' (1)");
    expect(() => checkRange(-1e308, 1e308)).toThrow(/too wide/);
    expect(() => checkRange(0, 1)).not.toThrow();
  });
});
