/**
 * The 28 reference protocols as data: the 8 neuron types of [2003] Fig. 2 and the 20 features of
 * [2004] Fig. 1, each with its parameters, grid, input and a line on what it shows. They run
 * through the same engine as any user input.
 */
import type { NeuronParameters } from '../model/izhikevich.js';
import { FEATURES } from './features-2004.js';
import { NEURON_TYPES } from './types-2003.js';

/** A time interval (ms) during which a preset's stimulus is on. */
export interface StimulusWindow {
  readonly start: number;
  readonly end: number;
}

export interface Preset {
  readonly id: string;
  readonly name: string;
  /** `types` for [2003] Fig. 2, `features` for [2004] Fig. 1. */
  readonly group: 'types' | 'features';
  /** Panel letter in [2004] Fig. 1 (A–T); absent for the types. */
  readonly letter?: string;
  /** Paper and figure panel. */
  readonly source: string;
  /** What a student should see. */
  readonly description: string;
  readonly params: NeuronParameters;
  readonly v0: number;
  readonly u0?: number;
  readonly dt: number;
  readonly duration: number;
  /** I(t) in the expression language. */
  readonly input: string;
  /** Where the stimulus is on, for drawing it under the trace. */
  readonly stimulus: readonly StimulusWindow[];
}

/** All 28 presets: the types of [2003] first, then the features A–T of [2004]. */
export const PRESETS: readonly Preset[] = [...NEURON_TYPES, ...FEATURES];
