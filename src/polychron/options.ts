/** The options of a polychronization network ([2006]), their defaults and their validation. */
import { ParameterError } from '../errors.js';
import { requireWholeNumber } from '../model/izhikevich.js';

/** Which published program the network follows: spnet.m (MATLAB) or poly_spnet.cpp (C++). */
export type PolychronVariant = 'matlab' | 'cpp';

export const POLYCHRON_VARIANTS: readonly PolychronVariant[] = ['matlab', 'cpp'];

export interface PolychronOptions {
  /** Seed of the one random generator, a whole number from 0 to 2³² − 1 (1 by default). */
  readonly seed?: number;
  /**
   * `matlab` (default, spnet.m): targets drawn independently, v starts at −65, the weight update
   * is s ← min(smax, max(0, 0.01 + s + sd)) then sd ← 0.9·sd, depression uses 1.2·P.
   * `cpp` (poly_spnet.cpp): no self or repeated target, v starts at −65 + 10·U(0,1), sd is scaled
   * first, depression uses its own trace LTD (0.12 at a spike, ×0.95 per ms).
   */
  readonly variant?: PolychronVariant;
  /** Excitatory neurons (800). */
  readonly ne?: number;
  /** Inhibitory neurons (200). */
  readonly ni?: number;
  /** Outgoing synapses per neuron (100). */
  readonly synapsesPerNeuron?: number;
  /** Largest axonal delay D in ms (20); excitatory synapse m has delay ⌈m·D/M⌉. */
  readonly maxDelay?: number;
  /** Largest excitatory weight smax (10). */
  readonly maxWeight?: number;
  /** Seconds of spikes kept for the spectrum (10). */
  readonly spectrumSeconds?: number;
}

export interface ResolvedPolychronOptions {
  readonly seed: number;
  readonly variant: PolychronVariant;
  readonly ne: number;
  readonly ni: number;
  readonly synapsesPerNeuron: number;
  readonly maxDelay: number;
  readonly maxWeight: number;
  readonly spectrumSeconds: number;
}

/** The paper's network. */
export const POLYCHRON_DEFAULTS: ResolvedPolychronOptions = {
  seed: 1,
  variant: 'matlab',
  ne: 800,
  ni: 200,
  synapsesPerNeuron: 100,
  maxDelay: 20,
  maxWeight: 10,
  spectrumSeconds: 10,
};

/** Checks the options and fills in the defaults; throws a ParameterError naming the first bad one. */
export function resolvePolychronOptions(options: PolychronOptions = {}): ResolvedPolychronOptions {
  const merged = { ...POLYCHRON_DEFAULTS, ...options };
  const variant = merged.variant;
  if (!POLYCHRON_VARIANTS.includes(variant)) {
    throw new ParameterError('variant', `variant must be matlab or cpp, got '${String(variant)}'`);
  }
  const seed = requireWholeNumber('seed', merged.seed, 0, 4294967295);
  const ne = requireWholeNumber('ne', merged.ne, 1, 100000);
  const ni = requireWholeNumber('ni', merged.ni, 0, 100000);
  const maxDelay = requireWholeNumber('maxDelay', merged.maxDelay, 1, 1000);
  const synapsesPerNeuron = requireWholeNumber(
    'synapsesPerNeuron',
    merged.synapsesPerNeuron,
    1,
    10000,
  );
  if (synapsesPerNeuron % maxDelay !== 0) {
    throw new ParameterError(
      'synapsesPerNeuron',
      `synapsesPerNeuron (${synapsesPerNeuron}) must be a multiple of maxDelay (${maxDelay}), so that every delay has as many synapses`,
    );
  }
  if (variant === 'cpp' && (synapsesPerNeuron > ne + ni - 1 || synapsesPerNeuron > ne)) {
    throw new ParameterError(
      'synapsesPerNeuron',
      `the cpp variant needs distinct targets: at most ${Math.min(ne + ni - 1, ne)} synapses per neuron for this size`,
    );
  }
  const maxWeight = merged.maxWeight;
  if (typeof maxWeight !== 'number' || !Number.isFinite(maxWeight) || maxWeight <= 0) {
    throw new ParameterError(
      'maxWeight',
      `maxWeight must be a positive number, got ${String(maxWeight)}`,
    );
  }
  const spectrumSeconds = requireWholeNumber('spectrumSeconds', merged.spectrumSeconds, 1, 600);
  return { seed, variant, ne, ni, synapsesPerNeuron, maxDelay, maxWeight, spectrumSeconds };
}

/**
 * Checks a duration in seconds of model time: a whole number from 0 to 10⁶ (about 11.6 days).
 */
export function checkPolychronDuration(seconds: number): number {
  return requireWholeNumber('duration', seconds, 0, 1000000);
}
