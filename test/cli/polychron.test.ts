import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'izhikit-polychron-'));
const file = (name: string): string => join(dir, name);

interface PolychronJson {
  seed: number;
  variant: string;
  duration: number;
  modelSeconds: number;
  elapsedMs: number;
  seconds: {
    second: number;
    excitatoryRate: number;
    inhibitoryRate: number;
    strongPercent: number;
  }[];
  weights: { edges: number[]; counts: number[] };
  spectrum: { dominantFrequency: number | null };
  groups?: { count: number; groups: unknown[] };
}

describe('izhikit polychron', () => {
  it('--format json has the per-second report, the weights, the spectrum and the loop time', () => {
    const out = runCli([
      'polychron',
      '--duration',
      '3',
      '--seed',
      '4',
      '--variant',
      'cpp',
      '--format',
      'json',
    ]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as PolychronJson;
    expect(json).toMatchObject({ seed: 4, variant: 'cpp', duration: 3, modelSeconds: 3 });
    expect(json.seconds.map((s) => s.second)).toEqual([1, 2, 3]);
    for (const s of json.seconds) {
      expect(s.excitatoryRate).toBeGreaterThan(0.5);
      expect(s.inhibitoryRate).toBeGreaterThan(s.excitatoryRate);
    }
    expect(json.weights.counts.reduce((a, b) => a + b, 0)).toBe(80000);
    expect(json.weights.edges).toHaveLength(41);
    expect(json.elapsedMs).toBeGreaterThan(0);
  });

  it('--save then --resume gives the per-second report of one uninterrupted run', () => {
    const whole = JSON.parse(
      runCli(['polychron', '--duration', '4', '--format', 'json']).stdout,
    ) as PolychronJson;
    expect(
      runCli(['polychron', '--duration', '2', '--save', file('a.ckpt'), '--out', file('a.txt')])
        .status,
    ).toBe(0);
    const rest = runCli([
      'polychron',
      '--resume',
      file('a.ckpt'),
      '--duration',
      '2',
      '--format',
      'json',
    ]);
    expect(rest.status).toBe(0);
    const resumed = JSON.parse(rest.stdout) as PolychronJson;
    expect(resumed.modelSeconds).toBe(4);
    expect(resumed.seconds).toEqual(whole.seconds);
    expect(resumed.weights).toEqual(whole.weights);
    expect(readFileSync(file('a.txt'), 'utf8')).toMatch(
      /^polychronization network \(2006\), matlab variant, seed 1: 2 s simulated/,
    );
  });

  it('--groups on a network with no strong synapses says there are none', () => {
    const out = runCli(['polychron', '--duration', '1', '--groups']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/no polychronous groups/);
    const json = JSON.parse(
      runCli(['polychron', '--duration', '1', '--groups', '--format', 'json']).stdout,
    ) as PolychronJson;
    expect(json.groups).toMatchObject({ count: 0, groups: [] });
  });

  it('--plot draws the figure beside the report', () => {
    expect(
      runCli(['polychron', '--duration', '2', '--plot', file('p.svg'), '--out', file('p.txt')])
        .status,
    ).toBe(0);
    expect(readFileSync(file('p.svg'), 'utf8')).toMatch(/data-figure="polychron"/);
  });

  const bad: [string, string[], RegExp][] = [
    ['a negative duration', ['--duration', '-5'], /duration must be a whole number from 0/],
    ['a fractional duration', ['--duration', '2.5'], /expected a whole number/],
    [
      'a seed out of range',
      ['--duration', '1', '--seed', '4294967296'],
      /seed must be a whole number/,
    ],
    [
      'an unknown variant',
      ['--duration', '1', '--variant', 'octave'],
      /expected one of matlab, cpp/,
    ],
    [
      'a missing checkpoint',
      ['--duration', '1', '--resume', join(dir, 'none.ckpt')],
      /cannot read the checkpoint .*ENOENT/,
    ],
    [
      'no threads for the group search',
      ['--duration', '1', '--groups', '--threads', '0'],
      /threads must be a whole number from 1 to 256, got 0/,
    ],
    [
      'the same file twice',
      ['--duration', '1', '--save', join(dir, 'x'), '--out', join(dir, 'x')],
      /different files/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with one line and exit 1`, () => {
      const out = runCli(['polychron', ...args]);
      expect(out.status).not.toBe(0);
      expect(out.stderr).toMatch(message);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stdout).toBe('');
    });
  }

  it('refuses a truncated or mismatched checkpoint and writes nothing', () => {
    expect(runCli(['polychron', '--duration', '1', '--save', file('b.ckpt')]).status).toBe(0);
    const bytes = readFileSync(file('b.ckpt'));
    writeFileSync(file('cut.ckpt'), bytes.subarray(0, bytes.length >> 1));
    const cut = runCli([
      'polychron',
      '--resume',
      file('cut.ckpt'),
      '--duration',
      '1',
      '--save',
      file('c.ckpt'),
    ]);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/^izhikit: the checkpoint is truncated/);
    expect(existsSync(file('c.ckpt'))).toBe(false);
    const other = runCli([
      'polychron',
      '--resume',
      file('b.ckpt'),
      '--duration',
      '1',
      '--variant',
      'cpp',
    ]);
    expect(other.stderr).toMatch(/checkpoint is of the matlab variant, not cpp/);
    const seed = runCli([
      'polychron',
      '--resume',
      file('b.ckpt'),
      '--duration',
      '1',
      '--seed',
      '9',
    ]);
    expect(seed.stderr).toMatch(/made with seed 1, not 9/);
  });
});

describe('polychronJsonChunks(result, seconds, groups)', () => {
  it('streams the groups a piece at a time into one valid document', async () => {
    const { PolychronSimulation } = await import('../../src/polychron/simulation.js');
    const { findPolychronousGroups } = await import('../../src/polychron/groups.js');
    const { NetworkRandom } = await import('../../src/network/random.js');
    const { polychronJsonChunks, groupToJson } = await import('../../src/cli/polychron.js');
    const run = new PolychronSimulation({ seed: 5, variant: 'cpp' });
    run.advance(1000);
    const random = new NetworkRandom(105);
    for (let s = 0; s < 80000; s++) {
      run.state.weight[s] = random.uniform() < 0.4 ? 10 : 8 * random.uniform();
    }
    const groups = findPolychronousGroups(run.state, { from: 0, to: 4 });
    expect(groups.count).toBeGreaterThan(1);
    const chunks = Array.from(polychronJsonChunks(run.result(), 1, groups));
    expect(chunks.length).toBe(groups.count + 2);
    const json = JSON.parse(chunks.join('')) as { groups: { count: number; groups: unknown[] } };
    expect(json.groups.count).toBe(groups.count);
    expect(json.groups.groups).toEqual(groups.groups.map((g) => groupToJson(g)));
  }, 120000);
});
