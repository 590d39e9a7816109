import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLASSIFIER_THRESHOLDS,
  FIRING_PATTERNS,
  classifyPattern,
  classifyPatternCode,
  classifyRun,
  firingPatternOfCode,
} from '../../src/dynamics/classify.js';
import { simulate } from '../../src/model/simulate.js';
import { getPreset, presetOptions } from '../../src/presets/lookup.js';

function presetPattern(id: string): string {
  const preset = getPreset(id);
  const run = simulate({ ...presetOptions(preset), spikesOnly: true });
  const onset = preset.stimulus[0]?.start ?? 0;
  return classifyPattern(run.spikes, { onset, end: preset.duration }).pattern;
}

/** A train: groups of `size` spikes `intra` ms apart, `period` ms between group starts. */
function train(
  start: number,
  groups: number,
  size: number,
  intra: number,
  period: number,
): number[] {
  const spikes: number[] = [];
  for (let g = 0; g < groups; g++) {
    for (let s = 0; s < size; s++) spikes.push(start + g * period + s * intra);
  }
  return spikes;
}

describe('classifyPattern(spikes, window) on the presets, with their published protocols', () => {
  it.each([
    ['fs', 'tonic-spiking'],
    ['ch', 'tonic-bursting'],
    ['ib', 'mixed-mode'],
    ['phasic-spiking', 'phasic-spiking'],
    ['tonic-bursting', 'tonic-bursting'],
    ['phasic-bursting', 'phasic-bursting'],
    ['mixed-mode', 'mixed-mode'],
    ['spike-frequency-adaptation', 'spike-frequency-adaptation'],
    ['rs', 'spike-frequency-adaptation'],
    ['lts', 'spike-frequency-adaptation'],
    ['tc', 'tonic-spiking'],
  ])('labels %s %s', (id, expected) => {
    expect(presetPattern(id)).toBe(expected);
  });
});

describe('classifyPattern(spikes, window) on synthetic trains (general criteria)', () => {
  const window = { onset: 0, end: 300 };

  it('calls no spike quiescent and ignores spikes outside the window', () => {
    expect(classifyPattern([], window).pattern).toBe('quiescent');
    expect(classifyPattern([-5, 301], window).pattern).toBe('quiescent');
  });

  it('calls a regular train tonic spiking at any time scale', () => {
    expect(classifyPattern(train(5, 30, 1, 0, 10), window).pattern).toBe('tonic-spiking');
    const slow = train(50, 5, 1, 0, 50).map((t) => t * 10);
    expect(classifyPattern(slow, { onset: 0, end: 3000 }).pattern).toBe('tonic-spiking');
  });

  it('calls a response that stops early phasic, spiking or bursting', () => {
    expect(classifyPattern([12], window).pattern).toBe('phasic-spiking');
    const burst = classifyPattern(train(10, 1, 5, 3, 0), window);
    expect(burst.pattern).toBe('phasic-bursting');
    expect(burst.stopped).toBe(true);
    expect(burst.burstCount).toBe(1);
  });

  it('calls repeated groups tonic bursting, with the burst threshold between the ISI scales', () => {
    const result = classifyPattern(train(5, 6, 4, 3, 45), window);
    expect(result.pattern).toBe('tonic-bursting');
    expect(result.burstCount).toBe(6);
    expect(result.burstThreshold).toBeGreaterThan(3);
    expect(result.burstThreshold).toBeLessThan(36);
  });

  it('tells a burst, a pause, then single spikes (mixed mode) from steadily growing ISIs (adaptation)', () => {
    const mixed = [10, 13, 16, ...train(56, 9, 1, 0, 30)];
    expect(classifyPattern(mixed, window).pattern).toBe('mixed-mode');
    const adapting = [10, 13, 17, 23, 45, 75, 108, 143, 180, 218, 257, 296];
    expect(classifyPattern(adapting, window).pattern).toBe('spike-frequency-adaptation');
  });

  it('calls single spikes whose last ISI is 3× the first adapting, less tonic', () => {
    const isis = (growth: number) => {
      const spikes = [5];
      for (let i = 0; i < 12; i++)
        spikes.push((spikes[i] as number) + 10 * (1 + ((growth - 1) * i) / 11));
      return spikes;
    };
    const fast = isis(3.2);
    const slow = isis(2.5);
    expect(classifyPattern(fast, { onset: 0, end: (fast.at(-1) as number) + 5 }).pattern).toBe(
      'spike-frequency-adaptation',
    );
    expect(classifyPattern(slow, { onset: 0, end: (slow.at(-1) as number) + 5 }).pattern).toBe(
      'tonic-spiking',
    );
  });

  it('explains its label in one sentence', () => {
    const result = classifyPattern(train(5, 6, 4, 3, 45), window);
    expect(result.label).toBe('tonic bursting');
    expect(result.reason).toMatch(
      /^24 spikes: repeated bursts \(6 bursts of spikes closer than [\d.]+ ms\)$/,
    );
  });
});

describe('classifyPatternCode(spikes, count, onset, end)', () => {
  it('gives the code of classifyPattern\u2019s label, reading only the first `count` spikes', () => {
    const spikes = Float64Array.from([...train(5, 6, 4, 3, 45), 0, 0, 0]);
    const code = classifyPatternCode(spikes, spikes.length - 3, 0, 300);
    expect(firingPatternOfCode(code)).toBe('tonic-bursting');
    expect(FIRING_PATTERNS[code]).toBe(
      classifyPattern(spikes.subarray(0, spikes.length - 3), { onset: 0, end: 300 }).pattern,
    );
  });

  it('takes other thresholds', () => {
    const spikes = [5, 15, 26, 38, 51, 65, 80, 96, 113, 131];
    expect(classifyPatternCode(spikes, spikes.length, 0, 140)).toBe(1);
    const strict = { ...DEFAULT_CLASSIFIER_THRESHOLDS, adaptationRatio: 1.5 };
    expect(firingPatternOfCode(classifyPatternCode(spikes, spikes.length, 0, 140, strict))).toBe(
      'spike-frequency-adaptation',
    );
  });
});

describe('classifyRun(spikes, window): a spike at (nearly) every step', () => {
  it('gives no pattern for RS with d = -20 or at I = 1e6, and the pattern otherwise', () => {
    for (const overrides of [{ d: -20 }, { input: '1e6*(t>15)' }]) {
      const run = simulate({ ...presetOptions(getPreset('rs'), overrides), spikesOnly: true });
      const result = classifyRun(run.spikes, { onset: 15, end: 150, dt: run.dt });
      expect(result.pattern).toBeUndefined();
      expect(result.label).toBe('numerically meaningless');
      expect(result.reason).toMatch(/no pattern or class is given/);
    }
    const normal = simulate({ ...presetOptions(getPreset('rs')), spikesOnly: true });
    expect(classifyRun(normal.spikes, { onset: 15, end: 150, dt: 0.25 }).pattern).toBe(
      'spike-frequency-adaptation',
    );
  });
});
