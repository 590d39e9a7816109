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
