// Benchmark: the sparse network of SPEC §8 (K = 1000 synapses per neuron, 1000 ms, dt = 1 ms)
// beside a plain C version of the same algorithm (bench/anchors/sparse.c, cc -O3, one core, and
// bench/anchors/sparse_threads.c, the same on POSIX threads split as izhikit splits them): the
// target, 100 000 neurons on 2 threads, then time and memory from 10 000 neurons up.
// Every measurement is a fresh process pinned with taskset (2 threads on cores 0–1, one thread
// and C on core 0); memory is that process's peak resident size (workers included).
// SPARSE_SIZES=10000,100000 sets the sizes (N, 4:1 excitatory:inhibitory; by default up to
// 500 000, the largest whose arrays fit in the kernels' 4 GB WebAssembly memory); SPARSE_RUNS the
// runs per cell (median, 1 by default); `-- --figure docs/scale-sparse.svg` also draws the table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaleLog } from 'd3-scale';
import { simulateSparseNetwork } from '../src/sparse/simulation.js';
import { median, printTable } from './stats.js';

const K = 1000;
const here = fileURLToPath(new URL('.', import.meta.url));

interface Measured {
  readonly loopMs: number;
  /** The fastest and slowest loop of the runs (the same as loopMs for one run). */
  readonly loopRange?: readonly [number, number];
  readonly setupMs: number;
  readonly rate: number;
  readonly rssMb: number;
}

// A child process: one run, its figures as JSON on the last line.
if (process.argv[2] === '--one') {
  const [ne, ni, threads] = process.argv.slice(3).map(Number) as [number, number, number];
  const result = await simulateSparseNetwork({
    ne,
    ni,
    synapses: K,
    threads,
    maxBytes: 0.8 * totalmem(),
  });
  const measured: Measured = {
    loopMs: result.elapsedMs,
    setupMs: result.setupMs,
    rate: result.spikes.t.length / (ne + ni),
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(measured));
  process.exit(0);
}

const pinned = spawnSync('taskset', ['--version']).status === 0;
const runs = Number(process.env.SPARSE_RUNS ?? 1);
const sizes = (process.env.SPARSE_SIZES ?? '10000,30000,100000,300000,500000')
  .split(',')
  .map(Number);
const cores = (threads: number): string[] =>
  pinned
    ? ['taskset', '-c', threads === 1 ? '0' : `0-${Math.min(threads, availableParallelism()) - 1}`]
    : [];

/** Runs `command` `runs` times and returns the medians of what its last line reports. */
function measure(command: string[], parse: (line: string) => Measured): Measured | string {
  const all: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    const [program, ...args] = command as [string, ...string[]];
    const result = spawnSync(program, args, { encoding: 'utf8', timeout: 3600000 });
    const last = result.stdout?.trim().split('\n').pop() ?? '';
    if (result.status !== 0) {
      return `failed: ${(result.stderr ?? '').trim().split('\n').pop() ?? result.error?.message ?? ''}`;
    }
    all.push(parse(last));
  }
  const middle = (key: 'loopMs' | 'setupMs' | 'rate' | 'rssMb'): number =>
    median(all.map((m) => m[key]));
  const loops = all.map((m) => m.loopMs);
  return {
    loopMs: middle('loopMs'),
    loopRange: [Math.min(...loops), Math.max(...loops)],
    setupMs: middle('setupMs'),
    rate: middle('rate'),
    rssMb: middle('rssMb'),
  };
}

const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const izhikit = (n: number, threads: number): Measured | string =>
  measure(
    [
      ...cores(threads),
      process.execPath,
      tsx,
      join(here, 'sparse.ts'),
      '--one',
      String(0.8 * n),
      String(0.2 * n),
      String(threads),
    ],
    (line) => JSON.parse(line) as Measured,
  );

const binary = join(mkdtempSync(join(tmpdir(), 'izhikit-anchor-')), 'sparse');
const built = spawnSync('cc', ['-O3', '-o', binary, join(here, 'anchors', 'sparse.c'), '-lm'], {
  encoding: 'utf8',
});
const threadedBinary = join(mkdtempSync(join(tmpdir(), 'izhikit-anchor-')), 'sparse_threads');
const threadedBuilt = spawnSync(
  'cc',
  ['-O3', '-pthread', '-o', threadedBinary, join(here, 'anchors', 'sparse_threads.c'), '-lm'],
  { encoding: 'utf8' },
);
/** The C anchor on one core, or on `threads` threads (sparse_threads.c). */
const anchor = (n: number, threads = 0): Measured | string =>
  (threads === 0 ? built : threadedBuilt).status !== 0
    ? 'no C compiler'
    : measure(
        [
          ...cores(Math.max(threads, 1)),
          threads === 0 ? binary : threadedBinary,
          String(0.8 * n),
          String(0.2 * n),
          String(K),
          '1000',
          ...(threads === 0 ? [] : [String(threads)]),
        ],
        (line) => {
          const [loopMs, rate, setupMs, rssMb] = line.split(/\s+/).map(Number) as number[];
          return {
            loopMs: loopMs ?? NaN,
            rate: rate ?? NaN,
            setupMs: setupMs ?? NaN,
            rssMb: rssMb ?? NaN,
          };
        },
      );

