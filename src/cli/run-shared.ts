/** Pieces of `izhikit run` shared by both forms of the model: the spike lines of the summary and the memory advice. */
import { MemoryLimitError } from '../errors.js';
import { formatNumber } from './options.js';

/** How many spike times the summary lists. */
const SUMMARY_SPIKES = 30;

/** The summary's lines on the spikes: count, mean rate, first spike and the first spike times. */
export function spikeSummaryLines(spikes: Float64Array, duration: number): string[] {
  const n = spikes.length;
  const rate = (n / duration) * 1000;
  const lines = [
    `${n} spike${n === 1 ? '' : 's'}, mean rate ${formatNumber(rate, 4)} Hz` +
      (n > 0 ? `, first spike at ${formatNumber(spikes[0] as number, 9)} ms` : ''),
  ];
  if (n > 0) {
    const shown = Array.from(spikes.subarray(0, SUMMARY_SPIKES), (t) => formatNumber(t, 9));
    const more =
      n > SUMMARY_SPIKES ? ` … (${n - SUMMARY_SPIKES} more: --format json lists all)` : '';
    lines.push(`spike times (ms): ${shown.join(' ')}${more}`);
  }
  return lines;
}

/** Names the flag that records spike times only when a trace would not fit. */
export function withCliAdvice<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MemoryLimitError) {
      throw new MemoryLimitError(
        `${error.message} (--spikes-only)`,
        error.requiredBytes,
        error.limitBytes,
      );
    }
    throw error;
  }
}
