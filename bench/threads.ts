// Benchmark: the paper's network of 10 000 neurons (1000 ms, dt = 1 ms) on 1 and 2 threads (Node
// worker threads on shared memory), each in its own process with as many cores as threads; the
// spikes must be the same for both. Target: ≤ 150 ms of loop time on 2 threads. Beside them, in
// the same run, the plain C anchor (bench/anchors/net.c, cc -O3, one core, median of RUNS) and the
// same on 2 POSIX threads split as izhikit splits them (bench/anchors/net_threads.c).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetworkSimulation } from '../src/network/simulation.js';
import { median, printTable } from './stats.js';

const RUNS = 5;

interface Report {
  readonly elapsedMs: number;
  readonly setupMs: number;
  readonly spikes: number;
  /** A checksum of the spike raster, to compare thread counts. */
  readonly checksum: number;
}

/** In a child: a warm-up run, then the measured runs, on `threads` threads. */
async function child(threads: number): Promise<void> {
  const reports: Report[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const simulation = new NetworkSimulation({ ne: 8000, ni: 2000, seed: 1, threads });
    await simulation.ready;
    simulation.advance(Infinity);
    const result = simulation.result();
    let checksum = 0;
    for (let s = 0; s < result.spikes.t.length; s++) {
      checksum = (Math.imul(checksum, 31) + result.spikes.i[s]! * 1009 + result.spikes.t[s]!) | 0;
    }
    if (run > 0) {
      reports.push({
        elapsedMs: result.elapsedMs,
        setupMs: result.setupMs,
        spikes: result.spikes.t.length,
        checksum,
      });
    }
  }
  process.stdout.write(JSON.stringify(reports));
}

/**
 * The median loop (ms) of RUNS runs of the C anchor `anchors/NAME.c` on the network of 10 000
 * neurons, pinned to `threads` cores (net_threads.c takes the thread count too); undefined
 * without a C compiler.
 */
function anchorLoop(name: string, threads: number): number | undefined {
  const binary = join(mkdtempSync(join(tmpdir(), 'izhikit-anchor-')), name);
  const source = fileURLToPath(new URL(`anchors/${name}.c`, import.meta.url));
  const flags = ['-O3', ...(threads > 1 ? ['-pthread'] : []), '-o', binary, source, '-lm'];
  if (spawnSync('cc', flags).status !== 0) return undefined;
  const args = ['8000', '2000', ...(threads > 1 ? [String(threads)] : [])];
  const cores = threads > 1 ? `0-${threads - 1}` : '0';
  const loops = Array.from({ length: RUNS }, () => {
    const run = spawnSync('taskset', ['-c', cores, binary, ...args], { encoding: 'utf8' });
    return Number(run.stdout.trim().split(/\s+/)[0]);
  });
  return median(loops);
}

function measure(threads: number): Report[] | string {
  const script = fileURLToPath(import.meta.url);
  const node = [process.execPath, ...process.execArgv, script, '--child', String(threads)];
  const pinned = spawnSync('taskset', ['--version']).status === 0;
  const cores = `0-${threads - 1}`;
  const [command, ...args] = pinned ? ['taskset', '-c', cores, ...node] : node;
  const result = spawnSync(command as string, args, { encoding: 'utf8', timeout: 600000 });
  if (result.status !== 0) return `failed: ${result.stderr.trim().split('\n').pop() ?? ''}`;
  return JSON.parse(result.stdout) as Report[];
}

if (process.argv[2] === '--child') {
  await child(Number(process.argv[3]));
} else {
  const rows: string[][] = [];
  let reference: number | undefined;
  // the machine's cores, not availableParallelism(): `npm run bench` pins this script to one core,
  // and each child is pinned again to as many cores as it has threads
  for (const threads of [1, 2].filter((t) => t <= cpus().length)) {
    const reports = measure(threads);
    if (typeof reports === 'string') {
      rows.push([String(threads), reports, '', '', '']);
      continue;
    }
    const checksum = reports[0]!.checksum;
    reference ??= checksum;
    rows.push([
      String(threads),
      median(reports.map((r) => r.elapsedMs)).toFixed(0),
      median(reports.map((r) => r.setupMs)).toFixed(0),
      (reports[0]!.spikes / 10000).toFixed(2),
      checksum === reference ? 'yes' : 'NO',
    ]);
  }
  const one = anchorLoop('net', 1);
  if (one !== undefined) rows.push(['plain C, cc -O3, 1 core', one.toFixed(0), '', '', '']);
  const two = cpus().length >= 2 ? anchorLoop('net_threads', 2) : undefined;
  if (two !== undefined) rows.push(['plain C, cc -O3, 2 threads', two.toFixed(0), '', '', '']);
  console.log(
    `The paper's network, 10 000 neurons, 1000 ms, on worker threads: median of ${RUNS} runs after a warm-up`,
  );
  printTable(['threads', 'loop (ms)', 'setup (ms)', 'rate (Hz)', 'same spikes as 1'], rows);
}
