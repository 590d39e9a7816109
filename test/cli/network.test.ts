import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateNetwork } from '../../src/network/simulate.js';
import { simulateSparseNetwork } from '../../src/sparse/simulation.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'izhikit-network-'));

function expectOneLineError(args: string[], pattern: RegExp): void {
  const { status, stdout, stderr } = runCli(args);
  expect(status, stderr).not.toBe(0);
  expect(stdout).toBe('');
  expect(stderr).toMatch(/^izhikit: .+\n$/);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(pattern);
}

describe('izhikit network', () => {
  it('--format json prints the run with its spikes, rates, rhythm, timing and traces', () => {
    const args = ['network', '--ne', '80', '--ni', '20', '--duration', '300', '--seed', '3'];
    const { status, stdout, stderr } = runCli([...args, '--record', '0,85', '--format', 'json']);
    expect(status, stderr).toBe(0);
    expect(stderr).toBe('');
    const output = JSON.parse(stdout);
    const library = simulateNetwork({ ne: 80, ni: 20, duration: 300, seed: 3 });
    expect(output).toMatchObject({ ne: 80, ni: 20, dt: 1, duration: 300, seed: 3, scaled: true });
    expect(output.spikes.t).toEqual(Array.from(library.spikes.t));
    expect(output.spikes.i).toEqual(Array.from(library.spikes.i));
    expect(output.rates).toEqual(library.rates);
    expect(output.populationRate).toHaveLength(300);
    expect(output.dominantFrequency).toBe(library.dominantFrequency);
    expect(output.isiCv).toBe(library.isiCv);
    expect(output.elapsedMs).toBeGreaterThan(0);
    expect(Object.keys(output.traces)).toEqual(['0', '85']);
    expect(Object.keys(output.traces['85'])).toEqual(['t', 'v', 'u', 'I']);
    expect(output.traces['85'].v).toHaveLength(300);
  });

  it('--format csv --out FILE writes one spike per line under a t,i header', () => {
    const file = join(dir, 'spikes.csv');
    const args = ['network', '--ne', '40', '--ni', '10', '--duration', '200', '--no-scale'];
    const { status, stderr } = runCli([...args, '--format', 'csv', '--out', file]);
    expect(status, stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const library = simulateNetwork({ ne: 40, ni: 10, duration: 200, scale: false });
    expect(lines[0]).toBe('t,i');
    expect(lines).toHaveLength(library.spikes.t.length + 1);
    expect(lines[1]).toBe(`${library.spikes.t[0]},${library.spikes.i[0]}`);
  });

  it('--sigma-e, --sigma-i, --weight-e, --weight-i and --no-heterogeneity reach the network', () => {
    const args = ['network', '--ne', '40', '--ni', '10', '--duration', '200', '--seed', '4'];
    const changed = ['--sigma-e', '7', '--sigma-i', '0', '--weight-e', '0.3', '--weight-i', '1.5'];
    const { status, stdout, stderr } = runCli([
      ...args,
      ...changed,
      '--no-heterogeneity',
      '--format',
      'json',
    ]);
    expect(status, stderr).toBe(0);
    const output = JSON.parse(stdout);
    const library = simulateNetwork({
      ne: 40,
      ni: 10,
      duration: 200,
      seed: 4,
      excitatoryNoise: 7,
      inhibitoryNoise: 0,
      excitatoryWeight: 0.3,
      inhibitoryWeight: 1.5,
      heterogeneity: false,
    });
    expect(output).toMatchObject({
      noise: { excitatory: 7, inhibitory: 0 },
      weightScale: { excitatory: 0.3, inhibitory: 1.5 },
      heterogeneity: false,
    });
    expect(output.spikes.t).toEqual(Array.from(library.spikes.t));
    expect(output.spikes.i).toEqual(Array.from(library.spikes.i));
    // The defaults are the paper's: the same spikes as no flags at all.
    const paper = runCli([
      ...args,
      ...['--sigma-e', '5', '--sigma-i', '2', '--weight-e', '0.5', '--weight-i', '1'],
      '--format',
      'csv',
    ]);
    expect(paper.stdout).toBe(runCli([...args, '--format', 'csv']).stdout);
    expect(output.spikes.t).not.toEqual(
      JSON.parse(runCli([...args, '--format', 'json']).stdout).spikes.t,
    );
  });

  it('--threads 2 gives the spikes of --threads 1', () => {
    const args = ['network', '--duration', '200', '--format', 'csv'];
    const one = runCli([...args, '--threads', '1']);
    const two = runCli([...args, '--threads', '2']);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout.split('\n').length).toBeGreaterThan(1000);
    expect(two.stdout).toBe(one.stdout);
  });

  it('prints a summary by default, with no progress bar when stderr is not a terminal', () => {
    const { status, stdout, stderr } = runCli(['network', '--duration', '200']);
    expect(status, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^network: 800 excitatory \+ 200 inhibitory neurons, dt = 1 ms, T = 200 ms, seed 1/,
    );
    expect(stdout).toMatch(/mean rate: excitatory [\d.]+ Hz, inhibitory [\d.]+ Hz/);
    expect(stdout).toMatch(/dominant frequency of the population rate: [\d.]+ Hz/);
  });

  it('bad sizes, steps, indices and oversized networks fail with one line', () => {
    expectOneLineError(['network', '--ne', '-5'], /ne must be a whole number ≥ 0, got -5/);
    expectOneLineError(['network', '--ne', '2.5'], /expected a whole number, got '2\.5'/);
    expectOneLineError(['network', '--threads', '0'], /threads must be at least 1/);
    expectOneLineError(['network', '--ne', '0', '--ni', '0'], /at least one neuron/);
    expectOneLineError(['network', '--dt', '0'], /dt must be positive/);
    expectOneLineError(['network', '--dt', '5', '--duration', '2'], /must not exceed the duration/);
    expectOneLineError(['network', '--record', '3,x'], /expected neuron indices like 0,5,900/);
    expectOneLineError(['network', '--record', '1000'], /neuron 1000 does not exist/);
    expectOneLineError(
      ['network', '--ne', '80000', '--ni', '20000'],
      /the network of 100000 neurons needs 40\.0 GB for its weights \(40\.0 GB in all, limit [\d.]+ GB\): use fewer neurons/,
    );
    expectOneLineError(
      ['network', '--max-memory', '1'],
      /needs 4\.00 MB for its weights \(4\.39 MB in all, limit 1\.00 MB\)/,
    );
    expectOneLineError(['network', '--format', 'xml'], /expected one of summary, json, csv/);
    expectOneLineError(['network', '--sigma-e', '-1'], /--sigma-e must be ≥ 0, got -1/);
    expectOneLineError(['network', '--weight-i', 'x'], /expected a finite number.*got 'x'/);
  });
});

