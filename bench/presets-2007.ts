// Benchmark: the cell types of [2007] chapter 8 in the 2007 form with the book's scheme, together, median of repeated runs after warm-up.
import { simulate2007 } from '../src/model/simulate-2007.js';
import { CELLS_2007 } from '../src/presets/cells-2007.js';
import { bookPresetOptions } from '../src/presets/lookup-2007.js';
import { median, percentile, printTable } from './stats.js';

const WARMUP = 300;
const RUNS = 300;

function timeAll(spikesOnly: boolean): number[] {
  const options = CELLS_2007.map((preset) => bookPresetOptions(preset, { spikesOnly }));
  const times: number[] = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const start = performance.now();
    for (const option of options) simulate2007(option);
    if (run >= WARMUP) times.push(performance.now() - start);
  }
  return times;
}

const traced = timeAll(false);
const spikesOnly = timeAll(true);
const steps = CELLS_2007.reduce((sum, p) => sum + Math.round(p.duration / p.dt), 0);
const row = (mode: string, times: number[]) => [
  mode,
  median(times).toFixed(3),
  percentile(times, 0.9).toFixed(3),
  Math.min(...times).toFixed(3),
  `${((steps / median(times)) * 1e-3).toFixed(1)} M`,
];

console.log(
  `${CELLS_2007.length} cell types of the 2007 form together (${steps} steps in all; parse, compile and simulate each run)`,
);
printTable(
  ['mode', 'median (ms)', 'p90 (ms)', 'best (ms)', 'steps/s'],
  [row('with trace', traced), row('spikes only', spikesOnly)],
);
