/**
 * The state of the neuron view — every number the user can set — and its round trip through the
 * URL's query string, so that a copied link reopens the same neuron.
 */
import {
  DEFAULT_PARAMETERS,
  compileExpression,
  getPreset,
  isIntegratorName,
  type IntegratorName,
  type ModelParameters,
  type Preset,
  type SimulationOptions,
} from 'izhikit';

export interface NeuronState extends ModelParameters {
  /** The preset the numbers came from (shown as a label; edits keep it as the starting point). */
  readonly preset: string | undefined;
  readonly v0: number;
  /** Initial recovery variable; `undefined` means b·v0. */
  readonly u0: number | undefined;
  readonly dt: number;
  readonly duration: number;
  readonly input: string;
  /** I(t) is multiplied by this (1: as typed), so that its amplitude can be dragged. */
  readonly inputScale: number;
  readonly integrator: IntegratorName;
  readonly substeps: number;
  readonly showU: boolean;
  readonly showI: boolean;
  /** Show the (v, u) phase plane beside the trace. */
  readonly showPhase: boolean;
}

/** The numeric fields of the state, by the names used in the URL. */
export const NUMERIC_KEYS = [
  'a',
  'b',
  'c',
  'd',
  'v0',
  'dt',
  'duration',
  'k2',
  'k1',
  'k0',
  'vb',
  'kappa',
  'vpeak',
  'substeps',
  'inputScale',
] as const;
export type NumericKey = (typeof NUMERIC_KEYS)[number];

/**
 * The longest I(t) the explorer takes: its link must fit the request a server accepts (about
 * 8–16 kB; a 20 kB link got HTTP 431), with room for the other values.
 */
export const MAX_INPUT_CHARS = 2000;

/** The first preset of the list opens when the URL names nothing. */
export const DEFAULT_PRESET = 'rs';

/** The state a preset defines, with the display toggles given. */
export function stateFromPreset(
  preset: Preset,
  toggles: Pick<NeuronState, 'showU' | 'showI' | 'showPhase'> = {
    showU: false,
    showI: true,
    showPhase: false,
  },
): NeuronState {
  return {
    preset: preset.id,
    ...DEFAULT_PARAMETERS,
    ...preset.params,
    v0: preset.v0,
    u0: preset.u0,
    dt: preset.dt,
    duration: preset.duration,
    input: preset.input,
    inputScale: 1,
    integrator: 'reference',
    substeps: 1,
    showU: toggles.showU,
    showI: toggles.showI,
    showPhase: toggles.showPhase,
  } as NeuronState;
}

/** Whether `state` differs from what `preset` defines (its display toggles aside). */
export function isEdited(preset: Preset, state: NeuronState): boolean {
  const reference = stateFromPreset(preset, state);
  return (Object.keys(reference) as (keyof NeuronState)[]).some(
    (key) => reference[key] !== state[key],
  );
}

/**
 * I(t) times `scale`: the expression as typed at scale 1, else compiled (its errors keep their
 * positions in the typed text) and multiplied, with a source that says so.
 */
export function scaledInput(input: string, scale: number): SimulationOptions['input'] {
  if (scale === 1) return input;
  const compiled = compileExpression(input);
  return {
    ...compiled,
    source: `${scale}*(${compiled.source})`,
    evaluate: (t: number) => scale * compiled.evaluate(t),
    constantValue: scale * compiled.constantValue,
  };
}

/** The options `simulate` takes for this state. */
export function simulationOptions(state: NeuronState): SimulationOptions {
  return {
    a: state.a,
    b: state.b,
    c: state.c,
    d: state.d,
    k2: state.k2,
    k1: state.k1,
    k0: state.k0,
    vb: state.vb,
    kappa: state.kappa,
    vpeak: state.vpeak,
    v0: state.v0,
    ...(state.u0 === undefined ? {} : { u0: state.u0 }),
    dt: state.dt,
    duration: state.duration,
    input: scaledInput(state.input, state.inputScale),
    integrator: state.integrator,
    ...(state.integrator === 'reference' ? {} : { substeps: state.substeps }),
  };
}

