/** `izhikit presets`: lists the 28 reference protocols. */
import type { Command } from 'commander';
import { PRESETS } from '../presets/presets.js';
import { writeStandardOutput } from '../io/atomic-write.js';
import { parseChoice } from './options.js';

export function registerPresets(program: Command): void {
  program
    .command('presets')
    .description('list the reference presets: ids, names and sources')
    .option('--format <format>', 'table or json', parseChoice(['table', 'json'] as const), 'table')
    .action(async (options: { format: 'table' | 'json' }) => {
      if (options.format === 'json') {
        await writeStandardOutput(JSON.stringify(PRESETS, null, 1) + '\n');
        return;
      }
      const idWidth = Math.max(...PRESETS.map((p) => p.id.length));
      const nameWidth = Math.max(...PRESETS.map((p) => p.name.length));
      const lines = PRESETS.map(
        (p) => `${p.id.padEnd(idWidth)}  ${p.name.padEnd(nameWidth)}  ${p.source}`,
      );
      const header = `${'id'.padEnd(idWidth)}  ${'name'.padEnd(nameWidth)}  source`;
      await writeStandardOutput([header, ...lines].join('\n') + '\n');
    });
}
