import { describe, expect, it } from 'vitest';
import { CELLS_2007 } from '../../src/presets/cells-2007.js';
import { runCli } from '../helpers/cli.js';

describe('izhikit classify for the 2007 form', () => {
  it('--model 2007 --all names every book preset as the preset declares', () => {
    const { status, stdout } = runCli(['classify', '--model', '2007', '--all', '--format', 'json']);
    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as { id: string; pattern: string }[];
    expect(rows.map((r) => r.id)).toEqual(CELLS_2007.map((p) => p.id));
    rows.forEach((row, i) => expect(row.pattern).toBe(CELLS_2007[i]!.pattern));
  });

  it('--preset ch-2007 is tonic bursting over its step from 100 ms', () => {
    const { status, stdout } = runCli(['classify', '--preset', 'ch-2007']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^tonic bursting\n.*window 100–600 ms/);
  });

  it('--model 2007 with flags classifies the run over the given window', () => {
    const args = ['classify', '--model', '2007', '--input', '100*(t>100)', '--onset', '100'];
    const { status, stdout } = runCli([...args, '--format', 'json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'custom', window: { onset: 100, end: 1000 } });
  });
});
