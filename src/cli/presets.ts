/** `izhikit presets`: lists the 28 reference protocols, then the book's cell types of the 2007 form. */
import type { Command } from 'commander';
import { CELLS_2007 } from '../presets/cells-2007.js';
import { PRESETS } from '../presets/presets.js';
import { parseChoice } from './options.js';

export function registerPresets(program: Command): void {
  program
    .command('presets')
    .description('list the reference presets: ids, names and sources')
    .option('--format <format>', 'table or json', parseChoice(['table', 'json'] as const), 'table')
    .action((options: { format: 'table' | 'json' }) => {
      const all = [...PRESETS, ...CELLS_2007];
      if (options.format === 'json') {
        process.stdout.write(JSON.stringify(all, null, 1) + '\n');
        return;
      }
      const idWidth = Math.max(...all.map((p) => p.id.length));
      const nameWidth = Math.max(...all.map((p) => p.name.length));
      const lines = all.map(
        (p) => `${p.id.padEnd(idWidth)}  ${p.name.padEnd(nameWidth)}  ${p.source}`,
      );
      const header = `${'id'.padEnd(idWidth)}  ${'name'.padEnd(nameWidth)}  source`;
      process.stdout.write([header, ...lines].join('\n') + '\n');
    });
}
