/**
 * Checks the network settings as they are typed, with the library's own rules and memory guard,
 * so that a bad size or step is named next to its field before anything is sent to the worker.
 */
import {
  IzhikitError,
  MemoryLimitError,
  ParameterError,
  checkNetworkMemory,
  formatBytes,
  networkMemory,
  resolveNetworkOptions,
} from 'izhikit';
import {
  BYTES_PER_MS,
  BYTES_PER_SPIKE,
  ESTIMATED_RATE,
  MAX_BYTES,
  type NetworkSettings,
} from './protocol.js';

/** The settings that have a field of their own. */
export type SettingKey =
  | 'ne'
  | 'ni'
  | 'dt'
  | 'duration'
  | 'seed'
  | 'excitatoryNoise'
  | 'inhibitoryNoise'
  | 'excitatoryWeight'
  | 'inhibitoryWeight';

export interface SettingsProblem {
  /** The field to show the message under. */
  readonly key: SettingKey;
  readonly message: string;
}

const KEYS: readonly string[] = [
  'ne',
  'ni',
  'dt',
  'duration',
  'seed',
  'excitatoryNoise',
  'inhibitoryNoise',
  'excitatoryWeight',
  'inhibitoryWeight',
];

/** The bytes the spikes (at `ESTIMATED_RATE`) and the analyses of a run of `duration` ms take. */
export function durationBytes(neurons: number, duration: number): number {
  return neurons * (duration / 1000) * ESTIMATED_RATE * BYTES_PER_SPIKE + duration * BYTES_PER_MS;
}

/** The longest duration (ms, rounded down to 1000) whose spikes and analyses fit beside `fixed`. */
function longestDuration(neurons: number, fixed: number): number {
  const perMs = (neurons * ESTIMATED_RATE * BYTES_PER_SPIKE) / 1000 + BYTES_PER_MS;
  return Math.max(0, Math.floor((MAX_BYTES - fixed) / perMs / 1000) * 1000);
}

/** The library names the sizes ne and ni; the fields are labelled Ne and Ni, as in the paper. */
function labelled(message: string): string {
  return message.replace(/\bn([ei])\b/g, 'N$1');
}

/**
 * The first problem of `settings`, or `undefined` when they can run. A network too large for
 * memory is reported under `sizeField`, the size the user changed last.
 */
export function settingsProblem(
  settings: NetworkSettings,
  sizeField: 'ne' | 'ni' = 'ne',
): SettingsProblem | undefined {
  try {
    const options = resolveNetworkOptions({ ...settings, maxBytes: MAX_BYTES });
    const fixed = checkNetworkMemory(options).total;
    const bytes = fixed + durationBytes(options.n, options.duration);
    if (bytes > MAX_BYTES) {
      return {
        key: 'duration',
        message:
          `a run of ${options.duration} ms needs about ${formatBytes(bytes)} for its spikes ` +
          `(at ${ESTIMATED_RATE} Hz) and analyses, more than the page's ${formatBytes(MAX_BYTES)}: ` +
          `at most ${longestDuration(options.n, fixed)} ms fit with ${options.n} neurons`,
      };
    }
    return undefined;
  } catch (error) {
    if (error instanceof ParameterError && KEYS.includes(error.parameter)) {
      return { key: error.parameter as SettingKey, message: labelled(error.message) };
    }
    if (error instanceof MemoryLimitError) {
      return {
        key: sizeField,
        message: `${error.message} (at most about ${largestNetwork()} fit)`,
      };
    }
    if (error instanceof IzhikitError) return { key: 'ne', message: error.message };
    throw error;
  }
}

/** The largest Ne + Ni whose weights and state fit in the browser's limit, rounded down to 100. */
export function largestNetwork(): number {
  let n = Math.floor(Math.sqrt(MAX_BYTES / 4));
  const fits = (size: number): boolean =>
    networkMemory(resolveNetworkOptions({ ne: size, ni: 0, maxBytes: MAX_BYTES })).total <=
    MAX_BYTES;
  while (n > 1 && !fits(n)) n--;
  return Math.floor(n / 100) * 100;
}
