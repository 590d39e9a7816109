import { describe, expect, it } from 'vitest';
import {
  detectMeaninglessRun,
  isMeaninglessTrain,
  medianStepsPerSpike,
} from '../../src/dynamics/meaningless.js';

describe('detectMeaninglessRun(spikes, window, dt): a spike at (nearly) every step', () => {
  it('finds spikes at every step and every other step, and leaves fast real firing alone', () => {
    const every = Float64Array.from({ length: 40 }, (_, k) => 10 + k * 0.25);
    const found = detectMeaninglessRun(every, { onset: 0, end: 20 }, 0.25);
    expect(found?.medianStepsPerSpike).toBe(1);
    expect(found?.spikeCount).toBe(40);
    const everyOther = Float64Array.from({ length: 40 }, (_, k) => k * 0.5);
    expect(detectMeaninglessRun(everyOther, { onset: 0, end: 20 }, 0.25)?.medianStepsPerSpike).toBe(
      2,
    );
    // 400 Hz (every 2.5 ms = 10 steps) is fast but resolved.
    const fast = Float64Array.from({ length: 40 }, (_, k) => k * 2.5);
    expect(detectMeaninglessRun(fast, { onset: 0, end: 100 }, 0.25)).toBeUndefined();
    expect(detectMeaninglessRun(every.subarray(0, 2), { onset: 0, end: 20 }, 0.25)).toBeUndefined();
  });
});

describe('isMeaninglessTrain(spikes, from, to, dt)', () => {
  it('agrees with the sorted median on trains of 3 to 12 spikes on a 0.25 ms grid', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 2000; trial++) {
      const count = 3 + Math.floor(next() * 10);
      const spikes = new Float64Array(count);
      for (let i = 1; i < count; i++)
        spikes[i] = (spikes[i - 1] as number) + 0.25 * (1 + Math.floor(next() * 4));
      const median = medianStepsPerSpike(spikes, 0, count, 0.25);
      expect(isMeaninglessTrain(spikes, 0, count, 0.25)).toBe(median <= 2);
    }
    expect(isMeaninglessTrain(Float64Array.of(0, 0.25), 0, 2, 0.25)).toBe(false);
  });
});
