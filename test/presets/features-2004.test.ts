import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/presets/features-2004.js';

describe('FEATURES', () => {
  it('holds the 20 features of [2004] Fig. 1 in panel order, each citing its panel', () => {
    expect(FEATURES.map((p) => p.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    for (const preset of FEATURES) {
      expect(preset.group).toBe('features');
      expect(preset.source).toBe(`[2004] Fig. 1(${preset.letter})`);
    }
  });

  it('uses (k1, k0) = (4.1, 108) for class-1-excitable and integrator only', () => {
    const changed = FEATURES.filter((p) => p.params.k1 !== undefined).map((p) => p.id);
    expect(changed).toEqual(['class-1-excitable', 'integrator']);
  });
});
