import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('izhikit classify', () => {
  it('names a preset\u2019s pattern on its own protocol, with the reason', () => {
    const { status, stdout } = runCli(['classify', '--preset', 'ib']);
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('mixed mode');
    expect(stdout).toContain('a burst, a pause, then single spikes');
  });

  it('classifies a neuron given by flags like run, over a chosen window', () => {
    const json = JSON.parse(
      runCli([
        'classify',
        '--a',
        '0.02',
        '--b',
        '0.2',
        '--c',
        '-50',
        '--d',
        '2',
        '--v0',
        '-70',
        '--input',
        '10*(t>15)',
        '--onset',
        '15',
        '--duration',
        '300',
        '--format',
        'json',
      ]).stdout,
    );
    expect(json.pattern).toBe('tonic-bursting');
    expect(json.window).toEqual({ onset: 15, end: 300, kind: 'given' });
  });

  it('--all lists the 28 presets with their labels and the papers\u2019 names', () => {
    const rows = JSON.parse(runCli(['classify', '--all', '--format', 'json']).stdout);
    expect(rows).toHaveLength(28);
    expect(rows.find((r: { id: string }) => r.id === 'ch').pattern).toBe('tonic-bursting');
    const table = runCli(['classify', '--all']).stdout;
    expect(table).toMatch(/^resonator\s+tonic spiking\s+not a step\s+resonator$/m);
  });
});
