import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('izhikit map', () => {
  it('sweeps two parameters and prints how many cells fire each pattern', () => {
    const { status, stdout } = runCli([
      'map',
      '--x',
      'c:-65:-50:4',
      '--y',
      'd:2:8:3',
      '--duration',
      '200',
    ]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^4 × 3 map over \(c, d\)/);
    expect(stdout).toMatch(/tonic bursting\s+\d+ cells/);
  });

  it('writes JSON with one code per cell, the same on two workers, and draws the map', () => {
    const dir = mkdtempSync(join(tmpdir(), 'izhikit-map-'));
    const args = [
      'map',
      '--x',
      'a:0.01:0.1:5',
      '--y',
      'b:0.1:0.3:4',
      '--duration',
      '150',
      '--format',
      'json',
    ];
    const one = JSON.parse(runCli(args).stdout);
    const two = JSON.parse(
      runCli([...args, '--workers', '2', '--plot', join(dir, 'map.svg')]).stdout,
    );
    expect(one.codes).toHaveLength(20);
    expect(two.codes).toEqual(one.codes);
    expect(one.patterns[1]).toBe('tonic-spiking');
    expect(readFileSync(join(dir, 'map.svg'), 'utf8')).toContain('data-figure="parameter-map"');
  });

  it('fails in one line for a malformed axis', () => {
    const { status, stderr } = runCli(['map', '--x', 'a:0:1']);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/^izhikit: .*expected NAME:FROM:TO:STEPS.*\n$/);
  });
});
