/**
 * The state of the dynamics view — the neuron, the f–I range and the parameter map's axes — and
 * its round trip through the URL's query string, so that a copied link reopens the same curves.
 */
import { PRESETS, type MapAxis, type NeuronParameters } from 'izhikit';

/** What a map axis of the explorer may sweep: a, b, c, d or the step input I. */
export const AXIS_NAMES = ['a', 'b', 'c', 'd', 'I'] as const;
export type AxisName = (typeof AXIS_NAMES)[number];

/** Most values along an f–I range or a map axis (400 × 400 is a few seconds of work). */
export const MAX_STEPS = 400;

export interface FiRange {
  readonly from: number;
  readonly to: number;
  /** Number of inputs from `from` to `to` inclusive. */
  readonly steps: number;
}

export interface MapSettings {
  readonly x: MapAxis & { readonly name: AxisName };
  readonly y: MapAxis & { readonly name: AxisName };
  /** The step input each cell receives (when I is not an axis). */
  readonly input: number;
}

export interface DynamicsState {
  /** The preset the neuron came from: it also gives the model terms (k1, k0, …) a, b, c, d leave. */
  readonly preset: string | undefined;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly fi: FiRange;
  readonly map: MapSettings;
}

export const DEFAULT_DYNAMICS: DynamicsState = {
  preset: 'rs',
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

/** The neuron of the state: the preset's model terms with the state's a, b, c, d. */
export function neuronOf(state: DynamicsState): NeuronParameters {
  const preset = PRESETS.find((p) => p.id === state.preset);
  return { ...(preset?.params ?? {}), a: state.a, b: state.b, c: state.c, d: state.d };
}

/** `a:0:0.2:100`, the form of an axis in the URL (and of the CLI's `map --x`). */
export function axisText(axis: MapAxis): string {
  return `${axis.name}:${axis.from}:${axis.to}:${axis.steps}`;
}

function isAxisName(name: string): name is AxisName {
  return (AXIS_NAMES as readonly string[]).includes(name);
}

/** Reads `NAME:FROM:TO:STEPS`; undefined when any part is not valid. */
export function parseAxis(text: string): MapSettings['x'] | undefined {
  const parts = text.split(':');
  if (parts.length !== 4) return undefined;
  const [name, from, to, steps] = parts as [string, string, string, string];
  const range = parseRange(from, to, steps);
  if (!isAxisName(name) || range === undefined) return undefined;
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
  if (state.preset !== undefined) params.set('preset', state.preset);
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
  const preset = PRESETS.find((p) => p.id === presetId);
  // A link that names no preset but sets the numbers describes a custom neuron.
  const base =
    preset !== undefined
      ? { preset: preset.id, ...preset.params }
      : params.has('a')
        ? { ...DEFAULT_DYNAMICS, preset: undefined }
        : DEFAULT_DYNAMICS;
  const fi =
    parseRange(params.get('from') ?? '', params.get('to') ?? '', params.get('steps') ?? '') ??
    DEFAULT_DYNAMICS.fi;
  let x = parseAxis(params.get('x') ?? '') ?? DEFAULT_DYNAMICS.map.x;
  let y = parseAxis(params.get('y') ?? '') ?? DEFAULT_DYNAMICS.map.y;
  if (x.name === y.name) {
    x = DEFAULT_DYNAMICS.map.x;
    y = DEFAULT_DYNAMICS.map.y;
  }
  return {
    preset: base.preset,
    a: number('a', base.a),
    b: number('b', base.b),
    c: number('c', base.c),
    d: number('d', base.d),
    fi,
    map: { x, y, input: number('input', DEFAULT_DYNAMICS.map.input) },
  };
}
