import { describe, it, expect } from 'vitest';
import { PNG } from 'pngjs';
import { svgToPng } from '../../src/render/png.js';
import { renderGallery } from '../../src/render/gallery.js';
import { ParameterError } from '../../src/errors.js';

const SMALL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">' +
  '<text x="4" y="24" font-family="DejaVu Sans" font-size="14">izhikit</text></svg>';

function darkPixels(png: PNG): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] as number) < 128) n++;
  return n;
}

describe('svgToPng(svg, { scale })', () => {
  it('decodes to the SVG size times the scale', () => {
    for (const scale of [1, 2, 0.5]) {
      const png = PNG.sync.read(Buffer.from(svgToPng(SMALL_SVG, { scale })));
      expect([png.width, png.height]).toEqual([120 * scale, 40 * scale]);
    }
  });

  it('sets text in the shipped font (text draws dark pixels on the white background)', () => {
    const png = PNG.sync.read(Buffer.from(svgToPng(SMALL_SVG, { scale: 1 })));
    expect(png.data[0]).toBe(255);
    expect(darkPixels(png)).toBeGreaterThan(50);
  });

  it('rasterises the features gallery at the requested scale', () => {
    const svg = renderGallery('features');
    const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
    const height = Number(/height="([\d.]+)"/.exec(svg)![1]);
    const png = PNG.sync.read(Buffer.from(svgToPng(svg, { scale: 1.5 })));
    expect(png.width).toBe(Math.round(width * 1.5));
    expect(png.height).toBe(Math.round(height * 1.5));
  });

  it('throws ParameterError for a scale that is not in (0, 8]', () => {
    expect(() => svgToPng(SMALL_SVG, { scale: 0 })).toThrow(ParameterError);
    expect(() => svgToPng(SMALL_SVG, { scale: 9 })).toThrow(ParameterError);
    expect(() => svgToPng(SMALL_SVG, { scale: NaN })).toThrow(ParameterError);
  });
});
