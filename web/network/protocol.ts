/** The messages between the network view and its simulation worker. */
import { THREADS_FROM } from 'izhikit';

/**
 * The memory a network may take in the browser (1 GB, about 15 700 neurons all to all on 2 threads): above it the guard
 * answers with a message, where an allocation could otherwise crash the tab. The view checks it
 * as the sizes are typed; the worker checks it again before it allocates.
 */
export const MAX_BYTES = 1e9;

/**
 * The threads the worker runs the paper's dense network of n neurons on, `threads` being the
 * view's setting: a smaller network's step is too short to share.
 */
export const denseThreads = (n: number, threads: number): number =>
  n >= THREADS_FROM ? threads : 1;

/**
 * Bytes a recorded spike takes at the peak: (step, neuron) in the growable recorder, doubled while
 * it grows, then (t, neuron) in the result.
 */
export const BYTES_PER_SPIKE = 28;

/**
 * Bytes of analysis per millisecond of run: the population rate (1 ms bins) and its spectrum
 * (Bluestein's FFT works on buffers up to 4 times the signal, as complex numbers).
 */
export const BYTES_PER_MS = 256;

/**
 * The mean rate (Hz) assumed when the spikes of a run are estimated before it starts: several
 * times the paper's 8 Hz. A run that fires more is stopped when its spikes reach the limit.
 */
export const ESTIMATED_RATE = 50;

/** What the view asks of a network run: the settings the user can change. */
export interface NetworkSettings {
  readonly ne: number;
  readonly ni: number;
  readonly dt: number;
  readonly duration: number;
  readonly seed: number;
  readonly scale: boolean;
  /** σ of the thalamic noise, excitatory and inhibitory. */
  readonly excitatoryNoise: number;
  readonly inhibitoryNoise: number;
  /** Weight scales: w·U(0,1) from excitatory, −w·U(0,1) from inhibitory neurons. */
  readonly excitatoryWeight: number;
  readonly inhibitoryWeight: number;
  /** Parameters spread by each neuron's r (the paper), or r = 0 for all. */
  readonly heterogeneity: boolean;
  /** K incoming synapses per neuron (a sparse network, SPEC §8), or `all`: the paper's network. */
  readonly synapses: number | 'all';
  /** Web Workers a sparse network runs on (one where the page is not cross-origin isolated). */
  readonly threads: number;
}

/** Most Web Workers a sparse network runs on in the page. */
export const MAX_PAGE_THREADS = 16;

/** Settings that change how a run is computed, not what it gives (the same spikes for any). */
export const RESULT_NEUTRAL: readonly (keyof NetworkSettings)[] = ['threads'];

export type ToWorker =
  /** Run the network; answered by progress messages, then `done` or `failed`. */
  | { readonly type: 'run'; readonly id: number; readonly settings: NetworkSettings }
  /** Re-run the same network recording one neuron; answered by `trace` or `failed`. */
  | {
      readonly type: 'trace';
      readonly id: number;
      readonly settings: NetworkSettings;
      readonly neuron: number;
    }
  /** Stop run `id` at its next chunk; answered by `failed` with the cancel error. */
  | { readonly type: 'cancel'; readonly id: number };

/** The result of a run, as plain transferable arrays. */
export interface NetworkSummary {
  readonly settings: NetworkSettings;
  readonly spikeTimes: Float64Array;
  readonly spikeNeurons: Int32Array;
  readonly excitatoryRate: number;
  readonly inhibitoryRate: number;
  readonly populationRate: Float64Array;
  readonly frequency: Float64Array;
  readonly power: Float64Array;
  readonly dominantFrequency: number;
  readonly elapsedMs: number;
  /** Wall time of building the network: parameters, weights or synapses, state (ms). */
  readonly setupMs: number;
  /** Web Workers the run took its steps on (1 for the paper's dense network). */
  readonly threads: number;
}

/** What a run is doing: drawing a sparse network's synapses, then taking its steps. */
export type RunPhase = 'building' | 'running';

export type FromWorker =
  | {
      readonly type: 'progress';
      readonly id: number;
      /** Drawing a sparse network's synapses, or taking the steps. */
      readonly phase: RunPhase;
      /** Of that phase, 0 … 1. */
      readonly fraction: number;
    }
  | { readonly type: 'done'; readonly id: number; readonly summary: NetworkSummary }
  | {
      readonly type: 'trace';
      readonly id: number;
      readonly neuron: number;
      readonly t: Float64Array;
      readonly v: Float64Array;
    }
  | {
      readonly type: 'failed';
      readonly id: number;
      /** What went wrong (class names do not survive minification, so the worker says). */
      readonly kind: 'cancelled' | 'memory' | 'parameter' | 'diverged' | 'error';
      readonly message: string;
      /** The option at fault, for a `ParameterError`. */
      readonly parameter?: string;
    };
