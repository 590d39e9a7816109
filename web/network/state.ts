/** The network view's settings and their round trip through the URL's query string. */
import type { NetworkSettings } from './protocol.js';

/** The paper's network: 800 excitatory and 200 inhibitory neurons, 1000 ms at dt = 1 ms. */
export const DEFAULT_NETWORK: NetworkSettings = {
  ne: 800,
  ni: 200,
  dt: 1,
  duration: 1000,
  seed: 1,
  scale: true,
  excitatoryNoise: 5,
  inhibitoryNoise: 2,
  excitatoryWeight: 0.5,
  inhibitoryWeight: 1,
  heterogeneity: true,
};

export interface NetworkViewState {
  readonly settings: NetworkSettings;
  /** The neuron whose v(t) is shown, if one was chosen. */
  readonly neuron: number | undefined;
}

const NAMES = {
  ne: 'ne',
  ni: 'ni',
  dt: 'dt',
  duration: 'T',
  seed: 'seed',
  excitatoryNoise: 'sigmaE',
  inhibitoryNoise: 'sigmaI',
  excitatoryWeight: 'wE',
  inhibitoryWeight: 'wI',
} as const;

export function writeNetworkParams(state: NetworkViewState, params: URLSearchParams): void {
  for (const [key, name] of Object.entries(NAMES) as [keyof typeof NAMES, string][]) {
    params.set(name, String(state.settings[key]));
  }
  params.set('scale', state.settings.scale ? '1' : '0');
  params.set('hetero', state.settings.heterogeneity ? '1' : '0');
  if (state.neuron !== undefined) params.set('neuron', String(state.neuron));
}

export function readNetworkParams(params: URLSearchParams): NetworkViewState {
  const settings: Record<string, number | boolean> = { ...DEFAULT_NETWORK };
  for (const [key, name] of Object.entries(NAMES)) {
    const raw = params.get(name);
    if (raw !== null && raw.trim() !== '' && Number.isFinite(Number(raw))) {
      settings[key] = Number(raw);
    }
  }
  const scale = params.get('scale');
  if (scale !== null) settings.scale = scale !== '0' && scale !== 'false';
  const hetero = params.get('hetero');
  if (hetero !== null) settings.heterogeneity = hetero !== '0' && hetero !== 'false';
  const neuron = Number(params.get('neuron') ?? Number.NaN);
  return {
    settings: settings as unknown as NetworkSettings,
    neuron: Number.isInteger(neuron) && neuron >= 0 ? neuron : undefined,
  };
}
