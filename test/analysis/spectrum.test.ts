import { describe, it, expect } from 'vitest';
import { dominantFrequency, powerSpectrum } from '../../src/analysis/spectrum.js';

function naivePower(signal: number[]): number[] {
  const length = signal.length;
  const mean = signal.reduce((a, b) => a + b, 0) / length;
  const power: number[] = [];
  for (let k = 0; k <= Math.floor(length / 2); k++) {
    let re = 0;
    let im = 0;
    for (let n = 0; n < length; n++) {
      re += (signal[n]! - mean) * Math.cos((2 * Math.PI * k * n) / length);
      im -= (signal[n]! - mean) * Math.sin((2 * Math.PI * k * n) / length);
    }
    const twoSided = k === 0 || 2 * k === length ? 1 : 2;
    power.push((twoSided * (re * re + im * im)) / (length * length));
  }
  return power;
}

describe('powerSpectrum', () => {
  it('powerSpectrum(signal, 1000) of 1000 samples gives whole-Hz frequencies and A²/2 at a sine', () => {
    const signal = Array.from(
      { length: 1000 },
      (_, n) => 7 + 3 * Math.sin((2 * Math.PI * 8 * n) / 1000),
    );
    const spectrum = powerSpectrum(signal, 1000);
    expect(spectrum.frequency.length).toBe(501);
    expect(spectrum.frequency[8]).toBe(8);
    expect(spectrum.frequency[500]).toBe(500);
    expect(spectrum.power[8]).toBeCloseTo(4.5, 9);
    expect(spectrum.power[0]).toBeCloseTo(0, 12);
    expect(dominantFrequency(spectrum)).toBe(8);
  });

  it('powerSpectrum agrees with a direct DFT for lengths that are and are not powers of two', () => {
    for (const length of [2, 3, 16, 37, 100, 256, 999]) {
      const signal = Array.from({ length }, (_, n) => Math.sin(n * 1.3) + ((n * 7919) % 13) / 5);
      const fast = powerSpectrum(signal, 1000).power;
      const slow = naivePower(signal);
      expect(fast.length).toBe(slow.length);
      for (let k = 0; k < slow.length; k++) expect(fast[k]).toBeCloseTo(slow[k]!, 10);
    }
  });

  it('dominantFrequency(spectrum) ignores 0 Hz and is NaN for a flat signal', () => {
    expect(Number.isNaN(dominantFrequency(powerSpectrum([5, 5, 5, 5], 1000)))).toBe(true);
    const twoTones = Array.from(
      { length: 500 },
      (_, n) =>
        100 + Math.cos((2 * Math.PI * 40 * n) / 1000) + 2 * Math.cos((2 * Math.PI * 10 * n) / 1000),
    );
    expect(dominantFrequency(powerSpectrum(twoTones, 1000))).toBe(10);
  });
});
