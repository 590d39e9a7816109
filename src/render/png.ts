/**
 * PNG output (Node only): rasterises a figure's SVG with resvg, using only the font shipped in
 * assets/fonts, so that a PNG looks the same on every machine. Browsers rasterise through a canvas
 * instead and never load this module.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { ParameterError } from '../errors.js';

/** The font file every PNG is set in (DejaVu Sans; licence beside it). */
export const FONT_FILE = fileURLToPath(
  new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url),
);

/** Largest scale accepted, so that a typo cannot ask for a gigapixel image. */
export const MAX_PNG_SCALE = 8;

export interface PngOptions {
  /** Pixels per SVG unit: 2 (the default) gives a sharp image on high-density screens. */
  readonly scale?: number;
}

/**
 * Rasterises an SVG document to PNG bytes at `scale` × its width and height.
 *
 * @throws ParameterError for a scale that is not a number in (0, 8]
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= MAX_PNG_SCALE)) {
    throw new ParameterError(
      'scale',
      `scale must be a number in (0, ${MAX_PNG_SCALE}], got ${scale}`,
    );
  }
  if (!existsSync(FONT_FILE)) {
    throw new ParameterError('font', `the figure font is missing: ${FONT_FILE}`);
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILE],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    logLevel: 'off',
  });
  const width = Math.round(resvg.width * scale);
  const height = Math.round(resvg.height * scale);
  if (width < 1 || height < 1) {
    throw new ParameterError(
      'scale',
      `scale ${scale} would draw a ${width} × ${height} pixel image: use a larger scale (up to ${MAX_PNG_SCALE})`,
    );
  }
  try {
    return resvg.render().asPng();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ParameterError('scale', `the PNG could not be drawn at scale ${scale}: ${reason}`);
  }
}