describe('izhikit network --synapses K', () => {
  it('--format json prints the sparse run, the same spikes as the library, for 1 and 2 threads', async () => {
    const args = [
      'network',
      '--ne',
      '1600',
      '--ni',
      '400',
      '--synapses',
      '50',
      '--duration',
      '200',
    ];
    const library = await simulateSparseNetwork({ ne: 1600, ni: 400, synapses: 50, duration: 200 });
    for (const threads of ['1', '2']) {
      const { status, stdout, stderr } = runCli([
        ...args,
        '--threads',
        threads,
        '--format',
        'json',
      ]);
      expect(status, stderr).toBe(0);
      const output = JSON.parse(stdout);
      expect(output).toMatchObject({ ne: 1600, ni: 400, synapses: 50, excitatorySynapses: 40 });
      expect(output.threads).toBe(Number(threads));
      expect(output.spikes.t).toEqual(Array.from(library.spikes.t));
      expect(output.spikes.i).toEqual(Array.from(library.spikes.i));
      expect(output.rates).toEqual(library.rates);
    }
  });

  it('prints a summary naming K, Ke, the threads and the weights’ factors', () => {
    const { status, stdout, stderr } = runCli([
      'network',
      '--synapses',
      '100',
      '--duration',
      '100',
    ]);
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(
      /seed 1, 100 synapses per neuron \(80 excitatory\), 1 thread, weights scaled \(×10 excitatory, ×10 inhibitory\)/,
    );
  });

  it('bad K and oversized sparse networks fail with one line', () => {
    expectOneLineError(['network', '--synapses', '0'], /synapses must be a whole number from 1/);
    expectOneLineError(
      ['network', '--ne', '800000', '--ni', '200000', '--synapses', '1000'],
      /the network of 1000000 neurons × 1000 synapses needs 8\.\d+ GB, 8\.00 GB of it for the synapses \(limit [\d.]+ GB\): use fewer neurons or synapses, or raise the limit \(--max-memory\)/,
    );
  });
});
