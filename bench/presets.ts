// Benchmark: the 28 reference presets with the reference scheme, median of repeated runs after warm-up.
import { simulate } from '../src/model/simulate.js';
import { presetOptions } from '../src/presets/lookup.js';
import { PRESETS } from '../src/presets/presets.js';
import { median, percentile, printTable } from './stats.js';

const WARMUP = 300;
const RUNS = 300;

function timeAll(spikesOnly: boolean): number[] {
  const options = PRESETS.map((preset) => presetOptions(preset, { spikesOnly }));
  const times: number[] = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const start = performance.now();
    for (const option of options) simulate(option);
    if (run >= WARMUP) times.push(performance.now() - start);
  }
  return times;
}

const traced = timeAll(false);
const spikesOnly = timeAll(true);
const steps = PRESETS.reduce((sum, p) => sum + Math.round(p.duration / p.dt) + 1, 0);

console.log(`28 presets together (${steps} steps in all; parse, compile and simulate each run)`);
printTable(
  ['mode', 'median (ms)', 'p90 (ms)', 'best (ms)', 'target'],
  [
    [
      'with trace',
      median(traced).toFixed(3),
      percentile(traced, 0.9).toFixed(3),
      Math.min(...traced).toFixed(3),
      '< 5 ms',
    ],
    [
      'spikes only',
      median(spikesOnly).toFixed(3),
      percentile(spikesOnly, 0.9).toFixed(3),
      Math.min(...spikesOnly).toFixed(3),
      '',
    ],
  ],
);
