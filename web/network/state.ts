/** The network view's settings and their round trip through the URL's query string. */
import { MAX_PAGE_THREADS, type NetworkSettings } from './protocol.js';

/** The page's default thread count: the processors the browser reports, at most MAX_PAGE_THREADS. */
export const defaultThreads = (): number =>
  Math.max(1, Math.min(MAX_PAGE_THREADS, globalThis.navigator?.hardwareConcurrency || 1));

/**
 * The paper's network: 800 excitatory and 200 inhibitory neurons, all to all, 1000 ms at
 * dt = 1 ms.
 */
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
  synapses: 'all',
  threads: defaultThreads(),
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
  // the paper's network keeps its short link: K only for a sparse one, the threads for a sparse
  // one or when they are not the page's default
  const { synapses, threads } = state.settings;
  if (synapses !== 'all') params.set('K', String(synapses));
  if (synapses !== 'all' || threads !== DEFAULT_NETWORK.threads) {
    params.set('threads', String(threads));
  }
  if (state.neuron !== undefined) params.set('neuron', String(state.neuron));
}

export function readNetworkParams(params: URLSearchParams): NetworkViewState {
  const settings: Record<string, number | boolean | string> = { ...DEFAULT_NETWORK };
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
  const synapses = params.get('K')?.trim() ?? '';
  if (synapses !== '' && Number.isFinite(Number(synapses))) settings.synapses = Number(synapses);
  const threads = params.get('threads')?.trim() ?? '';
  if (threads !== '' && Number.isFinite(Number(threads))) settings.threads = Number(threads);
  const neuron = Number(params.get('neuron') ?? Number.NaN);
  return {
    settings: settings as unknown as NetworkSettings,
    neuron: Number.isInteger(neuron) && neuron >= 0 ? neuron : undefined,
  };
}
