import { describe, expect, it } from 'vitest';
import { CELLS_2007 } from '../../src/presets/cells-2007.js';
import { PRESETS } from '../../src/presets/presets.js';
import { runCli } from '../helpers/cli.js';

describe('izhikit presets', () => {
  it('prints a table with every id, name and source', () => {
    const { status, stdout } = runCli(['presets']);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1 + PRESETS.length + CELLS_2007.length);
    for (const preset of [...PRESETS, ...CELLS_2007]) {
      expect(stdout).toMatch(
        new RegExp(`^${preset.id}\\s+.*${preset.name.replace(/[()]/g, '\\$&')}`, 'm'),
      );
    }
  });

  it('--format json prints the presets as data', () => {
    const presets = JSON.parse(runCli(['presets', '--format', 'json']).stdout);
    expect(presets).toHaveLength(28 + CELLS_2007.length);
    expect(presets[28]).toMatchObject({ id: 'rs-2007', group: 'cells-2007', dt: 1 });
    expect(presets[18]).toMatchObject({ id: 'resonator', letter: 'K', dt: 0.25, duration: 400 });
  });
});
