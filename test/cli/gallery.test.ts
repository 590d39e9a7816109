import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PRESETS } from '../../src/presets/presets.js';
import { runCli } from '../helpers/cli.js';
import { byClass, parseSvg, textOf } from '../render/svg-xml.js';

const dir = mkdtempSync(join(tmpdir(), 'izhikit-gallery-'));
const file = (name: string): string => join(dir, name);

function expectOneLineError(args: string[], pattern: RegExp): void {
  const { status, stderr } = runCli(args);
  expect(status, stderr).not.toBe(0);
  expect(stderr).toMatch(/^izhikit: .+\n$/);
  expect(stderr).toMatch(pattern);
}

describe('izhikit gallery', () => {
  it('--set features --out FILE.svg writes the 20-panel figure, under 1 MB', () => {
    const { status, stderr } = runCli(['gallery', '--set', 'features', '--out', file('f.svg')]);
    expect(status, stderr).toBe(0);
    const svg = readFileSync(file('f.svg'), 'utf8');
    expect(statSync(file('f.svg')).size).toBeLessThan(1_000_000);
    const panels = byClass(parseSvg(svg), 'panel');
    expect(panels).toHaveLength(20);
    expect(textOf(byClass(panels[19]!, 'panel-title')[0]!)).toBe('(T) inhibition-induced bursting');
  });

  it('--set types --out FILE.png --scale 1 writes a PNG of the SVG size', () => {
    const { status, stderr } = runCli([
      'gallery',
      '--set',
      'types',
      '--out',
      file('t.png'),
      '--scale',
      '1',
    ]);
    expect(status, stderr).toBe(0);
    const png = PNG.sync.read(readFileSync(file('t.png')));
    const svg = runCli(['gallery', '--set', 'types']).stdout;
    const root = parseSvg(svg).documentElement!;
    expect(byClass(parseSvg(svg), 'panel')).toHaveLength(8);
    expect(png.width).toBe(Number(root.getAttribute('width')));
    expect(png.height).toBe(Number(root.getAttribute('height')));
  });

  it('--set cortical-2007 draws the cell types of [2007] and --data FILE.json holds their runs', () => {
    const { status, stderr } = runCli([
      'gallery',
      '--set',
      'cortical-2007',
      '--out',
      file('c.svg'),
      '--data',
      file('c.json'),
    ]);
    expect(status, stderr).toBe(0);
    const panels = byClass(parseSvg(readFileSync(file('c.svg'), 'utf8')), 'panel');
    expect(panels.length).toBeGreaterThanOrEqual(8);
    const json = JSON.parse(readFileSync(file('c.json'), 'utf8')) as {
      set: string;
      panels: { preset: string; model: string; spikes: number[] }[];
    };
    expect(json.set).toBe('cortical-2007');
    expect(json.panels[0]).toMatchObject({ preset: 'rs-2007', model: '2007' });
    expect(json.panels[0]!.spikes).toEqual([203, 350, 499, 649, 796, 943]);
  });

  it('--data FILE.csv and FILE.json hold every sample and spike the figure was drawn from', async () => {
    expect(await main(['gallery', '--out', file('g.svg'), '--data', file('g.csv')])).toBe(0);
    expect(await main(['gallery', '--out', file('g.svg'), '--data', file('g.json')])).toBe(0);
    const doc = parseSvg(readFileSync(file('g.svg'), 'utf8'));
    const json = JSON.parse(readFileSync(file('g.json'), 'utf8')) as {
      set: string;
      panels: { preset: string; title: string; spikes: number[]; trace: { t: number[] } }[];
    };
    expect(json.set).toBe('features');
    const panels = byClass(doc, 'panel');
    expect(json.panels.map((p) => p.preset)).toEqual(
      panels.map((p) => p.getAttribute('data-preset')),
    );
    json.panels.forEach((p, i) => {
      expect(p.title).toBe(textOf(byClass(panels[i]!, 'panel-title')[0]!));
      expect(
        byClass(panels[i]!, 'spike-peak').map((s) => Number(s.getAttribute('data-t'))),
      ).toEqual(p.spikes);
    });
    const rows = readFileSync(file('g.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('preset,t,v,u,I');
    const samples = json.panels.reduce((n, p) => n + p.trace.t.length, 0);
    expect(rows.length - 1).toBe(samples);
  });

  it('fails with one line for a bad set, figure or data file name', () => {
    expectOneLineError(['gallery', '--set', 'pictures'], /features, types/);
    expectOneLineError(['gallery', '--out', file('x.pdf')], /\.svg or \.png/);
    expectOneLineError(
      ['gallery', '--out', file('x.svg'), '--data', file('x.txt')],
      /\.csv or \.json/,
    );
  });
});

describe('izhikit run --plot', () => {
  it('--preset ID --plot out.png works for every preset', async () => {
    for (const preset of PRESETS) {
      const out = file(`${preset.id}.png`);
      expect(
        await main(['run', '--preset', preset.id, '--plot', out, '--out', file('s.txt')]),
      ).toBe(0);
      const png = PNG.sync.read(readFileSync(out));
      expect(png.width).toBe(760 * 2);
      expect(png.height).toBeGreaterThan(300 * 2);
    }
  });

  it('--plot f.svg --format csv --out f.csv: the CSV is exactly the samples the figure drew', () => {
    const { status, stderr } = runCli([
      'run',
      '--preset',
      'tonic-bursting',
      '--plot',
      file('tb.svg'),
      '--format',
      'csv',
      '--out',
      file('tb.csv'),
    ]);
    expect(status, stderr).toBe(0);
    const doc = parseSvg(readFileSync(file('tb.svg'), 'utf8'));
    expect(textOf(byClass(doc, 'figure-title')[0]!)).toBe('(C) tonic bursting');
    const rows = readFileSync(file('tb.csv'), 'utf8').trim().split('\n').slice(1);
    expect(textOf(byClass(doc, 'footer')[0]!)).toContain(`v: ${rows.length} samples, all drawn`);
    const peaks = rows.filter((row) => row.split(',')[1] === '30').length;
    expect(byClass(doc, 'spike-peak')).toHaveLength(peaks);
    expect(peaks).toBe(28);
  });

  it('fails with one line for --spikes-only or a bad file name', () => {
    expectOneLineError(
      ['run', '--preset', 'rs', '--spikes-only', '--plot', file('x.svg')],
      /trace/,
    );
    expectOneLineError(['run', '--preset', 'rs', '--plot', file('x.jpg')], /\.svg or \.png/);
  });
});

describe('izhikit network --plot', () => {
  it('draws raster, rate and v(t) of neuron 0, from the same spikes as --format csv', () => {
    const { status, stderr } = runCli([
      'network',
      '--duration',
      '300',
      '--plot',
      file('net.svg'),
      '--format',
      'csv',
      '--out',
      file('net.csv'),
    ]);
    expect(status, stderr).toBe(0);
    const doc = parseSvg(readFileSync(file('net.svg'), 'utf8'));
    const rows = readFileSync(file('net.csv'), 'utf8').trim().split('\n').slice(1);
    expect(doc.documentElement!.getAttribute('data-spike-count')).toBe(String(rows.length));
    expect(byClass(doc, 'panel-raster')).toHaveLength(1);
    expect(byClass(doc, 'panel-rate')).toHaveLength(1);
    expect(byClass(doc, 'panel-v')[0]!.getAttribute('data-neuron')).toBe('0');
    const own = rows.filter((row) => row.split(',')[1] === '0').length;
    expect(byClass(byClass(doc, 'panel-v')[0]!, 'spike-peak')).toHaveLength(own);
  });

  it('plots the first --record neuron and rejects a bad figure name before running', () => {
    const ok = runCli([
      'network',
      '--duration',
      '100',
      '--record',
      '900,3',
      '--plot',
      file('n.png'),
    ]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(PNG.sync.read(readFileSync(file('n.png'))).width).toBe(800 * 2);
    expectOneLineError(['network', '--plot', file('n.gif')], /\.svg or \.png/);
  });
});
