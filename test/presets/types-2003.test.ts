import { describe, expect, it } from 'vitest';
import { NEURON_TYPES } from '../../src/presets/types-2003.js';

describe('NEURON_TYPES', () => {
  it('holds the 8 types of [2003] Fig. 2, each in the types group', () => {
    expect(NEURON_TYPES.map((p) => p.id)).toEqual([
      'rs',
      'ib',
      'ch',
      'fs',
      'lts',
      'tc',
      'tc-burst',
      'rz',
    ]);
    for (const preset of NEURON_TYPES) {
      expect(preset.group).toBe('types');
      expect(preset.source).toBe('[2003] Fig. 2');
      expect(preset.letter).toBeUndefined();
    }
  });
});
