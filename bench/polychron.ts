// Benchmark: the polychronization network of [2006] beside a plain C version of poly_spnet.cpp's
// loop (cc -O3) and the published spnet.m in GNU Octave, over the same stretch of model time; then
// the group search on the network it learned, the memory and the checkpoint's size.
// POLYCHRON_SECONDS (120 by default; 3600 for the hour) sets the stretch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveCheckpoint } from '../src/polychron/checkpoint.js';
import { cpus } from 'node:os';
import { findPolychronousGroupsThreaded } from '../src/polychron/group-threads.js';
import { PolychronSimulation } from '../src/polychron/simulation.js';
import { printTable } from './stats.js';

const here = fileURLToPath(new URL('./anchors/', import.meta.url));
const seconds = Number(process.env.POLYCHRON_SECONDS ?? 120);
const rows: string[][] = [];
const perSecond = (ms: number, s: number): string => `${(ms / s).toFixed(1)} ms`;

function izhikit(variant: 'cpp' | 'matlab'): PolychronSimulation {
  const run = new PolychronSimulation({ seed: 1, variant });
  run.advance(seconds * 1000);
  const r = run.result();
  const last = r.seconds - 1;
  rows.push([
    `izhikit, ${variant} variant`,
    perSecond(r.elapsedMs, seconds),
    `${(r.elapsedMs / 1000).toFixed(1)} s`,
    `${r.history.excitatoryRate[last]?.toFixed(2)} / ${r.history.inhibitoryRate[last]?.toFixed(1)} Hz, strong ${r.history.strongPercent[last]?.toFixed(1)} %`,
  ]);
  return run;
}

const run = izhikit('cpp');
izhikit('matlab');

const binary = join(mkdtempSync(join(tmpdir(), 'izhikit-anchor-')), 'poly_spnet');
const built = spawnSync('cc', ['-O3', '-o', binary, join(here, 'poly_spnet.c')], {
  encoding: 'utf8',
});
if (built.status === 0) {
  const c = spawnSync(binary, [String(seconds), '1'], { encoding: 'utf8' });
  const [ms, exc, inh, strong] = (c.stdout.trim().split('\n').pop() ?? '').split(/\s+/).map(Number);
  rows.push([
    'plain C of poly_spnet.cpp, cc -O3',
    perSecond(ms ?? NaN, seconds),
    `${((ms ?? NaN) / 1000).toFixed(1)} s`,
    `${exc?.toFixed(2)} / ${inh?.toFixed(1)} Hz, strong ${strong?.toFixed(1)} %`,
  ]);
} else rows.push(['plain C of poly_spnet.cpp', 'no C compiler', '', '']);

if (spawnSync('octave', ['--version']).status === 0) {
  const octaveSeconds = 3;
  const o = spawnSync('octave', ['--no-gui', '--quiet', '--eval', `spnet(${octaveSeconds})`], {
    encoding: 'utf8',
    cwd: here,
  });
  const [ms] = (o.stdout.trim().split('\n').pop() ?? '').split(/\s+/).map(Number);
  rows.push(['spnet.m, GNU Octave (first 3 s only)', perSecond(ms ?? NaN, octaveSeconds), '', '']);
} else rows.push(['spnet.m, GNU Octave', 'not installed (apt-get install octave)', '', '']);

console.log(
  `The polychronization network, seed 1, the first ${seconds} s of model time (one core)`,
);
printTable(['implementation', 'per model second', 'whole stretch', `rates at ${seconds} s`], rows);

// The group search runs on every core: `npm run bench` pins this process to one, so it widens
// its own affinity first (threads started later inherit it).
const threads = cpus().length;
spawnSync('taskset', ['-p', '-c', `0-${threads - 1}`, String(process.pid)]);
const search = await findPolychronousGroupsThreaded(run.state, { threads });
const checkpoint = saveCheckpoint(run);
console.log(
  `\ngroup search over all 800 excitatory neurons after ${seconds} s (cpp, ${threads} threads): ${search.count} groups in ` +
    `${(search.elapsedMs / 1000).toFixed(1)} s; checkpoint ${(checkpoint.length / 1e6).toFixed(1)} MB; ` +
    `peak memory of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
