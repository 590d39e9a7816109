import { describe, it, expect } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { presetOptions } from '../../src/presets/lookup.js';
import {
  galleryCsv,
  galleryJson,
  networkFigureJson,
  networkRasterCsv,
  traceFigureCsv,
  traceFigureJson,
} from '../../src/render/export.js';
import { galleryPanels } from '../../src/render/gallery.js';
import { runFigureData } from '../../src/render/trace.js';

const text = (chunks: Iterable<string>): string => Array.from(chunks).join('');

describe('traceFigureCsv(data) and traceFigureJson(data)', () => {
  it('hold every sample the trace figure was drawn from, at full precision', () => {
    const result = simulate(presetOptions('rs'));
    const data = runFigureData(result);
    const rows = text(traceFigureCsv(data)).trim().split('\n');
    expect(rows[0]).toBe('t,v,u,I');
    expect(rows).toHaveLength(result.trace!.t.length + 1);
    const [t, v, u, I] = rows[100]!.split(',').map(Number);
    expect([t, v, u, I]).toEqual([
      result.trace!.t[99],
      result.trace!.v[99],
      result.trace!.u[99],
      result.trace!.I[99],
    ]);
    const json = traceFigureJson(data) as { spikes: number[]; trace: { v: number[] } };
    expect(json.spikes).toEqual(Array.from(result.spikes));
    expect(json.trace.v).toEqual(Array.from(result.trace!.v));
  });
});

describe('galleryCsv(panels) and galleryJson(set, panels)', () => {
  it('hold each panel in the figure order with all its samples', () => {
    const panels = galleryPanels('types');
    const rows = text(galleryCsv(panels)).trim().split('\n');
    expect(rows[0]).toBe('preset,t,v,u,I');
    const total = panels.reduce((n, p) => n + p.result.trace!.t.length, 0);
    expect(rows).toHaveLength(total + 1);
    expect(rows[1]!.startsWith('rs,0,')).toBe(true);
    expect(rows[rows.length - 1]!.startsWith('rz,100,')).toBe(true);
    const json = galleryJson('types', panels) as { panels: { preset: string; title: string }[] };
    expect(json.panels.map((p) => p.preset)).toEqual(panels.map((p) => p.preset.id));
    expect(json.panels[0]!.title).toBe('regular spiking (RS)');
  });
});

describe('networkFigureJson(data) and networkRasterCsv(data)', () => {
  it('hold the raster, the rate and the trace that the network figure draws', () => {
    const data = {
      ne: 2,
      ni: 1,
      duration: 10,
      spikes: { t: Float64Array.of(1, 2, 3), i: Int32Array.of(0, 2, 1) },
      populationRate: Float64Array.of(0, 333, 333, 333, 0, 0, 0, 0, 0, 0),
      trace: { neuron: 2, t: Float64Array.of(1, 2), v: Float64Array.of(-65, 30) },
    };
    expect(text(networkRasterCsv(data))).toBe('t,i,population\n1,0,E\n2,2,I\n3,1,E\n');
    expect(networkFigureJson(data)).toEqual({
      ne: 2,
      ni: 1,
      duration: 10,
      spikes: { t: [1, 2, 3], i: [0, 2, 1] },
      populationRate: [0, 333, 333, 333, 0, 0, 0, 0, 0, 0],
      rateBinWidth: 1,
      trace: { neuron: 2, t: [1, 2], v: [-65, 30] },
    });
  });
});
