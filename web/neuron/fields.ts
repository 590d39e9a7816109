/**
 * The slider ranges of the neuron view: wide enough for every preset, negative a and b included,
 * with most of the travel over the usual values (a 0–0.2, b −0.5–0.5, c −75–−45, d 0–10).
 */
import type { SliderSpec } from '../ui/slider-field.js';
import type { NumericKey } from './state.js';

export interface FieldSpec extends SliderSpec {
  readonly key: NumericKey | 'u0';
}

export const NEURON_FIELDS: readonly FieldSpec[] = [
  {
    key: 'a',
    label: 'a',
    unit: '1/ms',
    help: 'time scale of the recovery variable u',
    min: -0.1,
    max: 1.1,
    step: 0.001,
    usual: [0, 0.2],
    page: 0.01,
  },
  {
    key: 'b',
    label: 'b',
    help: 'sensitivity of u to the subthreshold fluctuations of v',
    min: -1.2,
    max: 1.2,
    step: 0.005,
    usual: [-0.5, 0.5],
    page: 0.05,
  },
  {
    key: 'c',
    label: 'c',
    unit: 'mV',
    help: 'after-spike reset value of v',
    min: -90,
    max: -30,
    step: 0.5,
    usual: [-75, -45],
    page: 5,
  },
  {
    key: 'd',
    label: 'd',
    help: 'after-spike jump of u',
    min: -25,
    max: 12,
    step: 0.05,
    usual: [0, 10],
    page: 1,
  },
];

export const START_FIELDS: readonly FieldSpec[] = [
  {
    key: 'v0',
    label: 'v0',
    unit: 'mV',
    help: 'initial membrane potential',
    min: -100,
    max: -40,
    step: 0.1,
  },
  { key: 'u0', label: 'u0', help: 'initial recovery variable', min: -100, max: 100, step: 0.1 },
  { key: 'dt', label: 'dt', unit: 'ms', help: 'time step', min: 0.01, max: 1, step: 0.01 },
  {
    key: 'duration',
    label: 'duration T',
    unit: 'ms',
    help: 'length of the run',
    min: 10,
    max: 1000,
    step: 1,
  },
];

export const ADVANCED_FIELDS: readonly FieldSpec[] = [
  {
    key: 'k2',
    label: 'k2',
    unit: '1/(mV·ms)',
    help: 'quadratic coefficient of dv/dt (0.04)',
    min: 0,
    max: 0.1,
    step: 0.001,
  },
  {
    key: 'k1',
    label: 'k1',
    unit: '1/ms',
    help: 'linear coefficient of dv/dt (5)',
    min: 0,
    max: 10,
    step: 0.1,
  },
  {
    key: 'k0',
    label: 'k0',
    unit: 'mV/ms',
    help: 'constant term of dv/dt (140)',
    min: 0,
    max: 200,
    step: 1,
  },
  {
    key: 'vb',
    label: 'vb',
    unit: 'mV',
    help: 'the v that u relaxes around (0)',
    min: -100,
    max: 50,
    step: 1,
  },
  {
    key: 'kappa',
    label: 'κ',
    help: 'weight of the leak −u in du/dt (1)',
    min: 0,
    max: 2,
    step: 0.01,
  },
  {
    key: 'vpeak',
    label: 'vpeak',
    unit: 'mV',
    help: 'spike cut-off (30)',
    min: 0,
    max: 60,
    step: 1,
  },
];

/** A scale on I(t): its amplitude, draggable like a, b, c, d. */
export const INPUT_SCALE_FIELD: FieldSpec = {
  key: 'inputScale',
  label: 'I(t) ×',
  help: 'multiplies the input I(t): drag to change its amplitude (1 gives I(t) as typed)',
  min: 0,
  max: 3,
  step: 0.01,
};

export const SUBSTEPS_FIELD: FieldSpec = {
  key: 'substeps',
  label: 'sub-steps',
  help: 'sub-steps per dt for the euler and rk4 integrators',
  min: 1,
  max: 100,
  step: 1,
};
