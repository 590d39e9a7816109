import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { figureFormat, writeFigure } from '../../src/render/save.js';
import { ParameterError } from '../../src/errors.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"></svg>';

describe('writeFigure(file, svg, options)', () => {
  it('writes .svg as it is and .png rasterised at the scale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'izhikit-save-'));
    await writeFigure(join(dir, 'f.svg'), SVG);
    expect(readFileSync(join(dir, 'f.svg'), 'utf8')).toBe(SVG);
    await writeFigure(join(dir, 'f.PNG'), SVG, { scale: 3 });
    const png = PNG.sync.read(readFileSync(join(dir, 'f.PNG')));
    expect([png.width, png.height]).toEqual([90, 60]);
  });

  it('figureFormat(file) throws ParameterError for another extension', () => {
    expect(figureFormat('a/b.svg')).toBe('svg');
    expect(() => figureFormat('plot.pdf')).toThrow(ParameterError);
    expect(() => figureFormat('plot')).toThrow(ParameterError);
  });
});
