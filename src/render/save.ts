/** Saves a rendered figure (Node only): `.svg` as it is, `.png` through resvg at a chosen scale. */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ParameterError } from '../errors.js';

/** The figure formats a file name may ask for. */
export type FigureFormat = 'svg' | 'png';

/**
 * The format a file name asks for.
 *
 * @throws ParameterError when the name does not end in .svg or .png
 */
export function figureFormat(file: string): FigureFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.svg') return 'svg';
  if (ext === '.png') return 'png';
  throw new ParameterError('plot', `a figure file must end in .svg or .png, got '${file}'`);
}

/**
 * Writes `svg` to `file`, rasterised when the name ends in .png (resvg is loaded only then).
 *
 * @throws ParameterError for another extension or a bad scale
 */
export async function writeFigure(
  file: string,
  svg: string,
  options: { readonly scale?: number } = {},
): Promise<void> {
  if (figureFormat(file) === 'svg') {
    await writeFile(file, svg);
    return;
  }
  const { svgToPng } = await import('./png.js');
  await writeFile(file, svgToPng(svg, options));
}
