/** Progress bars on standard error for the CLI's long runs, shown only when it is a terminal. */
import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';

/** cli-progress and its modules load only for a terminal: a run into a pipe or a file starts faster. */
const load = (): typeof import('cli-progress') =>
  createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');

/** A bar reading `LABEL [■■■…] 42% | ETA 3s` on standard error, or undefined when that is not a terminal. */
export function terminalProgressBar(label: string): SingleBar | undefined {
  if (!process.stderr.isTTY) return undefined;
  const cliProgress = load();
  return new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | ETA {eta}s`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
}
