// Benchmark: the 100 × 100 (a, b) parameter map on one thread and on worker threads, a large map
// of each form, and the per-call cost of what the explorer runs live (classifier, phase plane).
import { availableParallelism } from 'node:os';
import { classifyPattern } from '../src/dynamics/classify.js';
import {
  computeBookParameterMapParallel,
  computeParameterMapParallel,
} from '../src/dynamics/map-node.js';
import { computeBookParameterMap, type BookMapSpec } from '../src/dynamics/parameter-map-2007.js';
import { getBookPreset } from '../src/presets/lookup-2007.js';
import { computeParameterMap, type ParameterMapSpec } from '../src/dynamics/parameter-map.js';
import { phasePlane } from '../src/dynamics/phase-plane.js';
import { simulate } from '../src/model/simulate.js';
import { presetOptions } from '../src/presets/lookup.js';
import { PRESETS } from '../src/presets/presets.js';
import { median, printTable } from './stats.js';

const SPEC: ParameterMapSpec = {
  x: { name: 'a', from: 0, to: 0.2, steps: 100 },
  y: { name: 'b', from: 0, to: 0.3, steps: 100 },
};
const STEPS = 100 * 100 * (Math.round(300 / 0.25) + 1);

async function time(run: () => Promise<unknown>, repeats: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

await computeParameterMap(SPEC); // warm-up
const serial = await time(() => computeParameterMap(SPEC), 5);
const cores = availableParallelism();
const parallel = await time(() => computeParameterMapParallel(SPEC, { workers: cores }), 3);
// A map large enough for worker threads to pay for their start-up.
const LARGE: ParameterMapSpec = {
  x: { name: 'c', from: -70, to: -45, steps: 200 },
  y: { name: 'd', from: 0, to: 10, steps: 200 },
  duration: 1000,
};
const largeSerial = await time(() => computeParameterMap(LARGE), 1);
const largeParallel = await time(() => computeParameterMapParallel(LARGE, { workers: cores }), 1);
// The 2007 form's map: the book's CH cell over (d, I), 500 ms per cell at dt = 0.25.
const BOOK: BookMapSpec = {
  x: { name: 'd', from: 0, to: 150, steps: 200 },
  y: { name: 'I', from: 0, to: 300, steps: 200 },
  base: getBookPreset('ch-2007').params,
  duration: 500,
};
const bookSerial = await time(() => computeBookParameterMap(BOOK), 1);
const bookParallel = await time(() => computeBookParameterMapParallel(BOOK, { workers: cores }), 1);

// What the explorer calls on every slider move.
const trains = PRESETS.map((p) => ({
  spikes: simulate({ ...presetOptions(p), spikesOnly: true }).spikes,
  window: { onset: p.stimulus[0]?.start ?? 0, end: p.duration },
}));
const CALLS = 20000;
let start = performance.now();
for (let i = 0; i < CALLS; i++) {
  const train = trains[i % trains.length] as (typeof trains)[number];
  classifyPattern(train.spikes, train.window);
}
const classifyMicros = ((performance.now() - start) / CALLS) * 1000;
const rs = presetOptions('rs');
const trace = simulate(rs).trace as NonNullable<ReturnType<typeof simulate>['trace']>;
start = performance.now();
for (let i = 0; i < 2000; i++) phasePlane(rs, 14, { trajectory: trace });
const phaseMicros = ((performance.now() - start) / 2000) * 1000;

console.log(
  `100 × 100 (a, b) map: RS c, d; step to I = 10 from rest; 300 ms at dt = 0.25 (${(STEPS / 1e6).toFixed(1)} M model steps) and a classification per cell`,
);
printTable(
  ['run', 'median (ms)', 'best (ms)', 'runs'],
  [
    [
      'one thread (computeParameterMap)',
      median(serial).toFixed(0),
      Math.min(...serial).toFixed(0),
      String(serial.length),
    ],
    [
      cores === 1
        ? '1 core available: computeParameterMapParallel runs on this thread'
        : `${cores} worker threads (computeParameterMapParallel, incl. start-up)`,
      median(parallel).toFixed(0),
      Math.min(...parallel).toFixed(0),
      String(parallel.length),
    ],
  ],
);
console.log('');
console.log('200 × 200 (c, d) map, 1000 ms per cell (160 M model steps)');
printTable(
  ['run', 'time (ms)'],
  [
    ['one thread', largeSerial[0]?.toFixed(0) ?? ''],
    [`${cores} worker thread${cores === 1 ? '' : 's'}`, largeParallel[0]?.toFixed(0) ?? ''],
  ],
);
console.log('');
console.log(
  '2007 form: 200 × 200 (d, I) map of the book’s CH cell, 500 ms per cell (80 M model steps)',
);
printTable(
  ['run', 'time (ms)'],
  [
    ['one thread (computeBookParameterMap)', bookSerial[0]?.toFixed(0) ?? ''],
    [
      `${cores} worker thread${cores === 1 ? '' : 's'} (computeBookParameterMapParallel)`,
      bookParallel[0]?.toFixed(0) ?? '',
    ],
  ],
);
console.log('');
printTable(
  ['live call', 'mean (µs)'],
  [
    ['classifyPattern on a preset train', classifyMicros.toFixed(2)],
    ['phasePlane for RS with its 601-step trajectory', phaseMicros.toFixed(1)],
  ],
);
