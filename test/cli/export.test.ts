import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateNetwork } from '../../src/network/simulate.js';
import { runCli } from '../helpers/cli.js';
import { expectRatesNear, runScript as runIn } from '../helpers/python.js';

const dir = mkdtempSync(join(tmpdir(), 'izhikit-export-'));
const runScript = (script: string, args: string[]) => runIn(script, args, dir);

describe('izhikit export', () => {
  it('--to brian2: the script runs in Brian2 and its rates are within 35 % of izhikit’s', () => {
    const script = join(dir, 'net.py');
    const made = runCli(['export', '--to', 'brian2', '--seed', '5', '--out', script]);
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(join(dir, 'net_data', 'weight.npy'))).toBe(true);
    const brian = runScript(script, ['--codegen', 'numpy']);
    const izhikit = simulateNetwork({ seed: 5 });
    expectRatesNear(brian.rates, izhikit.rates);
    expect(brian.spikes.t.length).toBe(brian.spikes.i.length);
    expect(Math.max(...brian.spikes.i)).toBeLessThan(1000);
  }, 600000);

  it('--to pynn: on the mock backend the script builds the populations and every connection', () => {
    const script = join(dir, 'small.py');
    const args = ['--ne', '60', '--ni', '15', '--duration', '100', '--out', script];
    const made = runCli(['export', '--to', 'pynn', ...args]);
    expect(made.status, made.stderr).toBe(0);
    const text = readFileSync(script, 'utf8');
    expect(text).toContain("nest.SetDefaults('izhikevich', {'consistent_integration': False})");
    expect(text).toContain('mpirun -n 64 python3 small.py --simulator nest');
    const result = runScript(script, ['--simulator', 'mock']);
    expect(result.populations).toEqual({ excitatory: 60, inhibitory: 15 });
    expect(result.connections).toBe(75 * 75);
  }, 600000);

  it('refuses a missing target, an unknown one and a script name without .py', () => {
    for (const [args, pattern] of [
      [['--out', join(dir, 'x.py')], /required option '--to <simulator>'/],
      [['--to', 'nest', '--out', join(dir, 'x.py')], /expected one of brian2, pynn/],
      [['--to', 'brian2', '--out', join(dir, 'x.txt')], /must end in \.py/],
    ] as const) {
      const { status, stderr } = runCli(['export', ...args]);
      expect(status).not.toBe(0);
      expect(stderr).toMatch(/^izhikit: .+\n$/);
      expect(stderr).toMatch(pattern);
    }
  });
});
