/** The options of a sparse network run (SPEC §8): the network's options plus K and the threads. */
import { ParameterError } from '../errors.js';
import { requireFinite, requireWholeNumber } from '../model/izhikevich.js';
import {
  resolveNetworkOptions,
  type NetworkOptions,
  type ResolvedNetworkOptions,
} from '../network/options.js';

/**
 * `simd` (true by default) runs the steps on the WebAssembly kernels where the engine has them
 * and the arrays fit in a WebAssembly memory (4 GB); false runs the JavaScript phases. Both give
 * the same spikes.
 */
export interface SparseNetworkOptions extends Omit<NetworkOptions, 'weights'> {
  /** K: incoming synapses per neuron (fixed in-degree), 1 or more. */
  readonly synapses: number;
  /**
   * Threads to run on (Node worker threads on shared memory; 1 by default). Every count gives
   * the same spikes.
   */
  readonly threads?: number;
}

/** Options with defaults filled in and every value checked. */
export interface ResolvedSparseOptions extends ResolvedNetworkOptions {
  /** K. */
  readonly synapses: number;
  /** Ke = round(K·Ne/N): excitatory sources per neuron; K − Ke inhibitory. */
  readonly excitatorySynapses: number;
  readonly threads: number;
}

/** Most synapses one network may hold: their offsets are 32-bit integers. */
export const MAX_SYNAPSES = 0x7fffffff;

/** Most threads a run may ask for. */
export const MAX_THREADS = 256;

/** The excitatory and inhibitory weight factors: 800/Ke and 200/(K − Ke), or 1 and 1 unscaled. */
export function sparseWeightScales(
  options: Pick<ResolvedSparseOptions, 'synapses' | 'excitatorySynapses' | 'scale'>,
): { excitatory: number; inhibitory: number } {
  const ke = options.excitatorySynapses;
  const ki = options.synapses - ke;
  return {
    excitatory: options.scale && ke > 0 ? 800 / ke : 1,
    inhibitory: options.scale && ki > 0 ? 200 / ki : 1,
  };
}

function requireWhole(name: string, value: unknown, least: number, most: number): number {
  return requireWholeNumber(name, requireFinite(name, value), least, most);
}

/** Fills in the defaults and throws a `ParameterError` for anything out of range. */
export function resolveSparseOptions(options: SparseNetworkOptions): ResolvedSparseOptions {
  const { synapses: k, threads, ...network } = options;
  const resolved = resolveNetworkOptions(network);
  const synapses = requireWhole('synapses', k, 1, MAX_SYNAPSES);
  if (resolved.n * synapses > MAX_SYNAPSES) {
    throw new ParameterError(
      'synapses',
      `${resolved.n} neurons × ${synapses} synapses is more than ${MAX_SYNAPSES} synapses: use fewer neurons or synapses`,
    );
  }
  return {
    ...resolved,
    synapses,
    excitatorySynapses: Math.round((synapses * resolved.ne) / resolved.n),
    threads: requireWhole('threads', threads ?? 1, 1, MAX_THREADS),
  };
}
