import { describe, expect, it } from 'vitest';
import { UnknownPresetError } from '../../src/errors.js';
import { getPreset, PRESET_IDS, presetOptions } from '../../src/presets/lookup.js';
import { PRESETS } from '../../src/presets/presets.js';
import { compileExpression } from '../../src/input/compile.js';

describe('PRESETS', () => {
  it('holds 8 neuron types and 20 features A–T with unique ids', () => {
    expect(new Set(PRESET_IDS).size).toBe(28);
    expect(PRESETS.filter((p) => p.group === 'types')).toHaveLength(8);
    const letters = PRESETS.filter((p) => p.group === 'features').map((p) => p.letter);
    expect(letters).toEqual('ABCDEFGHIJKLMNOPQRST'.split(''));
  });

  it('every preset has a name, source, description, a valid input and stimulus windows inside its run', () => {
    for (const p of PRESETS) {
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.source).toMatch(/^\[(2003|2004)\] Fig\./);
      expect(p.description.length).toBeGreaterThan(20);
      expect(() => compileExpression(p.input)).not.toThrow();
      expect(p.stimulus.length).toBeGreaterThan(0);
      for (const w of p.stimulus) {
        expect(w.start).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeLessThanOrEqual(p.duration);
        expect(w.end).toBeGreaterThan(w.start);
      }
    }
  });

  it('stimulus windows mark where the input differs from its value before the first window', () => {
    for (const p of PRESETS) {
      const input = compileExpression(p.input).evaluate;
      const first = p.stimulus[0] as { start: number; end: number };
      const inside = (first.start + first.end) / 2;
      expect(input(inside), p.id).not.toBe(
        input(first.start > 0 ? first.start / 2 : p.duration - 1),
      );
    }
  });
});

describe('getPreset(id)', () => {
  it('returns the preset with that id', () => {
    expect(getPreset('resonator').letter).toBe('K');
  });

  it('throws UnknownPresetError listing the known ids', () => {
    expect(() => getPreset('nope')).toThrow(UnknownPresetError);
    expect(() => getPreset('nope')).toThrow(/known presets: rs, ib/);
    expect(() => getPreset('constructor')).toThrow(UnknownPresetError);
  });
});

describe('presetOptions(preset, overrides)', () => {
  it('carries the protocol and lets defined overrides win', () => {
    const options = presetOptions('accommodation', { d: 5, c: undefined });
    expect(options).toMatchObject({
      a: 0.02,
      b: 1,
      c: -55,
      d: 5,
      vb: -65,
      kappa: 0,
      u0: -16,
      dt: 0.5,
    });
  });
});
