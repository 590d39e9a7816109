import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

function expectOneLineError(args: string[], pattern: RegExp): void {
  const { status, stdout, stderr } = runCli(args);
  expect(status, stderr).not.toBe(0);
  expect(stdout).toBe('');
  expect(stderr).toMatch(/^izhikit: .+\n$/);
  expect(stderr).not.toMatch(/\s at .*\.(js|ts):\d+/);
  expect(stderr).toMatch(pattern);
}

const BOOK_RS = ['--C', '100', '--k', '0.7', '--vr', '-60', '--vt', '-40', '--vpeak', '35'];
const BOOK_RS_RECOVERY = ['--a', '0.03', '--b', '-2', '--c', '-50', '--d', '100'];

describe('izhikit run --model 2007', () => {
  it("runs the book's RS neuron from flags with SPEC §10's spike times", () => {
    const { status, stdout } = runCli([
      'run',
      '--model',
      '2007',
      ...BOOK_RS,
      ...BOOK_RS_RECOVERY,
      '--dt',
      '1',
      '--duration',
      '1000',
      '--input',
      '70*(t>=100)',
      '--format',
      'json',
    ]);
    expect(status).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.model).toBe('2007');
    expect(output.spikes).toEqual([203, 350, 499, 649, 796, 943]);
    expect(output.params).toEqual({
      ...{ C: 100, k: 0.7, vr: -60, vt: -40, vpeak: 35 },
      ...{ a: 0.03, b: -2, c: -50, d: 100, v0: -60, u0: 0 },
    });
    expect(output.trace.t).toHaveLength(1000);
    expect(output.trace.v[202]).toBe(35);
  });

  it('--preset rs-2007 needs no --model and prints a summary in the book units', () => {
    const { status, stdout } = runCli(['run', '--preset', 'rs-2007']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/C=100 pF {2}k=0\.7 nS\/mV/);
    expect(stdout).toMatch(/spike times \(ms\): 203 350 499 649 796 943\n/);
  });

  it('--format csv writes t,v,u,I rows on the book grid, and --v0, --u0 set the start', () => {
    const { status, stdout } = runCli([
      'run',
      '--preset',
      'fs-2007',
      '--v0',
      '-70',
      '--u0',
      '5',
      '--format',
      'csv',
    ]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('t,v,u,I');
    expect(lines[1]).toBe('0,-70,5,0');
    expect(lines).toHaveLength(1 + 2400);
  });

  it('a special term from the flags changes the run, and --plot draws the figure', () => {
    const folder = mkdtempSync(join(tmpdir(), 'izhikit-2007-'));
    const plot = join(folder, 'lts.svg');
    const base = runCli(['run', '--preset', 'lts-2007', '--format', 'json']);
    const changed = runCli([
      'run',
      '--preset',
      'lts-2007',
      '--vpeak-u',
      '0',
      '--format',
      'json',
      '--plot',
      plot,
    ]);
    expect(changed.status).toBe(0);
    expect(JSON.parse(changed.stdout).params.vpeakU).toBeUndefined();
    expect(JSON.parse(base.stdout).params.vpeakU).toBe(-0.1);
    expect(readFileSync(plot, 'utf8')).toMatch(/low-threshold spiking/);
  });

  it.each([
    [['run', '--model', '2007', '--C', '0'], /C must be a positive capacitance/],
    [['run', '--model', '2007', '--C', '-1'], /C must be a positive/],
    [['run', '--model', '2007', '--vpeak', '-55'], /vpeak \(-55 mV\) must be above the reset c/],
    [['run', '--model', '2007', '--k', 'abc'], /abc/],
    [['run', '--model', '2007', '--b-hyper', '3'], /bHyper and vHyper go together/],
    [['run', '--model', '2007', '--k2', '0.04'], /--k2 is a parameter of the 2003 form/],
    [['run', '--C', '100'], /--C is a parameter of the 2007 form: add --model 2007/],
    [['run', '--model', '2003', '--preset', 'rs-2007'], /is of the 2007 form/],
    [['run', '--model', '2007', '--preset', 'rs'], /unknown preset 'rs'; known presets: rs-2007/],
    [['run', '--model', '1999'], /1999/],
    [['run', '--model', '2007', '--dt', '0'], /dt must be positive/],
  ])('%j fails with one line', (args, pattern) => expectOneLineError(args, pattern));
});
