/** `izhikit gallery`: draws the 20 features of [2004] Fig. 1, the 8 types of [2003] Fig. 2 or the cell types of [2007] chapter 8. */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { ParameterError } from '../errors.js';
import { galleryCsv, galleryJson } from '../render/export.js';
import { GALLERY_SETS, galleryPanels, renderGallery, type GallerySet } from '../render/gallery.js';
import { figureFormat, writeFigure } from '../render/save.js';
import { parseChoice, parseNumber, writeChunks } from './options.js';

interface GalleryFlags {
  set: GallerySet;
  out?: string;
  scale: number;
  data?: string;
}

/** The export format a data file name asks for. */
export function dataFormat(file: string): 'csv' | 'json' {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new ParameterError('data', `a data file must end in .csv or .json, got '${file}'`);
}

export function registerGallery(program: Command): Command {
  return program
    .command('gallery')
    .description(
      'draw the features of [2004] Fig. 1, the neuron types of [2003] Fig. 2 or the cell types of [2007] chapter 8',
    )
    .option(
      '--set <set>',
      `which figure: ${GALLERY_SETS.join(' or ')}`,
      parseChoice(GALLERY_SETS),
      'features',
    )
    .option('--out <file>', 'write the figure to FILE.svg or FILE.png (default: SVG on stdout)')
    .option('--scale <n>', 'pixels per SVG unit for PNG output', parseNumber, 2)
    .option('--data <file>', 'also write the plotted samples to FILE.csv or FILE.json')
    .action(async (flags: GalleryFlags) => {
      // Check both file names before any work, so a typo fails at once.
      if (flags.out !== undefined) figureFormat(flags.out);
      const format = flags.data === undefined ? undefined : dataFormat(flags.data);
      const panels = galleryPanels(flags.set);
      const svg = renderGallery(flags.set, panels);
      if (flags.out === undefined) await writeChunks([svg]);
      else await writeFigure(flags.out, svg, { scale: flags.scale });
      if (flags.data !== undefined) {
        await writeChunks(
          format === 'json'
            ? [JSON.stringify(galleryJson(flags.set, panels)) + '\n']
            : galleryCsv(panels),
          flags.data,
        );
      }
    });
}
