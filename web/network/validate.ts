/**
 * Checks the network settings as they are typed, with the library's own rules and memory guard,
 * so that a bad size or step is named next to its field before anything is sent to the worker.
 */
import {
  IzhikitError,
  MemoryLimitError,
  ParameterError,
  checkNetworkMemory,
  checkSparseMemory,
  formatBytes,
  networkMemory,
  resolveNetworkOptions,
  resolveSparseOptions,
  sparseNetworkMemory,
} from 'izhikit';
import {
  BYTES_PER_MS,
  BYTES_PER_SPIKE,
  ESTIMATED_RATE,
  MAX_BYTES,
  MAX_PAGE_THREADS,
  denseThreads,
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
  | 'inhibitoryWeight'
  | 'synapses'
  | 'threads';

/** The settings that set a network's size: a memory problem is named under the last changed. */
export type SizeKey = 'ne' | 'ni' | 'synapses';

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
  'synapses',
  'threads',
];

/** The memory of the settings' network and its resolved options (dense, or sparse with K). */
function memoryOf(settings: NetworkSettings): {
  options: { n: number; duration: number };
  fixed: number;
  check: () => void;
} {
  const { synapses, threads, ...network } = settings;
  if (synapses === 'all') {
    const options = resolveNetworkOptions({
      ...network,
      threads: denseThreads(network.ne + network.ni, threads),
      maxBytes: MAX_BYTES,
    });
    const memory = networkMemory(options);
    return {
      options,
      fixed: memory.total - memory.analysis,
      check: () => checkNetworkMemory(options),
    };
  }
  const options = resolveSparseOptions({ ...network, synapses, threads, maxBytes: MAX_BYTES });
  return {
    options,
    fixed: sparseNetworkMemory(options).total,
    check: () => checkSparseMemory(options),
  };
}

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
 * memory is reported under `sizeField`, the size (or K) the user changed last.
 */
export function settingsProblem(
  settings: NetworkSettings,
  sizeField: SizeKey = 'ne',
): SettingsProblem | undefined {
  try {
    if (settings.threads > MAX_PAGE_THREADS) {
      return {
        key: 'threads',
        message: `the page runs at most ${MAX_PAGE_THREADS} threads, got ${settings.threads}`,
      };
    }
    // The weights and traces first (under the size field), then the run's length: its spikes and
    // analyses (durationBytes counts both) under the duration.
    const { options, fixed, check } = memoryOf(settings);
    if (fixed > MAX_BYTES) check();
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
        message:
          // the page's limit is fixed: the CLI's way of raising it does not apply here
          `${error.message.replace(/, or raise the limit \(--max-memory\)/, '')} (at most about ${largestNetwork(settings.synapses, settings.threads)} fit` +
          (settings.synapses === 'all'
            ? '; a sparse network, with synapses per neuron set, holds more)'
            : ` with ${settings.synapses} synapses per neuron)`),
      };
    }
    if (error instanceof IzhikitError) return { key: 'ne', message: error.message };
    throw error;
  }
}

/**
 * The largest Ne + Ni whose weights (all to all, or K per neuron) and state fit in the browser's
 * limit on `threads` threads, rounded down to 100.
 */
export function largestNetwork(synapses: number | 'all' = 'all', threads = 1): number {
  if (synapses !== 'all') {
    // bisection: the memory grows with n
    const fits = (size: number): boolean => {
      try {
        const options = resolveSparseOptions({
          ne: size,
          ni: 0,
          synapses,
          threads,
          maxBytes: MAX_BYTES,
        });
        return sparseNetworkMemory(options).total <= MAX_BYTES;
      } catch {
        return false;
      }
    };
    let low = 0;
    let high = Math.ceil(MAX_BYTES / synapses);
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle - 1;
    }
    return Math.floor(low / 100) * 100;
  }
  let n = Math.floor(Math.sqrt(MAX_BYTES / 4));
  const fits = (size: number): boolean =>
    networkMemory(
      resolveNetworkOptions({
        ne: size,
        ni: 0,
        threads: denseThreads(size, threads),
        maxBytes: MAX_BYTES,
      }),
    ).total <= MAX_BYTES;
  while (n > 1 && !fits(n)) n--;
  return Math.floor(n / 100) * 100;
}
