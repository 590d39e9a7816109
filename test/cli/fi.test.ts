import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('izhikit fi', () => {
  it('prints the rheobase, the class and the rate at each input', () => {
    const { status, stdout } = runCli([
      'fi',
      '--preset',
      'class-1-excitable',
      '--from',
      '0',
      '--to',
      '10',
      '--steps',
      '6',
    ]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/rheobase 2\.2\d+;.*Class 1/);
    expect(stdout.trim().split('\n')).toHaveLength(3 + 6);
  });

  it('writes JSON and CSV', () => {
    const json = JSON.parse(
      runCli([
        'fi',
        '--preset',
        'class-2-excitable',
        '--from',
        '0',
        '--to',
        '2',
        '--steps',
        '5',
        '--format',
        'json',
      ]).stdout,
    );
    expect(json.excitabilityClass).toBe('class 2');
    expect(json.points).toHaveLength(5);
    expect(json.points[0]).toMatchObject({ I: 0, rate: 0, startedAtRest: true });
    const csv = runCli([
      'fi',
      '--preset',
      'fs',
      '--from',
      '0',
      '--to',
      '10',
      '--steps',
      '3',
      '--format',
      'csv',
    ]).stdout;
    expect(csv.split('\n')[0]).toBe('I,rate_hz,spikes,started_at_rest,meaningless');
    expect(csv.trim().split('\n')).toHaveLength(4);
  });

  it('fails in one line for bad steps', () => {
    const { status, stderr } = runCli(['fi', '--preset', 'rs', '--steps', '1']);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/^izhikit: steps must be a whole number from 2 to 100000, got 1\n$/);
  });
});
