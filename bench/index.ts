// Runs every benchmark script in bench/ one after another, each in its own process on one core.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const skip = new Set(['index.ts', 'stats.ts']);
// `npm run bench -- network map` runs only the scripts whose names contain one of the words.
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && !skip.has(name) && !name.startsWith('_'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort((x, y) => (x === 'presets.ts' ? -1 : y === 'presets.ts' ? 1 : x.localeCompare(y)));
const pinned = spawnSync('taskset', ['--version']).status === 0;

console.log(
  `izhikit benchmarks — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ` +
    `${(totalmem() / 1e9).toFixed(0)} GB, Node ${process.version}${pinned ? ', pinned to core 0' : ''}\n`,
);
let failed = 0;
for (const script of scripts) {
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const command = pinned ? 'taskset' : process.execPath;
  const args = pinned ? ['-c', '0', process.execPath, tsx, here + script] : [tsx, here + script];
  console.log(`## ${script}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
  console.log('');
}
process.exitCode = failed === 0 ? 0 : 1;
