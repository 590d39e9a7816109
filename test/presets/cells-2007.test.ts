import { describe, expect, it } from 'vitest';
import { classifyBookPreset } from '../../src/dynamics/classify-preset-2007.js';
import { simulate2007 } from '../../src/model/simulate-2007.js';
import { CELLS_2007 } from '../../src/presets/cells-2007.js';
import { bookPresetOptions } from '../../src/presets/lookup-2007.js';

describe('CELLS_2007', () => {
  it('has unique ids, a source naming a figure of [2007] and stimulus windows inside the run', () => {
    const ids = CELLS_2007.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['rs-2007', 'ib-2007', 'ch-2007', 'lts-2007', 'fs-2007']),
    );
    expect(ids).toEqual(expect.arrayContaining(['tc-2007', 'tc-burst-2007', 'rtn-2007']));
    for (const preset of CELLS_2007) {
      expect(preset.source).toMatch(/^\[2007\] Fig\. 8\.\d+/);
      for (const window of preset.stimulus) {
        expect(window.start).toBeGreaterThanOrEqual(0);
        expect(window.end).toBeLessThanOrEqual(preset.duration);
      }
    }
  });

  it("rs-2007 is the book's RS protocol with SPEC §10's spike times", () => {
    const result = simulate2007(bookPresetOptions('rs-2007'));
    expect(Array.from(result.spikes)).toEqual([203, 350, 499, 649, 796, 943]);
  });

  it.each(CELLS_2007.map((preset) => [preset.id, preset] as const))(
    '%s: the classifier names the pattern the preset declares',
    (_, preset) => {
      const classification = classifyBookPreset(preset);
      expect(classification.pattern).toBe(preset.pattern);
      expect(classification.spikeCount).toBeGreaterThan(1);
    },
  );

  it('the burst-mode presets start at rest under their holding current', () => {
    for (const id of ['tc-burst-2007', 'rtn-burst-2007']) {
      const result = simulate2007({ ...bookPresetOptions(id), duration: 100 });
      const v = result.trace?.v as Float64Array;
      expect(Math.max(...v)).toBeCloseTo(-80, 9);
      expect(Math.min(...v)).toBeCloseTo(-80, 9);
    }
  });

  it('the special terms change the runs they belong to', () => {
    for (const [id, term] of [
      ['lts-2007', 'vpeakU'],
      ['fs-2007', 'cubicVb'],
      ['tc-2007', 'vpeakU'],
      ['tc-burst-2007', 'bHyper'],
    ] as const) {
      const options = bookPresetOptions(id);
      const plain = { ...options, [term]: undefined };
      if (term === 'bHyper') delete (plain as { vHyper?: number }).vHyper;
      const withTerm = Array.from(simulate2007(options).trace?.v ?? []);
      const without = Array.from(simulate2007(plain).trace?.v ?? []);
      expect(withTerm.length).toBe(without.length);
      expect(withTerm).not.toEqual(without);
    }
  });
});
