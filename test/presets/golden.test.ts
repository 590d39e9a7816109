import { describe, expect, it } from 'vitest';
import golden from '../fixtures/golden-spikes.json' with { type: 'json' };
import { simulate } from '../../src/model/simulate.js';
import { presetOptions } from '../../src/presets/lookup.js';
import { PRESETS } from '../../src/presets/presets.js';

const reference = golden.spikes as Record<string, number[]>;

describe('the 28 presets with the reference scheme', () => {
  it('the reference data covers exactly the presets', () => {
    expect(Object.keys(reference).sort()).toEqual(PRESETS.map((p) => p.id).sort());
  });

  for (const preset of PRESETS) {
    it(`${preset.id} reproduces the reference spike times to 1e-9 ms`, () => {
      const expected = reference[preset.id] as number[];
      const spikes = Array.from(simulate(presetOptions(preset)).spikes);
      expect(spikes).toHaveLength(expected.length);
      spikes.forEach((t, i) => expect(Math.abs(t - (expected[i] as number))).toBeLessThan(1e-9));
    });
  }

  it('spikes-only runs give the same spike times as traced runs', () => {
    for (const preset of PRESETS) {
      const traced = simulate(presetOptions(preset)).spikes;
      const spikesOnly = simulate(presetOptions(preset, { spikesOnly: true })).spikes;
      expect(Array.from(spikesOnly)).toEqual(Array.from(traced));
    }
  });
});
