import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('izhikit map for the 2007 form', () => {
  it('--model 2007 --format json maps d against I in pA by default, for the book RS neuron', () => {
    const { status, stdout, stderr } = runCli([
      'map',
      '--model',
      '2007',
      '--x',
      'd:0:150:4',
      '--duration',
      '300',
      '--format',
      'json',
    ]);
    expect(status, stderr).toBe(0);
    const map = JSON.parse(stdout);
    expect(map.model).toBe('2007');
    expect(map.spec.x).toEqual({ name: 'd', from: 0, to: 150, steps: 4 });
    expect(map.spec.y).toMatchObject({ name: 'I', from: 0, to: 300 });
    expect(map.spec.base).toMatchObject({ C: 100, k: 0.7, vr: -60 });
    expect(map.codes).toHaveLength(4 * map.spec.y.steps);
    expect(map.codes[0]).toBe(0);
  });

  it('--preset fs-2007 sweeps a cell-type term, as CSV', () => {
    const args = ['map', '--preset', 'fs-2007', '--x', 'cubicVb:-60:-50:3', '--y', 'I:50:400:2'];
    const { status, stdout } = runCli([...args, '--format', 'csv']);
    expect(status).toBe(0);
    const rows = stdout.trim().split('\n');
    expect(rows[0]).toBe('cubicVb,I,code,pattern');
    expect(rows).toHaveLength(7);
  });

  it('--plot draws the map of the 2007 form with its units, beside the JSON of the same cells', () => {
    const dir = mkdtempSync(join(tmpdir(), 'izhikit-map-2007-'));
    const plot = join(dir, 'fs.svg');
    const args = ['map', '--preset', 'fs-2007', '--x', 'd:0:150:4', '--y', 'I:0:300:3'];
    const { status, stdout, stderr } = runCli([...args, '--format', 'json', '--plot', plot]);
    expect(status, stderr).toBe(0);
    const map = JSON.parse(stdout);
    const svg = readFileSync(plot, 'utf8');
    expect(svg).toContain('data-figure="parameter-map"');
    expect(svg).toContain('data-cells="12"');
    expect(svg).toContain('d (pA)');
    expect(svg).toContain('I (step input, pA)');
    expect(svg).toContain('C=20 k=1 vr=−55 vt=−40 vpeak=25 a=0.2 b=0.025 c=−45 cubicVb=−55');
    const total = map.codes.length;
    for (const count of map.counts as number[]) {
      if (count > 0) expect(svg).toContain(`${((100 * count) / total).toFixed(1)} % of cells`);
    }
  });

  it('--workers 2 gives the cells of one thread, cell for cell, and says so', () => {
    const args = ['map', '--preset', 'lts-2007', '--x', 'a:0.01:0.1:7', '--y', 'I:0:300:9'];
    const one = runCli([...args, '--workers', '1', '--format', 'json']);
    const two = runCli([...args, '--workers', '2', '--format', 'json']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    const [serial, parallel] = [JSON.parse(one.stdout), JSON.parse(two.stdout)];
    expect(parallel.codes).toHaveLength(63);
    expect(parallel.codes).toEqual(serial.codes);
    expect(parallel.counts).toEqual(serial.counts);
    expect(new Set(serial.codes).size).toBeGreaterThanOrEqual(2);
    expect(runCli([...args, '--workers', '2']).stdout).toMatch(/on 2 threads/);
  });

  it.each([
    [['map', '--model', '2007', '--x', 'C:-1:100:3'], /C must be a positive/],
    [['map', '--x', 'C:1:100:3'], /unknown parameter 'C' for the x axis/],
  ])('%j fails with one line', (args, pattern) => {
    const { status, stderr } = runCli(args);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/^izhikit: .+\n$/);
    expect(stderr).toMatch(pattern);
  });
});
