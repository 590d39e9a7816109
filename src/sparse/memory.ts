/** The sparse network's memory guard: the synapse arrays counted before anything is allocated. */
import { MemoryLimitError, formatBytes } from '../errors.js';
import { traceBytes, tracesMessage } from '../network/memory.js';
import { targetBytes } from '../synapses/delayed-synapses.js';
import type { ResolvedSparseOptions } from './options.js';
import { arenaArrays, arenaBytes } from './arena.js';
import { sparseMemoryBytes } from './kernels.js';

export interface SparseNetworkMemory {
  /** Weights (4 bytes each) and targets (1, 2 or 4 bytes each, by N). */
  readonly synapses: number;
  /**
   * The rest of the arrays: a, b, c, d, v, u, I, noise scales, synapse offsets, two fired
   * buffers, each thread's first and last synapse in each neuron's row; with the kernels, their
   * alignment to 16 bytes and the WebAssembly memory's whole pages of 64 kB.
   */
  readonly state: number;
  readonly traces: number;
  readonly total: number;
}

/**
 * The bytes a sparse network's synapses, state and traces need (spikes grow apart): in one
 * WebAssembly memory with `kernels`, else in an array buffer each.
 */
export function sparseNetworkMemory(
  options: ResolvedSparseOptions,
  kernels = false,
): SparseNetworkMemory {
  const { n, synapses: k, threads } = options;
  const synapses = n * k * (4 + targetBytes(n));
  const arrays = arenaArrays(n, k, threads, kernels);
  const all = kernels
    ? sparseMemoryBytes(arenaBytes(arrays))
    : arrays.reduce((sum, bytes) => sum + bytes, 0);
  const state = all - synapses;
  const traces = traceBytes(options);
  return { synapses, state, traces, total: synapses + state + traces };
}

/** Throws a `MemoryLimitError` naming the size when the network would exceed `maxBytes`. */
export function checkSparseMemory(
  options: ResolvedSparseOptions,
  kernels = false,
): SparseNetworkMemory {
  const memory = sparseNetworkMemory(options, kernels);
  if (memory.total > options.maxBytes) {
    const limit = formatBytes(options.maxBytes);
    const message =
      memory.traces > memory.synapses
        ? tracesMessage(options, memory.traces, limit)
        : `the network of ${options.n} neurons × ${options.synapses} synapses needs ` +
          `${formatBytes(memory.total)}, ${formatBytes(memory.synapses)} of it for the synapses ` +
          `(limit ${limit}): use fewer neurons or synapses, or raise the limit (--max-memory)`;
    throw new MemoryLimitError(message, memory.total, options.maxBytes);
  }
  return memory;
}
