/**
 * The two forms of the model the neuron view runs, described for its controls: the 2003 form
 * (a, b, c, d, dimensionless u and I) and the 2007 form of the book (C, k, vr, vt, vpeak, a, b,
 * c, d in pF, nS/mV, mV, 1/ms, nS, pA), with each form's presets, sliders and equation.
 */
import { CELLS_2007, PRESETS, type BookPreset, type Preset } from 'izhikit';
import type { SliderSpec } from '../ui/slider-field.js';

export type ModelName = '2003' | '2007';

export const MODEL_NAMES: readonly ModelName[] = ['2003', '2007'];

export function isModelName(name: string | null): name is ModelName {
  return name === '2003' || name === '2007';
}

/** A preset of either form. */
export type AnyPreset = Preset | BookPreset;

/** Every preset the neuron view offers: the 2003 form's, then the book's cell types. */
export const ALL_PRESETS: readonly AnyPreset[] = [...PRESETS, ...CELLS_2007];

export function findPreset(id: string | undefined): AnyPreset | undefined {
  return id === undefined ? undefined : ALL_PRESETS.find((p) => p.id === id);
}

export function isBookPreset(preset: AnyPreset): preset is BookPreset {
  return preset.group === 'cells-2007';
}

export function modelOfPreset(preset: AnyPreset): ModelName {
  return isBookPreset(preset) ? '2007' : '2003';
}

/** The 2007 form's slider keys: the nine numbers of the book and the two slopes of its cells. */
export const BOOK_FIELD_KEYS = [
  'C',
  'k',
  'vr',
  'vt',
  'vpeak',
  'a',
  'b',
  'c',
  'd',
  'vpeakU',
  'cU',
] as const;
export type BookFieldKey = (typeof BOOK_FIELD_KEYS)[number];

/** Terms of some of the book's cells that have no slider: they follow the preset (or the link). */
export const BOOK_OPTIONAL_KEYS = ['uMax', 'bHyper', 'vHyper', 'cubicVb'] as const;
export type BookOptionalKey = (typeof BOOK_OPTIONAL_KEYS)[number];

export interface BookFieldSpec extends SliderSpec {
  readonly key: BookFieldKey;
}

/** The 2007 form's sliders, wide enough for every cell of the book's chapter 8. */
export const BOOK_FIELDS: readonly BookFieldSpec[] = [
  { key: 'C', label: 'C', unit: 'pF', help: 'membrane capacitance', min: 1, max: 400, step: 1 },
  {
    key: 'k',
    label: 'k',
    unit: 'nS/mV',
    help: 'slope of the quadratic I–V curve k·(v − vr)·(v − vt)',
    min: 0.05,
    max: 3,
    step: 0.01,
  },
  {
    key: 'vr',
    label: 'vr',
    unit: 'mV',
    help: 'resting membrane potential',
    min: -90,
    max: -40,
    step: 0.5,
  },
  {
    key: 'vt',
    label: 'vt',
    unit: 'mV',
    help: 'instantaneous threshold potential',
    min: -70,
    max: -20,
    step: 0.5,
  },
  {
    key: 'vpeak',
    label: 'vpeak',
    unit: 'mV',
    help: 'spike cut-off',
    min: -20,
    max: 60,
    step: 1,
  },
  {
    key: 'a',
    label: 'a',
    unit: 'ms⁻¹',
    help: 'rate of the recovery current u',
    min: 0,
    max: 0.5,
    step: 0.001,
    usual: [0, 0.2],
    page: 0.01,
  },
  {
    key: 'b',
    label: 'b',
    unit: 'nS',
    help: 'how u follows v − vr (negative: amplifying, positive: resonant)',
    min: -10,
    max: 20,
    step: 0.05,
    usual: [-5, 10],
    page: 1,
  },
  {
    key: 'c',
    label: 'c',
    unit: 'mV',
    help: 'after-spike reset value of v',
    min: -90,
    max: -30,
    step: 0.5,
  },
  {
    key: 'd',
    label: 'd',
    unit: 'pA',
    help: 'after-spike jump of u',
    min: -50,
    max: 300,
    step: 1,
    usual: [0, 200],
    page: 10,
  },
];

/** The slopes of LTS and TC: sliders of the Advanced group (0: the plain model). */
export const BOOK_TERM_FIELDS: readonly BookFieldSpec[] = [
  {
    key: 'vpeakU',
    label: 'vpeakU',
    unit: 'mV/pA',
    help: 'the cut-off is vpeak + vpeakU·u (LTS −0.1, TC +0.1; 0 for most cells)',
    min: -0.2,
    max: 0.2,
    step: 0.01,
  },
  {
    key: 'cU',
    label: 'cU',
    unit: 'mV/pA',
    help: 'the reset is c + cU·u (LTS +0.04, TC −0.1; 0 for most cells)',
    min: -0.2,
    max: 0.2,
    step: 0.01,
  },
];

/** What the controls show for each form. */
export interface ModelDescription {
  readonly name: ModelName;
  /** The entry of the model switch. */
  readonly label: string;
  /** The preset a switch to this form opens. */
  readonly defaultPreset: string;
  /** The equations, over the Advanced group. */
  readonly equations: string;
  /** The unit of u and I ('' for the 2003 form's dimensionless ones). */
  readonly currentUnit: string;
  /** The label of the box that makes u0 follow the form's rule. */
  readonly autoU0: string;
}

export const MODELS: Readonly<Record<ModelName, ModelDescription>> = {
  '2003': {
    name: '2003',
    label: '2003 (a, b, c, d)',
    defaultPreset: 'rs',
    equations:
      'dv/dt = k2·v² + k1·v + k0 − u + I,  du/dt = a·(b·(v − vb) − κ·u),  spike when v > vpeak.',
    currentUnit: '',
    autoU0: 'u0 = b·v0',
  },
  '2007': {
    name: '2007',
    label: '2007 (C, k, vr, vt, vpeak, a, b, c, d)',
    defaultPreset: 'rs-2007',
    equations:
      'C·dv/dt = k·(v − vr)·(v − vt) − u + I,  du/dt = a·(b·(v − vr) − u),  spike when v ≥ vpeak + vpeakU·u; v ← c + cU·u, u ← u + d.',
    currentUnit: 'pA',
    autoU0: 'u0 = 0',
  },
};
