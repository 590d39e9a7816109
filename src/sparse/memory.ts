/** The sparse network's memory guard: the synapse arrays counted before anything is allocated. */
import { MemoryLimitError, formatBytes } from '../errors.js';
import { traceBytes, tracesMessage } from '../network/memory.js';
import { targetBytes } from '../synapses/delayed-synapses.js';
import type { ResolvedSparseOptions } from './options.js';

/** Bytes per neuron of state: a, b, c, d, v, u, I, noise scale, two fired buffers, offsets. */
const STATE_BYTES_PER_NEURON = 8 * 8 + 2 * 4 + 4;
/** Bytes per neuron and thread: the thread's first and last synapse in each neuron's row. */
const SPLIT_BYTES_PER_NEURON = 2 * 4;

export interface SparseNetworkMemory {
  /** Weights (4 bytes each) and targets (1, 2 or 4 bytes each, by N). */
  readonly synapses: number;
  readonly state: number;
  readonly traces: number;
  readonly total: number;
}

/** The bytes a sparse network's synapses, state and traces need (spikes grow apart). */
export function sparseNetworkMemory(options: ResolvedSparseOptions): SparseNetworkMemory {
  const { n, synapses: k, threads } = options;
  const synapses = n * k * (4 + targetBytes(n));
  const state = n * (STATE_BYTES_PER_NEURON + threads * SPLIT_BYTES_PER_NEURON);
  const traces = traceBytes(options);
  return { synapses, state, traces, total: synapses + state + traces };
}

/** Throws a `MemoryLimitError` naming the size when the network would exceed `maxBytes`. */
export function checkSparseMemory(options: ResolvedSparseOptions): SparseNetworkMemory {
  const memory = sparseNetworkMemory(options);
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
