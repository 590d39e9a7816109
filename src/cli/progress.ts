/** Progress bars on standard error for the CLI's long runs, shown only when it is a terminal. */
import cliProgress, { type SingleBar } from 'cli-progress';

/** A bar reading `LABEL [■■■…] 42% | ETA 3s` on standard error, or undefined when that is not a terminal. */
export function terminalProgressBar(label: string): SingleBar | undefined {
  if (!process.stderr.isTTY) return undefined;
  return new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | ETA {eta}s`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
}