const cell = (m: Measured | string): string[] =>
  typeof m === 'string'
    ? [m, '', '', '']
    : [
        `${(m.loopMs / 1000).toFixed(2)} s` +
          (m.loopRange !== undefined && m.loopRange[0] !== m.loopRange[1]
            ? ` (${(m.loopRange[0] / 1000).toFixed(2)}–${(m.loopRange[1] / 1000).toFixed(2)})`
            : ''),
        `${(m.setupMs / 1000).toFixed(1)} s`,
        `${m.rssMb.toFixed(0)} MB`,
        `${m.rate.toFixed(2)} Hz`,
      ];

const header = ['N', 'implementation', 'loop (1000 ms)', 'setup', 'peak memory', 'mean rate'];
const target: string[][] = [];
for (const [name, m] of [
  ['izhikit, 2 threads', izhikit(100000, 2)],
  ['izhikit, 1 thread', izhikit(100000, 1)],
  ['plain C, cc -O3, 1 core', anchor(100000)],
  ['plain C, cc -O3, 2 threads', anchor(100000, 2)],
] as const) {
  target.push(['100 000', name, ...cell(m)]);
}
console.log(
  `The sparse network, 100 000 neurons × ${K} synapses, 1000 ms, dt = 1 ms (target: ≤ 1 s and ≤ 2 GB on 2 threads)` +
    `; load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
);
printTable(header, target);

const scaling: { n: number; js: Measured | string; c: Measured | string }[] = [];
const rows: string[][] = [];
for (const n of sizes) {
  const js = izhikit(n, 2);
  const c = anchor(n);
  scaling.push({ n, js, c });
  rows.push([n.toLocaleString('en').replace(/,/g, ' '), 'izhikit, 2 threads', ...cell(js)]);
  rows.push(['', 'plain C, 1 core', ...cell(c)]);
}
console.log(`\nFrom ${sizes[0]} to ${sizes[sizes.length - 1]} neurons, ${K} synapses each`);
printTable(header, rows);

const figureAt = process.argv.indexOf('--figure');
if (figureAt > 0) {
  const path = process.argv[figureAt + 1] ?? 'docs/scale-sparse.svg';
  writeFileSync(path, scalingFigure(scaling));
  console.log(`\nfigure: ${path}`);
}

/** Two log–log panels: loop time and peak memory against N, izhikit and C. */
function scalingFigure(points: typeof scaling): string {
  const width = 360;
  const height = 260;
  const margin = { left: 60, right: 20, top: 30, bottom: 45 };
  const ns = points.map((p) => p.n);
  const x = scaleLog()
    .domain([Math.min(...ns), Math.max(...ns)])
    .range([margin.left, width - margin.right]);
  const panel = (
    offset: number,
    title: string,
    unit: string,
    value: (m: Measured) => number,
  ): string => {
    const values = points
      .flatMap((p) => [p.js, p.c])
      .filter((m): m is Measured => typeof m !== 'string')
      .map(value);
    const y = scaleLog()
      .domain([Math.min(...values) / 1.5, Math.max(...values) * 1.5])
      .range([height - margin.bottom, margin.top])
      .nice();
    const line = (pick: 'js' | 'c', colour: string): string => {
      const xy = points
        .filter((p) => typeof p[pick] !== 'string')
        .map((p) => [x(p.n), y(value(p[pick] as Measured))] as const);
      return (
        `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${xy.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>` +
        xy
          .map(
            ([a, b]) =>
              `<circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="3" fill="${colour}"/>`,
          )
          .join('')
      );
    };
    const xTicks = ns
      .map(
        (n) =>
          `<text x="${x(n).toFixed(1)}" y="${height - margin.bottom + 16}" text-anchor="middle">${n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`}</text>`,
      )
      .join('');
    const yTicks = y
      .ticks(4)
      .filter((t) => Number.isInteger(Math.log10(t)))
      .map(
        (t) =>
          `<text x="${margin.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t}</text>` +
          `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`,
      )
      .join('');
    return (
      `<g transform="translate(${offset},0)">${yTicks}${xTicks}` +
      `<text x="${width / 2}" y="18" text-anchor="middle" font-weight="bold">${title}</text>` +
      `<text x="${width / 2}" y="${height - 8}" text-anchor="middle">neurons N (K = ${K})</text>` +
      `<text transform="translate(14,${height / 2}) rotate(-90)" text-anchor="middle">${unit}</text>` +
      `${line('c', '#888')}${line('js', '#1f77b4')}</g>`
    );
  };
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * width}" height="${height + 20}" font-family="sans-serif" font-size="11">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    panel(0, 'loop time, 1000 ms of model time', 'seconds', (m) => m.loopMs / 1000) +
    panel(width, 'peak memory of the process', 'MB', (m) => m.rssMb) +
    `<g transform="translate(${margin.left + 10},${height + 12})"><rect width="12" height="3" fill="#1f77b4"/><text x="16" y="4">izhikit, 2 threads</text>` +
    `<rect x="130" width="12" height="3" fill="#888"/><text x="146" y="4">plain C, 1 core</text></g></svg>\n`
  );
}
