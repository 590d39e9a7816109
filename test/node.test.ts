import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { computeParameterMapParallel, figureFormat, svgToPng } from 'izhikit/node';
import { renderGallery } from 'izhikit';

describe("the 'izhikit/node' entry", () => {
  it('reaches PNG output, figure files and the parallel map through the package exports', async () => {
    expect(figureFormat('a.png')).toBe('png');
    const png = PNG.sync.read(Buffer.from(svgToPng(renderGallery('types'), { scale: 1 })));
    expect(png.width).toBeGreaterThan(100);
    const map = await computeParameterMapParallel(
      {
        x: { name: 'a', from: 0.01, to: 0.1, steps: 4 },
        y: { name: 'b', from: 0.1, to: 0.3, steps: 3 },
      },
      { workers: 1 },
    );
    expect(map.codes.length).toBe(12);
  });
});
