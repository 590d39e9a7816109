/**
 * The state of the dynamics view — the neuron, the f–I range and the parameter map's axes (each
 * form its own) — and its round trip through the URL's query string, so that a copied link
 * reopens the same curves.
 */
import { BOOK_RS, type BookNeuronParameters, type NeuronParameters } from 'izhikit';
import {
  findPreset,
  isBookPreset,
  isModelName,
  modelOfPreset,
  type ModelName,
} from '../neuron/models.js';

/** A neuron of either form: the 2007 form's has C. */
export type DynamicsNeuron = NeuronParameters | BookNeuronParameters;

export function isBookNeuron(neuron: DynamicsNeuron): neuron is BookNeuronParameters {
  return 'C' in neuron;
}

/** The numbers of the 2007 form beside a, b, c, d. */
export const BOOK_EXTRA_KEYS = ['C', 'k', 'vr', 'vt', 'vpeak'] as const;
export type BookExtraKey = (typeof BOOK_EXTRA_KEYS)[number];

/** What a map axis of the explorer may sweep in each form: its parameters or the step input I. */
export const AXIS_NAMES_OF = {
  '2003': ['a', 'b', 'c', 'd', 'I'],
  '2007': ['C', 'k', 'vr', 'vt', 'vpeak', 'a', 'b', 'c', 'd', 'I'],
} as const satisfies Record<ModelName, readonly string[]>;
export type AxisName = (typeof AXIS_NAMES_OF)[ModelName][number];

/** Most values along an f–I range or a map axis (400 × 400 is a few seconds of work). */
export const MAX_STEPS = 400;

export interface FiRange {
  readonly from: number;
  readonly to: number;
  /** Number of inputs from `from` to `to` inclusive. */
  readonly steps: number;
}

/** One axis of a map: a parameter of the neuron's form, swept over `steps` values. */
export interface MapAxisSettings extends FiRange {
  readonly name: AxisName;
}

export interface MapSettings {
  readonly x: MapAxisSettings;
  readonly y: MapAxisSettings;
  /** The step input each cell receives (when I is not an axis). */
  readonly input: number;
}

export interface DynamicsState {
  /** Which form of the model: a, b, c, d are its own (the 2007 form's in 1/ms, nS, mV, pA). */
  readonly model: ModelName;
  /** The preset the neuron came from: it also gives the model terms (k1, k0, …) a, b, c, d leave. */
  readonly preset: string | undefined;
  /** C (pF), k (nS/mV), vr, vt and vpeak (mV) of the 2007 form (the book's RS in the 2003 form). */
  readonly C: number;
  readonly k: number;
  readonly vr: number;
  readonly vt: number;
  readonly vpeak: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly fi: FiRange;
  readonly map: MapSettings;
}

export const DEFAULT_DYNAMICS: DynamicsState = {
  model: '2003',
  preset: 'rs',
  C: BOOK_RS.C,
  k: BOOK_RS.k,
  vr: BOOK_RS.vr,
  vt: BOOK_RS.vt,
  vpeak: BOOK_RS.vpeak,
  a: 0.02,
  b: 0.2,
  c: -65,
  d: 8,
  fi: { from: 0, to: 20, steps: 41 },
  map: {
    x: { name: 'a', from: 0, to: 0.2, steps: 100 },
    y: { name: 'b', from: 0, to: 0.3, steps: 100 },
    input: 10,
  },
};

/** The f–I range of the 2007 form's neurons (pA), as `izhikit fi --model 2007` takes by default. */
export const BOOK_FI_RANGE: FiRange = { from: 0, to: 600, steps: 61 };

/** The map of the 2007 form's neurons: d against I in pA, as `izhikit map --model 2007`. */
export const BOOK_MAP_SETTINGS: MapSettings = {
  x: { name: 'd', from: 0, to: 150, steps: 60 },
  y: { name: 'I', from: 0, to: 300, steps: 60 },
  input: 100,
};

/** The map settings a switch to `model` starts from. */
export function defaultMapSettings(model: ModelName): MapSettings {
  return model === '2007' ? BOOK_MAP_SETTINGS : DEFAULT_DYNAMICS.map;
}

/** The f–I range a switch to `model` starts from. */
export function defaultFiRange(model: ModelName): FiRange {
  return model === '2007' ? BOOK_FI_RANGE : DEFAULT_DYNAMICS.fi;
}

/** The state's neuron fields for the preset `id` (of either form), the rest of `state` kept. */
export function withPreset(state: DynamicsState, id: string): DynamicsState {
  const preset = findPreset(id);
  if (preset === undefined) return state;
  const model = modelOfPreset(preset);
  const { a, b, c, d } = preset.params;
  const extra = isBookPreset(preset)
    ? Object.fromEntries(BOOK_EXTRA_KEYS.map((key) => [key, preset.params[key]]))
    : {};
  const same = model === state.model;
  const fi = same ? state.fi : defaultFiRange(model);
  const map = same ? state.map : defaultMapSettings(model);
  return { ...state, ...extra, model, preset: preset.id, a, b, c, d, fi, map };
}

