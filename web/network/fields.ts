/**
 * The slider ranges of the network view's settings: the two sizes, the time step, the duration,
 * the seed, and the thalamic noise and weight scales.
 */
import type { SliderSpec } from '../ui/slider-field.js';
import { MAX_PAGE_THREADS } from './protocol.js';
import type { SettingKey } from './validate.js';

/** The settings with a slider (K has a text field: it may be `all`). */
export type SliderKey = Exclude<SettingKey, 'synapses'>;

export interface NetworkFieldSpec extends SliderSpec {
  readonly key: SliderKey;
}

export const NETWORK_FIELDS: readonly NetworkFieldSpec[] = [
  {
    key: 'ne',
    label: 'Ne',
    help: 'number of excitatory neurons (sparse networks hold more: type the number)',
    min: 0,
    max: 10000,
    step: 100,
  },
  { key: 'ni', label: 'Ni', help: 'number of inhibitory neurons', min: 0, max: 2500, step: 25 },
  {
    key: 'dt',
    label: 'dt',
    unit: 'ms',
    help: 'time step (the paper uses 1 ms)',
    min: 0.05,
    max: 1,
    step: 0.05,
  },
  {
    key: 'duration',
    label: 'duration T',
    unit: 'ms',
    help: 'length of the run',
    min: 100,
    max: 5000,
    step: 100,
  },
  {
    key: 'seed',
    label: 'seed',
    help: 'seed of the random generator: the same seed gives the same spikes',
    min: 0,
    max: 100,
    step: 1,
  },
  {
    key: 'excitatoryNoise',
    label: 'σ excitatory',
    unit: 'mV',
    help: 'standard deviation of the thalamic noise of excitatory neurons (the paper: 5)',
    min: 0,
    max: 10,
    step: 0.1,
  },
  {
    key: 'inhibitoryNoise',
    label: 'σ inhibitory',
    unit: 'mV',
    help: 'standard deviation of the thalamic noise of inhibitory neurons (the paper: 2)',
    min: 0,
    max: 10,
    step: 0.1,
  },
  {
    key: 'excitatoryWeight',
    label: 'w excitatory',
    help: 'weights from an excitatory neuron are w·U(0,1) (the paper: 0.5)',
    min: 0,
    max: 2,
    step: 0.01,
  },
  {
    key: 'inhibitoryWeight',
    label: 'w inhibitory',
    help: 'weights from an inhibitory neuron are −w·U(0,1) (the paper: 1)',
    min: 0,
    max: 4,
    step: 0.01,
  },
  {
    key: 'threads',
    label: 'threads',
    help:
      'Web Workers a network runs on, on shared memory (the all-to-all one from 4096 neurons): ' +
      'the same spikes for any number',
    min: 1,
    max: MAX_PAGE_THREADS,
    step: 1,
  },
];
