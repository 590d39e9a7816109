/** The options of a network run, their defaults and their validation. */
import { ParameterError } from '../errors.js';
import { requireFinite, requireWholeNumber } from '../model/izhikevich.js';
import { stepCount } from '../model/steps.js';

/** Per-neuron parameters given directly instead of drawn (for tests and teaching). */
export interface NetworkNeuronParameters {
  readonly a: ArrayLike<number>;
  readonly b: ArrayLike<number>;
  readonly c: ArrayLike<number>;
  readonly d: ArrayLike<number>;
}

export interface NetworkOptions {
  /** Number of excitatory neurons, indices 0 … Ne − 1 (800 by default). */
  readonly ne?: number;
  /** Number of inhibitory neurons, indices Ne … N − 1 (200 by default). */
  readonly ni?: number;
  /** Time step in ms (1 by default, as in the paper). */
  readonly dt?: number;
  /** Duration T in ms: steps k = 1 … round(T/dt) are taken (1000 by default). */
  readonly duration?: number;
  /** Seed of the one random generator, a whole number from 0 to 2³² − 1 (1 by default). */
  readonly seed?: number;
  /**
   * Multiply excitatory weights by 800/Ne and inhibitory ones by 200/Ni so that any size keeps
   * the drive of the paper's network (true by default; false gives the paper's raw weights).
   */
  readonly scale?: boolean;
  /** Indices of the neurons whose v, u and I are recorded at every step. */
  readonly record?: readonly number[];
  /** Most bytes the weights, state and traces may take (2 GB by default). */
  readonly maxBytes?: number;
  /**
   * Deliver spikes with the WebAssembly SIMD kernel where the engine has it (true by default);
   * false keeps to plain JavaScript. Both give the same bits.
   */
  readonly simd?: boolean;
  /** Thalamic noise on (true, the default) or off. */
  readonly noise?: boolean;
  /** σ of the thalamic input of an excitatory neuron (5 by default, [2003]). */
  readonly excitatoryNoise?: number;
  /** σ of the thalamic input of an inhibitory neuron (2 by default, [2003]). */
  readonly inhibitoryNoise?: number;
  /** Weights from an excitatory neuron are this times U(0, 1) (0.5 by default, [2003]). */
  readonly excitatoryWeight?: number;
  /** Weights from an inhibitory neuron are −this times U(0, 1) (1 by default, [2003]). */
  readonly inhibitoryWeight?: number;
  /**
   * Draw each neuron's parameters from its r ~ U(0, 1) (true by default, [2003]); false gives every
   * neuron r = 0 (regular spiking excitatory, low-threshold spiking inhibitory neurons). The r are
   * drawn either way, so a seed gives the same weights and noise with it on or off.
   */
  readonly heterogeneity?: boolean;
  /**
   * Threads to run on (Node worker threads on shared memory; the same spikes for any number).
   * Default: the machine's cores for networks of 4096 neurons or more, 1 below.
   */
  readonly threads?: number;
  /**
   * Weights given instead of drawn: `weights[j·N + i]` is S[i][j] (onto i, from j), used as
   * given (not scaled).
   */
  readonly weights?: ArrayLike<number>;
  /** Neuron parameters given instead of drawn. */
  readonly neurons?: NetworkNeuronParameters;
  /** Initial v (mV): one value for all or one per neuron (−65 by default); u0 = b·v0. */
  readonly v0?: number | ArrayLike<number>;
}

/** The defaults: the paper's network. */
export const NETWORK_DEFAULTS = {
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
} as const;

/** Default ceiling on the memory a network may take: 2 GB. */
export const DEFAULT_MAX_NETWORK_BYTES = 2e9;

/** Options with defaults filled in and every value checked. */
export interface ResolvedNetworkOptions {
  readonly ne: number;
  readonly ni: number;
  readonly n: number;
  readonly dt: number;
  readonly duration: number;
  /** K: steps k = 1 … K are taken. */
  readonly steps: number;
  readonly seed: number;
  readonly scale: boolean;
  readonly record: readonly number[];
  readonly maxBytes: number;
  readonly noise: boolean;
  readonly excitatoryNoise: number;
  readonly inhibitoryNoise: number;
  readonly excitatoryWeight: number;
  readonly inhibitoryWeight: number;
  readonly heterogeneity: boolean;
  readonly simd: boolean;
  readonly threads: number;
  readonly weights: ArrayLike<number> | undefined;
  readonly neurons: NetworkNeuronParameters | undefined;
  readonly v0: number | ArrayLike<number>;
}

