import { describe, expect, it } from 'vitest';
import { classifyPreset, presetWindow } from '../../src/dynamics/classify-preset.js';
import { getPreset } from '../../src/presets/lookup.js';
import { PRESETS } from '../../src/presets/presets.js';

describe('presetWindow(preset)', () => {
  it('takes a step to the end of the run from its onset to the end', () => {
    expect(presetWindow(getPreset('rs'))).toEqual({ onset: 15, end: 150, kind: 'step' });
  });

  it('takes one long constant window within it, and flags pulses and ramps as other', () => {
    expect(presetWindow(getPreset('inhibition-induced-bursting'))).toEqual({
      onset: 50,
      end: 250,
      kind: 'window',
    });
    expect(presetWindow(getPreset('class-1-excitable')).kind).toBe('other');
    expect(presetWindow(getPreset('resonator')).kind).toBe('other');
    expect(presetWindow(getPreset('spike-latency')).kind).toBe('other');
  });
});

describe('classifyPreset(preset)', () => {
  it('labels every preset, and the step presets as the papers name them where they can', () => {
    const labels = Object.fromEntries(PRESETS.map((p) => [p.id, classifyPreset(p).pattern]));
    expect(Object.keys(labels)).toHaveLength(28);
    expect(labels).toMatchObject({
      ib: 'mixed-mode',
      ch: 'tonic-bursting',
      fs: 'tonic-spiking',
      'phasic-spiking': 'phasic-spiking',
      'tonic-bursting': 'tonic-bursting',
      'phasic-bursting': 'phasic-bursting',
      'mixed-mode': 'mixed-mode',
      'inhibition-induced-bursting': 'tonic-bursting',
      'inhibition-induced-spiking': 'tonic-spiking',
    });
  });
});
