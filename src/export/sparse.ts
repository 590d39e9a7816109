/**
 * The sparse network of SPEC §8 as the exporters take it: izhikit's own build for the options
 * (the same seed gives the same sources, weights and parameters as `izhikit network --synapses K`)
 * turned into a synapse list, delay 0 (a spike is delivered in the step it is fired, as in izhikit).
 */
import { MemoryLimitError, formatBytes } from '../errors.js';
import { NetworkRandom } from '../network/random.js';
import { buildSparseNetwork } from '../sparse/build.js';
import { checkSparseMemory } from '../sparse/memory.js';
import { resolveSparseOptions, type SparseNetworkOptions } from '../sparse/options.js';
import { synapseSources } from '../synapses/delayed-synapses.js';
import { exportableNetwork, type ExportableNetwork } from './network.js';

/** Bytes per synapse of the list (pre, post: 4 each; weight, delay: 8 each) and of its .npy copy. */
const LIST_BYTES_PER_SYNAPSE = 2 * 24;

/**
 * The sparse network of these options with its synapses listed by presynaptic neuron (targets
 * ascending), each weight exactly izhikit's (its 32-bit value), and the thalamic noise's σ.
 *
 * @throws ParameterError for an option out of range
 * @throws MemoryLimitError when the network, its list and the files would exceed `maxBytes`
 */
export function sparseNetworkForExport(options: SparseNetworkOptions): ExportableNetwork {
  const resolved = resolveSparseOptions({ ...options, threads: 1, record: [] });
  const { n, seed, synapses: k, maxBytes } = resolved;
  const store = checkSparseMemory(resolved).total;
  const total = store + n * k * LIST_BYTES_PER_SYNAPSE;
  if (total > maxBytes) {
    throw new MemoryLimitError(
      `the export of ${n} neurons × ${k} synapses needs ${formatBytes(total)} (limit ${formatBytes(maxBytes)}): use fewer neurons or synapses, or raise the limit (--max-memory)`,
      total,
      maxBytes,
    );
  }
  const state = buildSparseNetwork(resolved, new NetworkRandom(seed), false);
  return exportableNetwork(resolved, state, {
    pre: synapseSources(state.synapses),
    post: Int32Array.from(state.synapses.target),
    weight: Float64Array.from(state.weights),
    delay: new Float64Array(state.weights.length),
  });
}
