/**
 * Export of a network to Brian2 and PyNN scripts, SPEC §11: the script and, beside it, the data it
 * loads (.npy files): the neurons' parameters, initial state and noise, and the connections as a
 * synapse list (pre, post, weight, delay). Any network given as such a list exports the same way:
 * the paper's dense network (every pair, delay 0) today; sparse and delayed networks and the
 * polychronization network's plastic synapses by passing their lists.
 */
import { buildNetwork } from '../network/build.js';
import { checkNetworkMemory } from '../network/memory.js';
import {
  resolveNetworkOptions,
  type NetworkOptions,
  type ResolvedNetworkOptions,
} from '../network/options.js';
import { NetworkRandom } from '../network/random.js';
import { npyBytes, type NpyArray } from './npy.js';
import { pynnScript } from './pynn.js';
import { brian2Preamble } from './script.js';

/** Connections: synapse s goes from neuron pre[s] to post[s] with weight[s] after delay[s] ms. */
export interface SynapseList {
  readonly pre: Int32Array;
  readonly post: Int32Array;
  readonly weight: Float64Array;
  readonly delay: Float64Array;
}

/** A network as the exporters take it: neurons 0 … Ne − 1 excitatory, then Ni inhibitory. */
export interface ExportableNetwork {
  readonly ne: number;
  readonly ni: number;
  readonly dt: number;
  readonly duration: number;
  readonly seed: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
  readonly v0: Float64Array;
  /** σᵢ of the thalamic input: Iᵢ = σᵢ/√dt·N(0, 1) at every step (zeros: no noise). */
  readonly sigma: Float64Array;
  readonly synapses: SynapseList;
}

export type ExportTarget = 'brian2' | 'pynn';

/** σᵢ of every neuron: 5 excitatory and 2 inhibitory by default, zeros without noise. */
function thalamicSigma(
  options: Pick<
    ResolvedNetworkOptions,
    'n' | 'ne' | 'noise' | 'excitatoryNoise' | 'inhibitoryNoise'
  >,
): Float64Array {
  const sigma = new Float64Array(options.n);
  if (options.noise) {
    for (let i = 0; i < options.n; i++) {
      sigma[i] = i < options.ne ? options.excitatoryNoise : options.inhibitoryNoise;
    }
  }
  return sigma;
}

/**
 * The paper's dense network as izhikit builds it for these options (the same seed gives the same
 * parameters and weights): every pair j → i with weight S[i][j], delay 0.
 *
 * @throws ParameterError, MemoryLimitError
 */
export function denseNetworkForExport(options: NetworkOptions = {}): ExportableNetwork {
  const resolved = resolveNetworkOptions({ ...options, simd: false, threads: 1, record: [] });
  const { n, seed } = resolved;
  // the weights, then the list: 4 + 24 bytes per synapse
  checkNetworkMemory({ ...resolved, n: Math.ceil(n * Math.sqrt(7)) });
  const state = buildNetwork(resolved, new NetworkRandom(seed));
  const count = n * n;
  const pre = new Int32Array(count);
  const post = new Int32Array(count);
  const weight = new Float64Array(count);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const s = j * n + i;
      pre[s] = j;
      post[s] = i;
      weight[s] = state.weights[s] as number;
    }
  }
  return exportableNetwork(resolved, state, {
    pre,
    post,
    weight,
    delay: new Float64Array(count),
  });
}

/** A network of [2003]'s options and built neurons (their start state) with these synapses. */
export function exportableNetwork(
  options: Pick<
    ResolvedNetworkOptions,
    'n' | 'ne' | 'ni' | 'dt' | 'duration' | 'seed' | 'noise' | 'excitatoryNoise' | 'inhibitoryNoise'
  >,
  neurons: Readonly<Record<'a' | 'b' | 'c' | 'd' | 'v', Float64Array>>,
  synapses: SynapseList,
): ExportableNetwork {
  const { ne, ni, dt, duration, seed } = options;
  return {
    ne,
    ni,
    dt,
    duration,
    seed,
    a: Float64Array.from(neurons.a),
    b: Float64Array.from(neurons.b),
    c: Float64Array.from(neurons.c),
    d: Float64Array.from(neurons.d),
    v0: Float64Array.from(neurons.v),
    sigma: thalamicSigma(options),
    synapses,
  };
}

/** The data files of a network, and of any `extra` arrays: name (without .npy) and contents. */
export function exportData(
  network: ExportableNetwork,
  extra: Readonly<Record<string, NpyArray>> = {},
): { name: string; bytes: Uint8Array }[] {
  const arrays: [string, NpyArray][] = [
    ['a', network.a],
    ['b', network.b],
    ['c', network.c],
    ['d', network.d],
    ['v0', network.v0],
    ['sigma', network.sigma],
    ['pre', network.synapses.pre],
    ['post', network.synapses.post],
    ['weight', network.synapses.weight],
    ['delay', network.synapses.delay],
    ...Object.entries(extra),
  ];
  return arrays.map(([name, array]) => ({ name, bytes: npyBytes(array) }));
}

/**
 * A Brian2 script of the network with the paper's step order: noise at the start of a step, then
 * threshold, delivery (I += w/dt) and reset, then v's two half-steps and u's step at its end.
 */
export function brian2Script(
  network: ExportableNetwork,
  dataDir: string,
  scriptName = 'net.py',
): string {
  return `#!/usr/bin/env python3
"""The network of Izhikevich (2003), exported by izhikit to Brian2.

Usage: python3 ${scriptName} [--out result.json] [--codegen numpy|cython|auto]
Writes {"rates": {"excitatory", "inhibitory"}, "spikes": {"t", "i"}} (t in ms, at the end of
the step that fired, as izhikit reports it). The data (.npy) are in the folder DATA.
"""
${brian2Preamble(network, dataDir)}    group = b2.NeuronGroup(
        NE + NI,
        'a : 1\\nb : 1\\nc : 1\\nd : 1\\nv : 1\\nu : 1\\nI : 1\\nnoise : 1',
        threshold='v >= 30',
        reset='v = c\\nu = u + d',
    )
    for name in 'abcd':
        setattr(group, name, load(name))
    group.v = load('v0')
    group.u = load('b') * load('v0')
    group.noise = load('sigma') / np.sqrt(DT)
    group.run_regularly('I = noise * randn()', when='start')
    half = 'v = v + %r * (0.04 * (v * v) + 5 * v + 140 - u + I)' % (DT / 2)
    group.run_regularly(half + '\\n' + half + '\\nu = u + %r * a * (b * v - u)' % DT, when='end')
    synapses = b2.Synapses(group, group, 'w : 1', on_pre='I_post += w')
    synapses.connect(i=load('pre'), j=load('post'))
    synapses.w = load('weight') / DT
    delay = load('delay')
    if np.any(delay > 0):
        synapses.delay = delay * b2.ms
    monitor = b2.SpikeMonitor(group)
    b2.run(DURATION * b2.ms)
    i = np.asarray(monitor.i)
    t = np.asarray(monitor.t / b2.ms) + DT
    with open(args.out, 'w') as out:
        json.dump({'rates': rates(i), 'spikes': {'t': t.tolist(), 'i': i.tolist()}}, out)


if __name__ == '__main__':
    main()
`;
}

/** The script for a target. */
export function exportScript(
  network: ExportableNetwork,
  target: ExportTarget,
  dataDir: string,
  scriptName = 'net.py',
): string {
  return target === 'brian2'
    ? brian2Script(network, dataDir, scriptName)
    : pynnScript(network, dataDir, scriptName);
}
