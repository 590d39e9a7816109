/** The memory guard: what a network will take, checked before anything is allocated. */
import { MemoryLimitError, formatBytes } from '../errors.js';
import type { ResolvedNetworkOptions } from './options.js';
import { firedSlotBytes, threadRegion } from './simd.js';

/**
 * Bytes the analyses take per 1 ms bin of the run: the population rate and its power spectrum
 * (a chirp-z transform whose buffers are up to 4× the bins, as float64 pairs), measured at about
 * 175 bytes per bin at the peak, with room for the output documents.
 */
export const ANALYSIS_BYTES_PER_BIN = 320;

/** Bytes per neuron of state: a, b, c, d, v, u, I, noise scale, fired index. */
const STATE_BYTES_PER_NEURON = 8 * 8 + 4;

/**
 * Bytes a run on `threads` threads adds, as `kernelLayout` lays them out: a fired list per thread
 * and two shared buffers (less the one list the state counts), the control words, the threads'
 * descriptors and the spike log.
 */
export const threadBytes = (n: number, threads: number): number =>
  threads <= 1 ? 0 : (threads + 2) * firedSlotBytes(n) - 4 * n + threadRegion(n, threads, 0).bytes;

export interface NetworkMemory {
  readonly weights: number;
  readonly state: number;
  readonly traces: number;
  /** The population rate and its spectrum, over 1 ms bins of the whole run. */
  readonly analysis: number;
  readonly total: number;
}

/** Bytes of the v, u and I traces of the recorded neurons, with their shared times. */
export function traceBytes(options: Pick<ResolvedNetworkOptions, 'record' | 'steps'>): number {
  const recorded = options.record.length;
  return recorded === 0 ? 0 : options.steps * 8 * (1 + 3 * recorded);
}

/** The memory guard's message when the traces are what exceeds the limit. */
export function tracesMessage(
  options: Pick<ResolvedNetworkOptions, 'record' | 'steps'>,
  traces: number,
  limit: string,
): string {
  return (
    `the traces of ${options.record.length} neurons over ${options.steps} steps need ` +
    `${formatBytes(traces)} (limit ${limit}): record fewer neurons, or use a larger dt or a shorter duration`
  );
}

/** The bytes a network's weights, state and traces need (spikes grow as they come, apart). */
export function networkMemory(options: ResolvedNetworkOptions): NetworkMemory {
  const weights = options.n * options.n * 4;
  const state = options.n * STATE_BYTES_PER_NEURON + threadBytes(options.n, options.threads);
  const traces = traceBytes(options);
  const analysis = Math.ceil(options.duration) * ANALYSIS_BYTES_PER_BIN;
  return { weights, state, traces, analysis, total: weights + state + traces + analysis };
}

/** Throws a `MemoryLimitError` naming the size when the network would exceed `maxBytes`. */
export function checkNetworkMemory(options: ResolvedNetworkOptions): NetworkMemory {
  const memory = networkMemory(options);
  if (memory.total > options.maxBytes) {
    const limit = formatBytes(options.maxBytes);
    const largest = Math.max(memory.weights, memory.traces, memory.analysis);
    const message =
      largest === memory.analysis
        ? `the analysis of a ${options.duration} ms run (population rate and spectrum over ` +
          `${Math.ceil(options.duration)} bins of 1 ms) needs ${formatBytes(memory.analysis)} ` +
          `(in all ${formatBytes(memory.total)}, limit ${limit}): use a shorter duration`
        : largest === memory.traces
          ? tracesMessage(options, memory.traces, limit)
          : `the network of ${options.n} neurons needs ${formatBytes(memory.weights)} for its weights ` +
            `(${formatBytes(memory.total)} in all, limit ${limit}): use fewer neurons`;
    throw new MemoryLimitError(message, memory.total, options.maxBytes);
  }
  return memory;
}

/** Runs `allocate`, turning an allocation failure of the JavaScript engine into a clear error. */
export function allocateOrFail<T>(bytes: number, limit: number, allocate: () => T): T {
  try {
    return allocate();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new MemoryLimitError(
        `could not allocate ${formatBytes(bytes)} for the network (${error.message}): use fewer neurons`,
        bytes,
        limit,
      );
    }
    throw error;
  }
}
