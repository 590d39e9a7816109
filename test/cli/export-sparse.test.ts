import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateSparseNetwork } from '../../src/sparse/simulation.js';
import { runCli } from '../helpers/cli.js';
import { expectRatesNear, runScript } from '../helpers/python.js';

const dir = mkdtempSync(join(tmpdir(), 'izhikit-export-sparse-'));
const network = ['--ne', '400', '--ni', '100', '--synapses', '100', '--seed', '3'];

describe('izhikit export --synapses K (the sparse network)', () => {
  it('--to brian2: the script runs in Brian2 and its rates are within 35 % of izhikit’s', async () => {
    const script = join(dir, 'sparse.py');
    const made = runCli(['export', '--to', 'brian2', ...network, '--out', script]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stderr).toContain('(50000 connections)');
    const brian = runScript(script, ['--codegen', 'numpy'], dir);
    const izhikit = await simulateSparseNetwork({ ne: 400, ni: 100, synapses: 100, seed: 3 });
    expect(izhikit.rates.excitatory).toBeGreaterThan(1);
    expectRatesNear(brian.rates, izhikit.rates);
  }, 120000);

  it('--to pynn: on the mock backend the script builds the populations and the N·K connections', () => {
    const script = join(dir, 'sparse-pynn.py');
    const made = runCli(['export', '--to', 'pynn', ...network, '--out', script]);
    expect(made.status, made.stderr).toBe(0);
    const result = runScript(script, ['--simulator', 'mock'], dir);
    expect(result.populations).toEqual({ excitatory: 400, inhibitory: 100 });
    expect(result.connections).toBe(500 * 100);
  }, 120000);

  it('refuses K = 0, a K that is not whole and a network too large for the memory limit', () => {
    const out = join(dir, 'bad.py');
    for (const [args, pattern] of [
      [['--synapses', '0'], /synapses must be a whole number from 1/],
      [['--synapses', '2.5'], /expected a whole number, got '2\.5'/],
      [['--synapses', '1000', '--ne', '80000', '--ni', '20000'], /needs .* GB \(limit/],
    ] as const) {
      const { status, stderr } = runCli(['export', '--to', 'brian2', ...args, '--out', out]);
      expect(status).not.toBe(0);
      expect(stderr).toMatch(/^izhikit: .+\n$/);
      expect(stderr).toMatch(pattern);
    }
  });
});
