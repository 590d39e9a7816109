import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolychronVariant } from '../../src/polychron/options.js';
import { PolychronSimulation } from '../../src/polychron/simulation.js';
import { runCli } from '../helpers/cli.js';
import { expectRatesNear, runScript, type ScriptResult } from '../helpers/python.js';

const dir = mkdtempSync(join(tmpdir(), 'izhikit-export-polychron-'));

/** izhikit's run of `seconds`: rates, strongPercent of the last second, mean excitatory weight. */
function izhikitRun(variant: PolychronVariant, seconds: number) {
  const run = new PolychronSimulation({ seed: 2, variant });
  run.advance(1000);
  const first = run.result().lastSecond;
  run.advance((seconds - 1) * 1000);
  const { history } = run.result();
  const mean = (values: Float64Array): number => values.reduce((a, b) => a + b, 0) / values.length;
  const end = run.state.synapses.groupStart[800 * 20]!;
  let sum = 0;
  for (let s = 0; s < end; s++) sum += run.state.weight[s]!;
  return {
    rates: { excitatory: mean(history.excitatoryRate), inhibitory: mean(history.inhibitoryRate) },
    strongPercent: history.strongPercent[seconds - 1]!,
    meanWeight: sum / end,
    firstSecond: Array.from(first.t, (t, k) => `${t}:${first.i[k]!}`),
  };
}

/** The spikes of the first second as `t:i`, sorted. */
function firstSecond(result: ScriptResult): string[] {
  const spikes: string[] = [];
  result.spikes.t.forEach((t, k) => {
    if (t < 1000) spikes.push(`${t}:${result.spikes.i[k]!}`);
  });
  return spikes.sort();
}

function exportAndRun(variant: PolychronVariant, seconds: number): ScriptResult {
  const script = join(dir, `poly-${variant}.py`);
  const made = runCli([
    'export',
    '--to',
    'brian2',
    '--network',
    'polychron',
    '--variant',
    variant,
    '--seed',
    '2',
    '--duration',
    String(seconds * 1000),
    '--out',
    script,
  ]);
  expect(made.status, made.stderr).toBe(0);
  expect(existsSync(join(dir, `poly-${variant}_data`, 'input.npy'))).toBe(true);
  const result = runScript(script, ['--codegen', 'numpy'], dir);
  expect(result.seconds?.length).toBe(seconds);
  return result;
}

describe('izhikit export --network polychron', () => {
  it('--to brian2 (matlab): the first second is izhikit’s spike for spike; after 10 s rates and weights within 35 %', () => {
    const brian = exportAndRun('matlab', 10);
    const izhikit = izhikitRun('matlab', 10);
    // with izhikit's input and whole-number weights, the first second is izhikit's, spike for spike
    expect(izhikit.firstSecond.length).toBeGreaterThan(1000);
    expect(firstSecond(brian)).toEqual(izhikit.firstSecond.sort());
    expectRatesNear(brian.rates, izhikit.rates);
    const last = brian.seconds![9]!;
    // the mean excitatory weight rises from 6; its rise and the strong share within 35 %
    expect(izhikit.meanWeight - 6).toBeGreaterThan(0.1);
    const rise = (last.meanExcitatoryWeight - 6) / (izhikit.meanWeight - 6);
    expect(rise).toBeGreaterThan(0.65);
    expect(rise).toBeLessThan(1.35);
    expect(izhikit.strongPercent).toBeGreaterThan(0.1);
    expect(last.strongPercent / izhikit.strongPercent).toBeGreaterThan(0.65);
    expect(last.strongPercent / izhikit.strongPercent).toBeLessThan(1.35);
  }, 120000);

  it('--to brian2 (cpp): the first second is izhikit’s spike for spike; after 4 s rates and weights within 35 %', () => {
    const brian = exportAndRun('cpp', 4);
    const izhikit = izhikitRun('cpp', 4);
    expect(firstSecond(brian)).toEqual(izhikit.firstSecond.sort());
    expectRatesNear(brian.rates, izhikit.rates);
    const rise = (brian.seconds![3]!.meanExcitatoryWeight - 6) / (izhikit.meanWeight - 6);
    expect(izhikit.meanWeight - 6).toBeGreaterThan(0.02);
    expect(rise).toBeGreaterThan(0.65);
    expect(rise).toBeLessThan(1.35);
  }, 120000);

  it('--to pynn: on the mock backend the static part builds 800 + 200 cells and 100 000 connections', () => {
    const script = join(dir, 'poly-pynn.py');
    const made = runCli(['export', '--to', 'pynn', '--network', 'polychron', '--out', script]);
    expect(made.status, made.stderr).toBe(0);
    expect(readFileSync(script, 'utf8')).toContain('NOT exported: the STDP rule');
    const result = runScript(script, ['--simulator', 'mock'], dir);
    expect(result.populations).toEqual({ excitatory: 800, inhibitory: 200 });
    expect(result.connections).toBe(100000);
  }, 120000);

  it('refuses flags of the paper’s network, --variant without polychron and a part of a second', () => {
    const out = join(dir, 'bad.py');
    for (const [args, pattern] of [
      [['--network', 'polychron', '--ne', '100'], /--ne does not apply to --network polychron/],
      [['--network', 'polychron', '--synapses', '10'], /--synapses does not apply/],
      [['--network', 'polychron', '--no-scale'], /--no-scale does not apply/],
      [['--variant', 'cpp'], /--variant applies to --network polychron only/],
      [
        ['--network', 'polychron', '--duration', '5'],
        /multiple of 1000, got 5 \(for 5 s: --duration 5000\)/,
      ],
      [['--network', 'polychron', '--duration', '1500'], /multiple of 1000, got 1500$/m],
      [['--network', 'polychron', '--variant', 'fortran'], /expected one of matlab, cpp/],
      [['--network', 'dense'], /expected one of paper, polychron/],
    ] as const) {
      const { status, stderr } = runCli(['export', '--to', 'brian2', ...args, '--out', out]);
      expect(status).not.toBe(0);
      expect(stderr).toMatch(/^izhikit: .+\n$/);
      expect(stderr).toMatch(pattern);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('writes nothing when the script’s folder does not exist, and leaves no data folder behind', () => {
    const out = join(dir, 'missing', 'poly.py');
    const { status, stderr } = runCli([
      'export',
      '--to',
      'brian2',
      '--network',
      'polychron',
      '--out',
      out,
    ]);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/^izhikit: cannot write .*the folder does not exist \(ENOENT\)\n$/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
