/**
 * A network as a PyNN script: two populations of Izhikevich cells, their input, the synapse list
 * as four projections; PyNN runs it on NEST, NEURON or Brian2, and on a cluster with MPI.
 */
import type { ExportableNetwork } from './network.js';
import { scriptHeader } from './script.js';

/** What a PyNN script says of its network, and the input it adds beside the thalamic noise. */
export interface PynnModel {
  /** The docstring's first line. */
  readonly title: string;
  /** More lines of the docstring: what is exported exactly and what is not. */
  readonly notes: string;
  /** Python lines (indented by 4) run once the populations exist (`populations`, `bounds`). */
  readonly input: string;
}

/** The paper's network: its noise is σᵢ/√dt·N(0, 1), from the data's `sigma`. */
export const PAPER_NETWORK_PYNN: PynnModel = {
  title: 'The network of Izhikevich (2003), exported by izhikit to PyNN.',
  notes: '',
  input: '',
};

/**
 * A PyNN script of the network: two populations of Izhikevich cells, thalamic noise as noisy
 * currents (and the model's own input), the synapse list as four projections. PyNN needs delays
 * of at least one step, and NEST's izhikevich model adds a spike's weight to v, the paper's
 * (dt = 1 ms) effect of adding it to I; currents are in nA, where the paper's unit is 1 pA in NEST.
 */
export function pynnScript(
  network: ExportableNetwork,
  dataDir: string,
  scriptName = 'net.py',
  model: PynnModel = PAPER_NETWORK_PYNN,
): string {
  return `#!/usr/bin/env python3
"""${model.title}

Usage: python3 ${scriptName} [--simulator nest|neuron|brian2|mock] [--out result.json]
On a cluster: mpirun -n 64 python3 ${scriptName} --simulator nest
Writes {"rates", "spikes": {"t", "i"}, "populations": {"excitatory", "inhibitory"},
"connections"}. The data (.npy) are in the folder DATA.${model.notes === '' ? '' : '\n\n' + model.notes}
"""
import argparse
import importlib
import json
import os

import numpy as np

${scriptHeader(network, dataDir)}
# the paper's unit of current is 1 pA in NEST's izhikevich model; PyNN's currents are in nA
CURRENT = 0.001


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--simulator', default='nest', choices=['nest', 'neuron', 'brian2', 'mock'])
    parser.add_argument('--out', default='result.json')
    args = parser.parse_args()
    try:
        sim = importlib.import_module('pyNN.' + args.simulator)
    except ImportError as error:  # the backend's simulator is not installed
        raise SystemExit("cannot load PyNN's %s backend: %s" % (args.simulator, error))
    delay = np.maximum(load('delay'), DT)
    sim.setup(timestep=DT, min_delay=DT, max_delay=float(max(DT, delay.max(initial=DT))))
    if args.simulator == 'nest':
        import nest
        # the paper's numerics (two half-steps of v, then u), not NEST's consistent integration
        nest.SetDefaults('izhikevich', {'consistent_integration': False})
    a, b, c, d, v0, sigma = (load(name) for name in ('a', 'b', 'c', 'd', 'v0', 'sigma'))
    bounds = {'excitatory': (0, NE), 'inhibitory': (NE, NE + NI)}
    populations = {}
    for label, (start, stop) in bounds.items():
        if stop == start:
            continue
        part = slice(start, stop)
        cells = sim.Izhikevich(a=a[part], b=b[part], c=c[part], d=d[part], i_offset=0.0)
        population = sim.Population(stop - start, cells, label=label,
                                    initial_values={'v': v0[part], 'u': b[part] * v0[part]})
        if sigma[start] > 0:
            noise = sim.NoisyCurrentSource(mean=0.0, stdev=float(sigma[start] / np.sqrt(DT)) * CURRENT,
                                           dt=DT, start=0.0, stop=DURATION)
            population.inject(noise)
        population.record('spikes')
        populations[label] = population
${model.input}    pre, post, weight = load('pre'), load('post'), load('weight')
    connections = 0
    for source, (s0, s1) in bounds.items():
        for target, (t0, t1) in bounds.items():
            if source not in populations or target not in populations:
                continue
            chosen = (pre >= s0) & (pre < s1) & (post >= t0) & (post < t1)
            if not np.any(chosen):
                continue
            table = np.column_stack((pre[chosen] - s0, post[chosen] - t0,
                                     np.abs(weight[chosen]), delay[chosen]))
            projection = sim.Projection(
                populations[source], populations[target],
                sim.FromListConnector(table, column_names=['weight', 'delay']),
                sim.StaticSynapse(),
                receptor_type='excitatory' if source == 'excitatory' else 'inhibitory')
            connections += int(projection.size())
    sim.run(DURATION)
    t, i = [], []
    for label, population in populations.items():
        offset = bounds[label][0]
        block = population.get_data('spikes', gather=True).segments[0]
        for train in block.spiketrains:
            index = offset + int(train.annotations.get('source_index', 0))
            t.extend(float(x) for x in train.magnitude)
            i.extend([index] * len(train))
    if sim.rank() == 0:
        result = {
            'rates': rates(np.asarray(i, dtype=int)),
            'spikes': {'t': t, 'i': i},
            'populations': {label: int(p.size) for label, p in populations.items()},
            'connections': connections,
        }
        with open(args.out, 'w') as out:
            json.dump(result, out)
    sim.end()


if __name__ == '__main__':
    main()
`;
}
