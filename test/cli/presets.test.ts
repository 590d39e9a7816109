import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/presets/presets.js';
import { runCli } from '../helpers/cli.js';

describe('izhikit presets', () => {
  it('prints a table with every id, name and source', () => {
    const { status, stdout } = runCli(['presets']);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(29);
    for (const preset of PRESETS) {
      expect(stdout).toMatch(
        new RegExp(`^${preset.id}\\s+.*${preset.name.replace(/[()]/g, '\\$&')}`, 'm'),
      );
    }
  });

  it('--format json prints the presets as data', () => {
    const presets = JSON.parse(runCli(['presets', '--format', 'json']).stdout);
    expect(presets).toHaveLength(28);
    expect(presets[18]).toMatchObject({ id: 'resonator', letter: 'K', dt: 0.25, duration: 400 });
  });
});
