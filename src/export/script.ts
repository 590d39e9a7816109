/** What every exported Python script shares: its constants, its data folder, loading and rates. */
import type { ExportableNetwork } from './network.js';

/** A number as Python reads it back exactly. */
export const py = (x: number): string => (Number.isInteger(x) ? `${x}.0` : String(x));

/** The script's constants, its data folder and the functions every exported script shares. */
export function scriptHeader(network: ExportableNetwork, dataDir: string): string {
  return `NE = ${network.ne}
NI = ${network.ni}
DT = ${py(network.dt)}  # ms
DURATION = ${py(network.duration)}  # ms
SEED = ${network.seed}
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), ${JSON.stringify(dataDir)})


def load(name):
    return np.load(os.path.join(DATA, name + '.npy'))


def rates(i):
    """Mean rates (Hz) of the two populations from the spikes' neuron indices."""
    seconds = DURATION / 1000
    return {
        'excitatory': float(np.sum(i < NE)) / NE / seconds if NE > 0 else None,
        'inhibitory': float(np.sum(i >= NE)) / NI / seconds if NI > 0 else None,
    }
`;
}

/**
 * The start of a Brian2 script up to the first lines of its `main()`: the imports, the header,
 * the script's own `constants`, and in `main()` the flags (--out, --codegen), the code
 * generation target, the seed and the time step.
 */
export function brian2Preamble(
  network: ExportableNetwork,
  dataDir: string,
  constants = '',
): string {
  return `import argparse
import json
import os

import numpy as np
import brian2 as b2

${scriptHeader(network, dataDir)}${constants}

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--out', default='result.json')
    parser.add_argument('--codegen', default='numpy', choices=['numpy', 'cython', 'auto'])
    args = parser.parse_args()
    b2.prefs.codegen.target = args.codegen
    b2.seed(SEED)
    b2.defaultclock.dt = DT * b2.ms
`;
}
