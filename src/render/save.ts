/** Saves a rendered figure (Node only): `.svg` as it is, `.png` through resvg at a chosen scale. */
import { extname } from 'node:path';
import { ParameterError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';

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
 * The bytes of a figure file: `svg` itself for .svg, rasterised through resvg for .png (resvg is
 * loaded only then).
 *
 * @throws ParameterError for another extension or a bad scale
 */
export async function figureContent(
  file: string,
  svg: string,
  options: { readonly scale?: number } = {},
): Promise<string | Uint8Array> {
  if (figureFormat(file) === 'svg') return svg;
  const { svgToPng } = await import('./png.js');
  return svgToPng(svg, options);
}

/**
 * Writes `svg` to `file` atomically (a temporary file renamed when complete), rasterised when the
 * name ends in .png.
 *
 * @throws ParameterError for another extension or a bad scale
 * @throws OutputError when the file cannot be written (nothing partial is left)
 */
export async function writeFigure(
  file: string,
  svg: string,
  options: { readonly scale?: number } = {},
): Promise<void> {
  await writeFileAtomic(file, await figureContent(file, svg, options));
}
