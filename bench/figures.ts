// Benchmark: rendering the figures (SVG and PNG) in process, and the features gallery from the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate } from '../src/model/simulate.js';
import { simulateNetwork } from '../src/network/simulate.js';
import { presetOptions } from '../src/presets/lookup.js';
import { galleryPanels, renderGallery } from '../src/render/gallery.js';
import { renderNetworkFigure } from '../src/render/network.js';
import { svgToPng } from '../src/render/png.js';
import { renderTraceFigure, runFigureData } from '../src/render/trace.js';
import { median, printTable } from './stats.js';

function time(runs: number, body: () => void): number {
  for (let i = 0; i < Math.min(5, runs); i++) body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  return median(times);
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB`;
const rows: string[][] = [];

const panels = galleryPanels('features');
const gallery = renderGallery('features', panels);
rows.push([
  'features gallery SVG (simulate 20 presets + render)',
  time(30, () => renderGallery('features')).toFixed(1),
  kB(gallery.length),
]);
const png = svgToPng(gallery, { scale: 2 });
rows.push([
  'features gallery PNG, scale 2 (resvg)',
  time(5, () => svgToPng(gallery, { scale: 2 })).toFixed(1),
  kB(png.length),
]);

const rs = simulate(presetOptions('rs'));
const trace = renderTraceFigure(runFigureData(rs));
rows.push([
  'trace figure, rs (601 samples)',
  time(100, () => renderTraceFigure(runFigureData(rs))).toFixed(2),
  kB(trace.length),
]);
const long = simulate(presetOptions('fs', { dt: 0.01, duration: 10000 }));
const longSvg = renderTraceFigure(runFigureData(long));
rows.push([
  'trace figure, 1 000 001 samples (decimated)',
  time(10, () => renderTraceFigure(runFigureData(long))).toFixed(1),
  kB(longSvg.length),
]);

for (const duration of [1000, 10000]) {
  const network = simulateNetwork({ seed: 1, duration, record: [0] });
  const t = network.traces[0];
  const data = { ...network, ...(t === undefined ? {} : { trace: { neuron: 0, t: t.t, v: t.v } }) };
  const svg = renderNetworkFigure(data);
  rows.push([
    `network figure, 1000 neurons, ${duration} ms (${network.spikes.t.length} spikes)`,
    time(10, () => renderNetworkFigure(data)).toFixed(1),
    kB(svg.length),
  ]);
}

console.log('Rendering in process, median after warm-up');
printTable(['figure', 'median (ms)', 'file'], rows);

// The whole CLI as a user runs it: node start-up, simulate the 20 presets, render, write.
const bin = fileURLToPath(new URL('../bin/izhikit.js', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'izhikit-bench-'));
const cliRows: string[][] = [];
for (const ext of ['svg', 'png']) {
  const file = join(out, `features.${ext}`);
  const args = [bin, 'gallery', '--set', 'features', '--out', file];
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args);
    if (result.status !== 0) throw new Error(result.stderr.toString());
    times.push(performance.now() - start);
  }
  cliRows.push([
    `izhikit gallery --set features --out f.${ext}`,
    median(times).toFixed(0),
    kB(statSync(file).size),
    ext === 'svg' ? '< 1000 ms, < 1 MB' : '',
  ]);
}
console.log('\nCLI wall time (build first: npm run build), median of 7');
printTable(['command', 'median (ms)', 'file', 'target'], cliRows);