function requireCount(name: string, value: unknown): number {
  const count = requireFinite(name, value);
  if (!Number.isInteger(count) || count < 0) {
    throw new ParameterError(name, `${name} must be a whole number ≥ 0, got ${count}`);
  }
  return count;
}

function requireNonNegative(name: string, value: unknown): number {
  const number = requireFinite(name, value);
  if (number < 0) throw new ParameterError(name, `${name} must be ≥ 0, got ${number}`);
  return number;
}

function requireLength(name: string, values: ArrayLike<number>, length: number): void {
  if (values.length !== length) {
    throw new ParameterError(name, `${name} must have ${length} values, got ${values.length}`);
  }
  for (let i = 0; i < values.length; i++) requireFinite(`${name}[${i}]`, values[i]);
}

/** Networks from this size run on every core by default. */
export const THREADS_FROM = 4096;

/** The default number of threads: the cores the engine reports for large networks, else 1. */
function defaultThreads(n: number): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  return n >= THREADS_FROM && cores !== undefined && cores > 1 ? cores : 1;
}

/** Fills in the defaults and throws a `ParameterError` for anything out of range. */
export function resolveNetworkOptions(options: NetworkOptions = {}): ResolvedNetworkOptions {
  const ne = requireCount('ne', options.ne ?? NETWORK_DEFAULTS.ne);
  const ni = requireCount('ni', options.ni ?? NETWORK_DEFAULTS.ni);
  const n = ne + ni;
  if (n === 0)
    throw new ParameterError('ne', 'the network needs at least one neuron (ne + ni > 0)');
  const dt = options.dt ?? NETWORK_DEFAULTS.dt;
  const duration = options.duration ?? NETWORK_DEFAULTS.duration;
  const steps = stepCount(dt, duration);
  const seed = requireWholeNumber(
    'seed',
    requireFinite('seed', options.seed ?? NETWORK_DEFAULTS.seed),
    0,
    0xffffffff,
  );
  const record = [...(options.record ?? [])];
  for (const index of record) {
    if (!Number.isInteger(index) || index < 0 || index >= n) {
      throw new ParameterError(
        'record',
        `record: neuron ${index} does not exist (indices run from 0 to ${n - 1})`,
      );
    }
  }
  const maxBytes = requireFinite('maxBytes', options.maxBytes ?? DEFAULT_MAX_NETWORK_BYTES);
  if (maxBytes <= 0)
    throw new ParameterError('maxBytes', `maxBytes must be positive, got ${maxBytes}`);
  if (options.weights !== undefined) requireLength('weights', options.weights, n * n);
  if (options.neurons !== undefined) {
    for (const name of ['a', 'b', 'c', 'd'] as const) {
      requireLength(`neurons.${name}`, options.neurons[name], n);
    }
  }
  const threads = requireCount('threads', options.threads ?? defaultThreads(n));
  if (threads < 1) throw new ParameterError('threads', 'threads must be at least 1, got 0');
  const v0 = options.v0 ?? -65;
  if (typeof v0 === 'number') requireFinite('v0', v0);
  else requireLength('v0', v0, n);
  const [excitatoryNoise, inhibitoryNoise, excitatoryWeight, inhibitoryWeight] = (
    ['excitatoryNoise', 'inhibitoryNoise', 'excitatoryWeight', 'inhibitoryWeight'] as const
  ).map((name) => requireNonNegative(name, options[name] ?? NETWORK_DEFAULTS[name])) as [
    number,
    number,
    number,
    number,
  ];
  return {
    ne,
    ni,
    n,
    dt,
    duration,
    steps,
    seed,
    scale: options.scale ?? NETWORK_DEFAULTS.scale,
    record: [...new Set(record)],
    maxBytes,
    noise: options.noise ?? true,
    excitatoryNoise,
    inhibitoryNoise,
    excitatoryWeight,
    inhibitoryWeight,
    heterogeneity: options.heterogeneity ?? NETWORK_DEFAULTS.heterogeneity,
    simd: options.simd ?? true,
    threads,
    weights: options.weights,
    neurons: options.neurons,
    v0,
  };
}
