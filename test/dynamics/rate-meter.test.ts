import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import {
  RateMeter,
  startFromRest,
  type ConstantInputModel,
} from '../../src/dynamics/rate-meter.js';

// A model that fires every `period` ms from t = `first` (period I-dependent), on any grid.
function periodicModel(first: number): ConstantInputModel {
  return {
    start: () => ({ v: -70, u: -14, atRest: true }),
    run: (_v0, _u0, I, dt, lastStep, spikes) => {
      if (I < 0) return -1;
      const period = 100 / I;
      let count = 0;
      for (let t = first; t <= lastStep * dt; t += period) spikes[count++] = t;
      return count;
    },
  };
}

describe('RateMeter(model, options).measure(I)', () => {
  it('takes the rate from the spikes after the transient, or from the last ISI', () => {
    const meter = new RateMeter(periodicModel(10), { duration: 1000, transient: 200, dt: 0.25 });
    // I = 10: a spike every 10 ms, 100 Hz.
    expect(meter.measure(10).rate).toBeCloseTo(100, 9);
    // I = 0.2: spikes at 10 and 510 ms: one after the transient, so the last ISI gives 2 Hz.
    const slow = meter.measure(0.2);
    expect(slow.count).toBe(2);
    expect(slow.rate).toBeCloseTo(2, 9);
  });

  it('marks a train that spikes at every step meaningless, and refuses a run that diverged', () => {
    const meter = new RateMeter(periodicModel(0), { duration: 100, transient: 10, dt: 1 });
    expect(meter.measure(100).meaningless).toBe(true);
    expect(meter.measure(1).meaningless).toBe(false);
    expect(() => meter.measure(-1)).toThrow(
      'the run at I = -1 diverged: try a smaller dt than 1 ms',
    );
  });

  it('refuses a transient outside [0, duration)', () => {
    expect(() => new RateMeter(periodicModel(0), { duration: 100, transient: 100 })).toThrow(
      ParameterError,
    );
  });
});

describe('startFromRest(restingAt, I, reset)', () => {
  const reset = () => ({ v: -50, u: 2 });
  it('starts at rest at I, else at rest at 0, else at the reset', () => {
    const rest = (I: number) => (I < 5 ? { v: -70 + I, u: -14 } : undefined);
    expect(startFromRest(rest, 3, reset)).toEqual({ v: -67, u: -14, atRest: true });
    expect(startFromRest(rest, 8, reset)).toEqual({ v: -70, u: -14, atRest: false });
    expect(startFromRest(() => undefined, 8, reset)).toEqual({ v: -50, u: 2, atRest: false });
  });
});
