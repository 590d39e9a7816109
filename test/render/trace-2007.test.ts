import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { simulate2007 } from '../../src/model/simulate-2007.js';
import { getBookPreset, bookPresetOptions } from '../../src/presets/lookup-2007.js';
import { renderTraceFigure } from '../../src/render/trace.js';
import { bookFigureData, bookParameterLine, bookSpikePeak } from '../../src/render/trace-2007.js';
import { byClass, parseSvg } from './svg-xml.js';

describe('bookFigureData(result, preset)', () => {
  it('titles the figure with the preset, lists the book parameters and draws every spike', () => {
    const preset = getBookPreset('rs-2007');
    const result = simulate2007(bookPresetOptions(preset));
    const data = bookFigureData(result, preset);
    expect(data.title).toBe(preset.name);
    expect(data.subtitle).toMatch(/C=100 k=0\.7 vr=−60 vt=−40 vpeak=35 a=0\.03 b=−2 c=−50 d=100/);
    expect(data.subtitle).toMatch(/I\(t\) = 70\*\(t>=100\) pA/);
    expect(data.vpeak).toBe(35);
    const doc = parseSvg(renderTraceFigure(data));
    expect(byClass(doc, 'spike-peak')).toHaveLength(6);
  });

  it('a u-dependent cut-off draws the strokes to the highest padded peak', () => {
    const result = simulate2007(bookPresetOptions('lts-2007'));
    const v = result.trace?.v as Float64Array;
    expect(bookSpikePeak(result)).toBe(Math.max(...v));
    expect(bookSpikePeak(result)).toBeLessThan(40);
  });

  it('names the cell-type terms that are set, and needs a trace', () => {
    const result = simulate2007(bookPresetOptions('fs-2007'));
    expect(bookParameterLine(result.params)).toMatch(/d=0 cubicVb=−55$/);
    const bare = simulate2007({ ...bookPresetOptions('fs-2007'), spikesOnly: true });
    expect(() => bookFigureData(bare)).toThrow(ParameterError);
  });
});
