import { describe, it, expect } from 'vitest';
import { galleryPanels, galleryPresets, renderGallery } from '../../src/render/gallery.js';
import { presetTitle } from '../../src/render/labels.js';
import { CELLS_2007 } from '../../src/presets/cells-2007.js';
import { ParameterError } from '../../src/errors.js';
import { byClass, parseSvg, textOf } from './svg-xml.js';

describe('renderGallery(set)', () => {
  it('features: 20 panels in the order of [2004] Fig. 1, titled "(A) tonic spiking" …', () => {
    const panels = galleryPanels('features');
    const svg = renderGallery('features', panels);
    const doc = parseSvg(svg);
    const drawn = byClass(doc, 'panel');
    expect(drawn.length).toBe(20);
    expect(doc.documentElement!.getAttribute('data-panel-count')).toBe('20');
    const letters = 'ABCDEFGHIJKLMNOPQRST'.split('');
    drawn.forEach((panel, i) => {
      const { preset, result } = panels[i]!;
      expect(preset.letter).toBe(letters[i]);
      expect(panel.getAttribute('data-preset')).toBe(preset.id);
      expect(textOf(byClass(panel, 'panel-title')[0]!)).toBe(presetTitle(preset));
      expect(byClass(panel, 'spike-peak').length).toBe(result.spikes.length);
      expect(byClass(panel, 'stimulus').length).toBe(1);
      expect(byClass(panel, 'scale-bar').length).toBe(1);
    });
    expect(textOf(byClass(drawn[0]!, 'panel-title')[0]!)).toBe('(A) tonic spiking');
    expect(svg.length).toBeLessThan(1_000_000);
  });

  it('types: 8 panels titled with the names of [2003] Fig. 2, with their parameters', () => {
    const doc = parseSvg(renderGallery('types'));
    const drawn = byClass(doc, 'panel');
    expect(drawn.length).toBe(8);
    const presets = galleryPresets('types');
    drawn.forEach((panel, i) => {
      expect(textOf(byClass(panel, 'panel-title')[0]!)).toBe(presets[i]!.name);
      expect(textOf(byClass(panel, 'panel-parameters')[0]!)).toMatch(/^a=\S+ b=\S+ c=\S+ d=\S+/);
    });
    expect(textOf(byClass(drawn[0]!, 'panel-title')[0]!)).toBe('regular spiking (RS)');
  });

  it('panels stay inside the figure and do not overlap', () => {
    const doc = parseSvg(renderGallery('features'));
    const width = Number(doc.documentElement!.getAttribute('width'));
    for (const title of byClass(doc, 'panel-title')) {
      expect(Number(title.getAttribute('x'))).toBeGreaterThan(0);
      expect(Number(title.getAttribute('x'))).toBeLessThan(width);
    }
  });

  it('throws ParameterError for an unknown set', () => {
    expect(() => galleryPresets('nope' as 'types')).toThrow(ParameterError);
  });

  it('cortical-2007: one panel per cell type of [2007], with the book parameters and spikes', () => {
    const panels = galleryPanels('cortical-2007');
    const doc = parseSvg(renderGallery('cortical-2007', panels));
    const drawn = byClass(doc, 'panel');
    expect(drawn.length).toBe(CELLS_2007.length);
    drawn.forEach((panel, i) => {
      const { preset, result } = panels[i]!;
      expect(panel.getAttribute('data-preset')).toBe(preset.id);
      expect(textOf(byClass(panel, 'panel-title')[0]!)).toBe(preset.name);
      expect(textOf(byClass(panel, 'panel-parameters')[0]!)).toMatch(/^C=\S+ k=\S+ vr=/);
      expect(byClass(panel, 'spike-peak').length).toBe(result.spikes.length);
    });
    expect(Array.from(panels[0]!.result.spikes)).toEqual([203, 350, 499, 649, 796, 943]);
    expect(textOf(byClass(doc, 'caption')[0]!)).toMatch(/−90 to 52 mV.*book's scheme/);
  });
});
