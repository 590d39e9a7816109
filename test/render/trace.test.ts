import { describe, it, expect } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { presetOptions } from '../../src/presets/lookup.js';
import { PRESETS } from '../../src/presets/presets.js';
import { renderTraceFigure, runFigureData } from '../../src/render/trace.js';
import { presetTitle } from '../../src/render/labels.js';
import { ParameterError } from '../../src/errors.js';
import { byClass, parseSvg, textOf } from './svg-xml.js';

/** The y coordinates of the vertices of a d3 line path ("M x,y L x,y …"). */
function pathYs(d: string): number[] {
  return Array.from(d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g), (m) => Number(m[2]));
}

describe('renderTraceFigure(runFigureData(result, preset))', () => {
  for (const preset of PRESETS) {
    it(`draws ${preset.id}: valid XML, the preset's title, one peak per spike reaching vpeak`, () => {
      const result = simulate(presetOptions(preset));
      const svg = renderTraceFigure(runFigureData(result, preset));
      const doc = parseSvg(svg);
      expect(textOf(byClass(doc, 'figure-title')[0]!)).toBe(presetTitle(preset));
      expect(presetTitle(preset)).toContain(preset.name);

      const peaks = byClass(doc, 'spike-peak');
      expect(peaks.length).toBe(result.spikes.length);
      expect(byClass(doc, 'spikes')[0]!.getAttribute('data-count')).toBe(
        String(result.spikes.length),
      );
      expect(peaks.map((p) => Number(p.getAttribute('data-t')))).toEqual(Array.from(result.spikes));

      // The voltage path itself reaches the peak once per spike (no two spikes of a preset share
      // a pixel column, so min/max decimation keeps each peak as its own vertex).
      const path = byClass(doc, 'trace-v')[0]!;
      const ys = pathYs(path.getAttribute('d')!);
      if (doc.documentElement!.getAttribute('data-decimated') === 'true') {
        expect(ys.length).toBeLessThan(result.trace!.t.length);
      } else {
        expect(ys.length).toBe(result.trace!.t.length);
      }
      const peakY = Number(peaks[0]?.getAttribute('y2') ?? Math.min(...ys));
      expect(Math.min(...ys)).toBeCloseTo(peakY, 0);
      if (peaks.length > 0) {
        expect(ys.filter((y) => Math.abs(y - peakY) < 0.05).length).toBe(result.spikes.length);
      }
      expect(byClass(doc, 'stimulus').length).toBe(1);
    });
  }

  it('adds u(t) and I(t) panels when asked, and drops the thin stimulus for the I panel', () => {
    const result = simulate(presetOptions('rs'));
    const doc = parseSvg(renderTraceFigure(runFigureData(result), { showU: true, showI: true }));
    expect(byClass(doc, 'panel-u').length).toBe(1);
    expect(byClass(doc, 'panel-I').length).toBe(1);
    expect(byClass(doc, 'panel-stimulus').length).toBe(0);
    expect(textOf(byClass(doc, 'figure-title')[0]!)).toBe('custom neuron');
  });

  it('decimates a long trace to min/max per pixel column, keeps every spike and says so', () => {
    const result = simulate(presetOptions('fs', { dt: 0.01, duration: 2000 }));
    expect(result.trace!.t.length).toBe(200001);
    const svg = renderTraceFigure(runFigureData(result));
    const doc = parseSvg(svg);
    expect(doc.documentElement!.getAttribute('data-decimated')).toBe('true');
    const ys = pathYs(byClass(doc, 'trace-v')[0]!.getAttribute('d')!);
    expect(ys.length).toBeLessThanOrEqual(2 * 760);
    expect(byClass(doc, 'spike-peak').length).toBe(result.spikes.length);
    expect(textOf(byClass(doc, 'footer')[0]!)).toContain('min/max per pixel column');
    expect(svg.length).toBeLessThan(200_000);
  });

  it('throws ParameterError for a run that recorded spikes only', () => {
    const result = simulate(presetOptions('rs', { spikesOnly: true }));
    expect(() => runFigureData(result)).toThrow(ParameterError);
  });
});
