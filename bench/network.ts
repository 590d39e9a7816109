// Benchmark: the network of [2003] at 1000 and 10 000 neurons (median simulation time, setup
// time and peak memory), and the normal samplers that could make its noise.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { NetworkRandom } from '../src/network/random.js';
import { simulateNetwork } from '../src/network/simulate.js';
import { median, printTable } from './stats.js';

const SMALL_WARMUP = 5;
const SMALL_RUNS = 21;
const LARGE_RUNS = 5;
const SAMPLER_RUNS = 7;
const NORMALS = 4_000_000;

interface ChildReport {
  elapsedMs: number;
  setupMs: number;
  maxRssMb: number;
  rate: number;
}

/** In a child process: warm the engine up on a small network, then run 10 000 neurons once. */
function child(): void {
  for (let r = 0; r < 3; r++) simulateNetwork({ ne: 800, ni: 200, duration: 300, seed: 100 + r });
  const seed = Number(process.argv[3] ?? 1);
  const result = simulateNetwork({ ne: 8000, ni: 2000, duration: 1000, seed });
  const report: ChildReport = {
    elapsedMs: result.elapsedMs,
    setupMs: result.setupMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rate: result.spikes.t.length / 10000,
  };
  process.stdout.write(JSON.stringify(report));
}

function runChild(seed: number): ChildReport {
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, script, '--child', String(seed)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildReport;
}

/** Box–Muller with Math.log, Math.sqrt, Math.cos and Math.sin, on pure-rand's uniform draws. */
function boxMuller(count: number): number {
  const generator = xoroshiro128plus(1);
  let sum = 0;
  for (let k = 0; k < count; k += 2) {
    const u1 = ((generator.next() >>> 0) + 0.5) / 4294967296;
    const u2 = (generator.next() >>> 0) / 4294967296;
    const radius = Math.sqrt(-2 * Math.log(u1));
    sum += radius * Math.cos(2 * Math.PI * u2) + radius * Math.sin(2 * Math.PI * u2);
  }
  return sum;
}

/** Marsaglia's polar method with Math.log and Math.sqrt, on pure-rand's uniform draws. */
function polar(count: number): number {
  const generator = xoroshiro128plus(1);
  let sum = 0;
  for (let k = 0; k < count; k += 2) {
    let x: number;
    let y: number;
    let s: number;
    do {
      x = (generator.next() >>> 0) / 2147483648 - 1;
      y = (generator.next() >>> 0) / 2147483648 - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    sum += x * factor + y * factor;
  }
  return sum;
}

/** The network's ziggurat, through fillNormal as the noise phase calls it. */
function ziggurat(count: number): number {
  const random = new NetworkRandom(1);
  const target = new Float64Array(1000);
  const scale = new Float64Array(1000).fill(1);
  let sum = 0;
  for (let k = 0; k < count; k += 1000) {
    random.fillNormal(target, scale, 1000);
    sum += target[0] as number;
  }
  return sum;
}

function nsPerNormal(sampler: (count: number) => number): number {
  const times: number[] = [];
  for (let r = 0; r < SAMPLER_RUNS + 2; r++) {
    const start = performance.now();
    sampler(NORMALS);
    if (r >= 2) times.push(((performance.now() - start) * 1e6) / NORMALS);
  }
  return median(times);
}

function main(): void {
  const small: number[] = [];
  const smallSetup: number[] = [];
  let smallRate = 0;
  for (let r = 0; r < SMALL_WARMUP + SMALL_RUNS; r++) {
    const result = simulateNetwork({ seed: 1 + (r % 5) });
    if (r >= SMALL_WARMUP) {
      small.push(result.elapsedMs);
      smallSetup.push(result.setupMs);
      smallRate += result.spikes.t.length / 1000 / SMALL_RUNS;
    }
  }
  const smallRss = process.resourceUsage().maxRSS / 1024;
  const large = Array.from({ length: LARGE_RUNS }, (_, r) => runChild(1 + r));

  console.log(
    `Network of [2003], dt = 1 ms, T = 1000 ms, scaled weights; simulation = the time loop, ` +
      `setup = parameters and weights; median of ${SMALL_RUNS} runs (1000 neurons, after ` +
      `${SMALL_WARMUP} warm-up runs) and of ${LARGE_RUNS} child processes (10 000 neurons, each ` +
      `warmed up on small networks); peak memory = the process's max RSS`,
  );
  printTable(
    [
      'network',
      'simulation (ms)',
      'best (ms)',
      'setup (ms)',
      'peak memory (MB)',
      'mean rate (Hz)',
      'target',
    ],
    [
      [
        '1000 neurons × 1000 ms',
        median(small).toFixed(1),
        Math.min(...small).toFixed(1),
        median(smallSetup).toFixed(1),
        smallRss.toFixed(0),
        smallRate.toFixed(2),
        '< 15 ms',
      ],
      [
        '10 000 neurons × 1000 ms',
        median(large.map((r) => r.elapsedMs)).toFixed(0),
        Math.min(...large.map((r) => r.elapsedMs)).toFixed(0),
        median(large.map((r) => r.setupMs)).toFixed(0),
        Math.max(...large.map((r) => r.maxRssMb)).toFixed(0),
        median(large.map((r) => r.rate)).toFixed(2),
        '< 600 ms, < 1 GB',
      ],
    ],
  );

  console.log(
    `\nNormal samplers on pure-rand's xoroshiro128+, median of ${SAMPLER_RUNS} × ${NORMALS} numbers`,
  );
  printTable(
    ['sampler', 'ns per number'],
    [
      ['Box–Muller (log, sqrt, cos, sin)', nsPerNormal(boxMuller).toFixed(2)],
      ['Marsaglia polar (log, sqrt, division)', nsPerNormal(polar).toFixed(2)],
      ['ziggurat, 256 layers (izhikit)', nsPerNormal(ziggurat).toFixed(2)],
    ],
  );
}

if (process.argv[2] === '--child') child();
else main();
