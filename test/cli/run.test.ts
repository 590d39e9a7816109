import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import golden from '../fixtures/golden-spikes.json' with { type: 'json' };
import { runCli } from '../helpers/cli.js';

function expectOneLineError(args: string[], pattern: RegExp): void {
  const { status, stdout, stderr } = runCli(args);
  expect(status, stderr).not.toBe(0);
  expect(stdout).toBe('');
  expect(stderr).toMatch(/^izhikit: .+\n$/);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\s at .*\.(js|ts):\d+/);
  expect(stderr).toMatch(pattern);
}

describe('izhikit run', () => {
  it('--preset resonator --format json prints the reference spikes', () => {
    const { status, stdout } = runCli(['run', '--preset', 'resonator', '--format', 'json']);
    expect(status).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.spikes).toEqual(golden.spikes.resonator);
    expect(output.params).toMatchObject({ a: 0.1, b: 0.26, c: -60, d: -1, v0: -62, vpeak: 30 });
    expect(output.dt).toBe(0.25);
    expect(output.duration).toBe(400);
    expect(output.trace.t).toHaveLength(1601);
    expect(Object.keys(output.trace)).toEqual(['t', 'v', 'u', 'I']);
  });

  it('prints a summary with count, rate and times by default', () => {
    const { status, stdout } = runCli(['run', '--preset', 'rs']);
    expect(status).toBe(0);
    expect(stdout).toContain('5 spikes, mean rate 33.33 Hz, first spike at 18.25 ms');
    expect(stdout).toContain('spike times (ms): 18.25 24.25 54.5 87.75 121');
  });

  it('lets flags override a preset and runs from flags alone', () => {
    const changed = JSON.parse(
      runCli(['run', '--preset', 'rs', '--d', '2', '--format', 'json', '--spikes-only']).stdout,
    );
    expect(changed.params.d).toBe(2);
    expect(changed.trace).toBeUndefined();
    expect(changed.spikes.length).toBeGreaterThan(5);
    const custom = runCli([
      'run',
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
      '--duration',
      '150',
      '--input',
      '10*(t>15)',
    ]);
    expect(custom.stdout).toContain('15 spikes');
  });

  it('--format csv writes t,v,u,I rows, or spike times with --spikes-only, to --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'izhikit-'));
    const file = join(dir, 'rs.csv');
    expect(runCli(['run', '--preset', 'rs', '--format', 'csv', '--out', file]).status).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('t,v,u,I');
    expect(lines).toHaveLength(602);
    expect(lines[74]?.startsWith('18.25,30,')).toBe(true);
    const spikes = runCli(['run', '--preset', 'rs', '--format', 'csv', '--spikes-only']).stdout;
    expect(spikes).toBe('spike_t\n18.25\n24.25\n54.5\n87.75\n121\n');
  });

  it('rejects bad input with one line on stderr and a non-zero exit', () => {
    expectOneLineError(['run', '--preset', 'nope'], /unknown preset 'nope'; known presets: rs, ib/);
    expectOneLineError(['run', '--a', 'abc'], /'--a <number>' argument 'abc' is invalid/);
    expectOneLineError(['run', '--a', 'NaN'], /expected a finite number/);
    expectOneLineError(['run', '--dt', 'Infinity'], /expected a finite number/);
    expectOneLineError(['run', '--dt', '0'], /dt must be positive/);
    expectOneLineError(['run', '--dt', '10', '--duration', '5'], /must not exceed the duration/);
    expectOneLineError(['run', '--duration', '-1'], /duration must be positive/);
    expectOneLineError(['run', '--input', '14*(t>'], /expected a value after '>' at position 6/);
    expectOneLineError(['run', '--input', 'process.exit(0)'], /only the named functions/);
    expectOneLineError(
      ['run', '--dt', '1e-6', '--duration', '1000'],
      /would need 32\.0 GB.*--spikes-only/,
    );
    expectOneLineError(
      ['run', '--dt', '10', '--duration', '1000', '--input', '10'],
      /diverged at t = 170 ms.*smaller dt/,
    );
    expectOneLineError(['run', '--bogus'], /unknown option '--bogus'/);
    expectOneLineError(['run', '--format', 'xml'], /expected one of summary, json, csv/);
    expectOneLineError(
      ['run', '--integrator', 'leapfrog'],
      /expected one of reference, euler, rk4/,
    );
    expectOneLineError(['frobnicate'], /unknown command 'frobnicate'/);
  });
});