/** Short URL names: `T` for the duration and `I` for the input, as the papers write them. */
export const URL_NAMES: Record<NumericKey, string> = {
  a: 'a',
  b: 'b',
  c: 'c',
  d: 'd',
  v0: 'v0',
  dt: 'dt',
  duration: 'T',
  k2: 'k2',
  k1: 'k1',
  k0: 'k0',
  vb: 'vb',
  kappa: 'kappa',
  vpeak: 'vpeak',
  substeps: 'substeps',
  inputScale: 'Iscale',
};

/** The `u0` of a link whose preset gives u0 but whose user chose u0 = b·v0. */
const U0_FROM_B_V0 = 'b*v0';

/**
 * The state a link starts from before its values: the named preset's, or the default preset's
 * (whose model terms are the defaults) for a custom neuron. Values equal to it can be left out.
 */
function baseState(presetId: string | undefined): NeuronState {
  try {
    return stateFromPreset(getPreset(presetId ?? DEFAULT_PRESET));
  } catch {
    return stateFromPreset(getPreset(DEFAULT_PRESET));
  }
}

/** Writes the state into query parameters (everything that differs from what the rest implies). */
export function writeNeuronParams(state: NeuronState, params: URLSearchParams): void {
  if (state.preset !== undefined) params.set('preset', state.preset);
  // Model terms are left out when they equal the preset's (class-1-excitable's k1 = 4.1), not
  // the defaults: an edit back to k1 = 5 must survive the link.
  const base = baseState(state.preset);
  for (const key of NUMERIC_KEYS) {
    if (key === 'substeps' && state.integrator === 'reference') continue;
    if (key === 'inputScale' && state.inputScale === 1) continue;
    const advanced = key in DEFAULT_PARAMETERS;
    const value = state[key];
    if (advanced && value === base[key]) continue;
    params.set(URL_NAMES[key], String(value));
  }
  if (state.u0 !== undefined) params.set('u0', String(state.u0));
  else if (base.u0 !== undefined) params.set('u0', U0_FROM_B_V0);
  // An I(t) the explorer refuses stays out of the link, which must fit in a URL.
  if (state.input.length <= MAX_INPUT_CHARS) params.set('I', state.input);
  if (state.integrator !== 'reference') params.set('integrator', state.integrator);
  const shown = [state.showI ? 'I' : '', state.showU ? 'u' : '', state.showPhase ? 'phase' : '']
    .filter((name) => name !== '')
    .join(',');
  params.set('show', shown === '' ? 'none' : shown);
}

/**
 * Reads the state from query parameters: the named preset (or the default one) first, then every
 * value the URL gives. Values that are not numbers are ignored.
 */
export function readNeuronParams(params: URLSearchParams): NeuronState {
  const presetId = params.get('preset') ?? DEFAULT_PRESET;
  let preset: Preset;
  try {
    preset = getPreset(presetId);
  } catch {
    preset = getPreset(DEFAULT_PRESET);
  }
  const state: Record<string, unknown> = { ...stateFromPreset(preset) };
  if (params.has('preset') && preset.id !== presetId) state.preset = undefined;
  // A URL that sets the numbers without naming a preset describes a custom neuron.
  if (!params.has('preset') && params.has('a')) state.preset = undefined;
  for (const key of NUMERIC_KEYS) {
    const raw = params.get(URL_NAMES[key]);
    if (raw === null || raw.trim() === '') continue;
    const value = Number(raw);
    if (Number.isFinite(value)) state[key] = value;
  }
  const u0 = params.get('u0');
  if (u0 === U0_FROM_B_V0) state.u0 = undefined;
  else if (u0 !== null && u0.trim() !== '' && Number.isFinite(Number(u0))) state.u0 = Number(u0);
  const input = params.get('I');
  if (input !== null) state.input = input;
  const integrator = params.get('integrator');
  if (integrator !== null && isIntegratorName(integrator)) state.integrator = integrator;
  const show = params.get('show');
  // A show list with no panel name in it (a garbled link) keeps the default panels.
  const names = new Set((show ?? '').split(','));
  if (show !== null && ['I', 'u', 'phase', 'none'].some((name) => names.has(name))) {
    const shown = names;
    state.showI = shown.has('I');
    state.showU = shown.has('u');
    state.showPhase = shown.has('phase');
  }
  return state as unknown as NeuronState;
}