/** The neuron of the state: the preset's model terms with the state's numbers. */
export function neuronOf(state: DynamicsState): DynamicsNeuron {
  const preset = findPreset(state.preset);
  const { a, b, c, d } = state;
  if (state.model === '2007') {
    const terms = preset !== undefined && isBookPreset(preset) ? preset.params : BOOK_RS;
    const { C, k, vr, vt, vpeak } = state;
    return { ...terms, C, k, vr, vt, vpeak, a, b, c, d };
  }
  const params = preset !== undefined && !isBookPreset(preset) ? preset.params : {};
  return { ...params, a, b, c, d };
}

/** `a:0:0.2:100`, the form of an axis in the URL (and of the CLI's `map --x`). */
export function axisText(axis: MapAxisSettings): string {
  return `${axis.name}:${axis.from}:${axis.to}:${axis.steps}`;
}

/** Whether `name` is an axis of the map of `model`. */
export function isAxisName(model: ModelName, name: string): name is AxisName {
  return (AXIS_NAMES_OF[model] as readonly string[]).includes(name);
}

/** Reads `NAME:FROM:TO:STEPS` for a map of `model`; undefined when any part is not valid. */
export function parseAxis(text: string, model: ModelName = '2003'): MapAxisSettings | undefined {
  const parts = text.split(':');
  if (parts.length !== 4) return undefined;
  const [name, from, to, steps] = parts as [string, string, string, string];
  const range = parseRange(from, to, steps);
  if (!isAxisName(model, name) || range === undefined) return undefined;
  return { name, ...range };
}

function parseRange(from: string, to: string, steps: string): FiRange | undefined {
  const values = [from, to, steps].map((text) => (text.trim() === '' ? NaN : Number(text)));
  const [f, t, s] = values as [number, number, number];
  if (!values.every(Number.isFinite) || !(t > f)) return undefined;
  if (!Number.isInteger(s) || s < 2 || s > MAX_STEPS) return undefined;
  return { from: f, to: t, steps: s };
}

export function writeDynamicsParams(state: DynamicsState, params: URLSearchParams): void {
  if (state.model !== '2003') params.set('model', state.model);
  if (state.preset !== undefined) params.set('preset', state.preset);
  if (state.model === '2007') {
    for (const key of BOOK_EXTRA_KEYS) params.set(key, String(state[key]));
  }
  for (const key of ['a', 'b', 'c', 'd'] as const) params.set(key, String(state[key]));
  params.set('from', String(state.fi.from));
  params.set('to', String(state.fi.to));
  params.set('steps', String(state.fi.steps));
  params.set('x', axisText(state.map.x));
  params.set('y', axisText(state.map.y));
  params.set('input', String(state.map.input));
}

/** Reads the state from query parameters; missing or invalid values keep their defaults. */
export function readDynamicsParams(params: URLSearchParams): DynamicsState {
  const number = (name: string, fallback: number): number => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === '') return fallback;
    const value = Number(raw);
    return Number.isFinite(value) ? value : fallback;
  };
  const presetId = params.get('preset');
  const preset = findPreset(presetId ?? undefined);
  const asked = params.get('model');
  const model: ModelName =
    preset !== undefined ? modelOfPreset(preset) : isModelName(asked) ? asked : '2003';
  const named = withPreset(DEFAULT_DYNAMICS, preset?.id ?? (model === '2007' ? 'rs-2007' : 'rs'));
  // A link that names no preset but sets the numbers describes a custom neuron.
  const base = preset === undefined && params.has('a') ? { ...named, preset: undefined } : named;
  const fi =
    parseRange(params.get('from') ?? '', params.get('to') ?? '', params.get('steps') ?? '') ??
    defaultFiRange(model);
  const fallback = defaultMapSettings(model);
  let x = parseAxis(params.get('x') ?? '', model) ?? fallback.x;
  let y = parseAxis(params.get('y') ?? '', model) ?? fallback.y;
  if (x.name === y.name) {
    x = fallback.x;
    y = fallback.y;
  }
  return {
    model,
    preset: base.preset,
    C: number('C', base.C),
    k: number('k', base.k),
    vr: number('vr', base.vr),
    vt: number('vt', base.vt),
    vpeak: number('vpeak', base.vpeak),
    a: number('a', base.a),
    b: number('b', base.b),
    c: number('c', base.c),
    d: number('d', base.d),
    fi,
    map: { x, y, input: number('input', fallback.input) },
  };
}
