/**
 * The state of the neuron view — every number the user can set — and its round trip through the
 * URL's query string, so that a copied link reopens the same neuron.
 */
import {
  BOOK_RS,
  DEFAULT_PARAMETERS,
  compileExpression,
  isIntegratorName,
  simulate,
  simulate2007,
  type BookSimulationOptions,
  type BookSimulationResult,
  type IntegratorName,
  type ModelParameters,
  type SimulationOptions,
  type SimulationResult,
} from 'izhikit';
import {
  BOOK_FIELD_KEYS,
  BOOK_OPTIONAL_KEYS,
  MODELS,
  findPreset,
  isBookPreset,
  isModelName,
  modelOfPreset,
  type AnyPreset,
  type ModelName,
} from './models.js';

/** The numbers of the 2007 form (in the state of either form; the 2003 form leaves them be). */
export interface BookState {
  readonly C: number;
  readonly k: number;
  readonly vr: number;
  readonly vt: number;
  /** Cut-off and reset slopes (mV/pA); 0 for the plain model. */
  readonly vpeakU: number;
  readonly cU: number;
  readonly uMax: number | undefined;
  readonly bHyper: number | undefined;
  readonly vHyper: number | undefined;
  readonly cubicVb: number | undefined;
}

/**
 * The state of the neuron view. a, b, c, d and vpeak are the running form's: dimensionless for
 * the 2003 form, in 1/ms, nS, mV, pA and mV for the 2007 form.
 */
export interface NeuronState extends ModelParameters, BookState {
  /** Which form of the model runs. */
  readonly model: ModelName;
  /** The preset the numbers came from (shown as a label; edits keep it as the starting point). */
  readonly preset: string | undefined;
  readonly v0: number;
  /** Initial recovery variable; `undefined` means b·v0 (2003 form) or 0 (2007 form). */
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
/** The numeric fields of the 2007 form's state (its optional terms aside). */
export const BOOK_NUMERIC_KEYS = [
  ...BOOK_FIELD_KEYS,
  'v0',
  'dt',
  'duration',
  'substeps',
  'inputScale',
] as const;
export type NumericKey =
  | (typeof NUMERIC_KEYS)[number]
  | (typeof BOOK_NUMERIC_KEYS)[number]
  | (typeof BOOK_OPTIONAL_KEYS)[number];

/** The numeric keys a link of `model` may set. */
export function numericKeysOf(model: ModelName): readonly NumericKey[] {
  return model === '2007' ? [...BOOK_NUMERIC_KEYS, ...BOOK_OPTIONAL_KEYS] : NUMERIC_KEYS;
}

/**
 * The longest I(t) the explorer takes: its link must fit the request a server accepts (about
 * 8–16 kB; a 20 kB link got HTTP 431), with room for the other values.
 */
export const MAX_INPUT_CHARS = 2000;

/** The first preset of the list opens when the URL names nothing. */
export const DEFAULT_PRESET = 'rs';

/** The 2007 form's numbers in a state of the 2003 form: the book's RS neuron, no terms. */
export const UNUSED_BOOK_STATE: BookState = {
  C: BOOK_RS.C,
  k: BOOK_RS.k,
  vr: BOOK_RS.vr,
  vt: BOOK_RS.vt,
  vpeakU: 0,
  cU: 0,
  uMax: undefined,
  bHyper: undefined,
  vHyper: undefined,
  cubicVb: undefined,
};

/** The numbers a preset of either form gives the state. */
function presetNumbers(
  preset: AnyPreset,
): ModelParameters & BookState & Pick<NeuronState, 'model' | 'v0' | 'u0'> {
  if (!isBookPreset(preset)) {
    return {
      model: '2003',
      ...DEFAULT_PARAMETERS,
      ...UNUSED_BOOK_STATE,
      ...preset.params,
      v0: preset.v0,
      u0: preset.u0,
    } as ModelParameters & BookState & Pick<NeuronState, 'model' | 'v0' | 'u0'>;
  }
  const p = preset.params;
  return {
    model: '2007',
    ...DEFAULT_PARAMETERS,
    C: p.C,
    k: p.k,
    vr: p.vr,
    vt: p.vt,
    vpeak: p.vpeak,
    a: p.a,
    b: p.b,
    c: p.c,
    d: p.d,
    vpeakU: p.vpeakU ?? 0,
    cU: p.cU ?? 0,
    uMax: p.uMax,
    bHyper: p.bHyper,
    vHyper: p.vHyper,
    cubicVb: p.cubicVb,
    v0: preset.v0 ?? p.vr,
    u0: preset.u0,
  };
}

/** The state a preset of either form defines, with the display toggles given. */
export function stateFromPreset(
  preset: AnyPreset,
  toggles: Pick<NeuronState, 'showU' | 'showI' | 'showPhase'> = {
    showU: false,
    showI: true,
    showPhase: false,
  },
): NeuronState {
  return {
    preset: preset.id,
    ...presetNumbers(preset),
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
export function isEdited(preset: AnyPreset, state: NeuronState): boolean {
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

/** The start, grid, input and integrator of a run of either form. */
function runControls(state: NeuronState) {
  return {
    v0: state.v0,
    ...(state.u0 === undefined ? {} : { u0: state.u0 }),
    dt: state.dt,
    duration: state.duration,
    input: scaledInput(state.input, state.inputScale),
    integrator: state.integrator,
    ...(state.integrator === 'reference' ? {} : { substeps: state.substeps }),
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
    ...runControls(state),
  };
}

/** The options `simulate2007` takes for a state of the 2007 form. */
export function bookSimulationOptions(state: NeuronState): BookSimulationOptions {
  const optional: Record<string, number> = {};
  for (const key of BOOK_OPTIONAL_KEYS) {
    const value = state[key];
    if (value !== undefined) optional[key] = value;
  }
  return {
    C: state.C,
    k: state.k,
    vr: state.vr,
    vt: state.vt,
    vpeak: state.vpeak,
    a: state.a,
    b: state.b,
    c: state.c,
    d: state.d,
    ...(state.vpeakU === 0 ? {} : { vpeakU: state.vpeakU }),
    ...(state.cU === 0 ? {} : { cU: state.cU }),
    ...optional,
    ...runControls(state),
  };
}

/** A run of either form. */
export type NeuronRun = SimulationResult | BookSimulationResult;

/** Runs the state with its form's simulator (the trace kept to `maxTraceBytes`). */
export function runState(state: NeuronState, maxTraceBytes: number): NeuronRun {
  return state.model === '2007'
    ? simulate2007({ ...bookSimulationOptions(state), maxTraceBytes })
    : simulate({ ...simulationOptions(state), maxTraceBytes });
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
  C: 'C',
  k: 'k',
  vr: 'vr',
  vt: 'vt',
  vpeakU: 'vpeakU',
  cU: 'cU',
  uMax: 'uMax',
  bHyper: 'bHyper',
  vHyper: 'vHyper',
  cubicVb: 'cubicVb',
};

/** The `u0` of a link whose preset gives u0 but whose user chose u0 = b·v0 (2003) or 0 (2007). */
const U0_AUTO: Record<ModelName, string> = { '2003': 'b*v0', '2007': 'auto' };

/**
 * The state a link starts from before its values: the named preset's, or the form's default
 * preset's (whose model terms are the defaults) for a custom neuron. Values equal to it can be
 * left out.
 */
export function baseState(model: ModelName, presetId: string | undefined): NeuronState {
  const preset = findPreset(presetId);
  return stateFromPreset(
    preset !== undefined && modelOfPreset(preset) === model
      ? preset
      : (findPreset(MODELS[model].defaultPreset) as AnyPreset),
  );
}

/** Whether a key is a model term a link leaves out when it equals the preset's. */
function isAdvanced(model: ModelName, key: NumericKey): boolean {
  return model === '2007'
    ? key === 'vpeakU' || key === 'cU' || (BOOK_OPTIONAL_KEYS as readonly string[]).includes(key)
    : key in DEFAULT_PARAMETERS;
}

/** Writes the state into query parameters (everything that differs from what the rest implies). */
export function writeNeuronParams(state: NeuronState, params: URLSearchParams): void {
  if (state.model !== '2003') params.set('model', state.model);
  if (state.preset !== undefined) params.set('preset', state.preset);
  // Model terms are left out when they equal the preset's (class-1-excitable's k1 = 4.1), not
  // the defaults: an edit back to k1 = 5 must survive the link.
  const base = baseState(state.model, state.preset);
  for (const key of numericKeysOf(state.model)) {
    if (key === 'substeps' && state.integrator === 'reference') continue;
    if (key === 'inputScale' && state.inputScale === 1) continue;
    const value = state[key];
    if (value === undefined) continue;
    if (isAdvanced(state.model, key) && value === base[key]) continue;
    params.set(URL_NAMES[key], String(value));
  }
  if (state.u0 !== undefined) params.set('u0', String(state.u0));
  else if (base.u0 !== undefined) params.set('u0', U0_AUTO[state.model]);
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
  const presetId = params.get('preset') ?? undefined;
  const named = findPreset(presetId);
  // The preset names its form; without one (or with an unknown one) the link's model does.
  const asked = params.get('model');
  const model: ModelName =
    named !== undefined ? modelOfPreset(named) : isModelName(asked) ? asked : '2003';
  const preset = named ?? (findPreset(MODELS[model].defaultPreset) as AnyPreset);
  const state: Record<string, unknown> = { ...stateFromPreset(preset) };
  if (presetId !== undefined && named === undefined) state.preset = undefined;
  // A URL that sets the numbers without naming a preset describes a custom neuron.
  if (presetId === undefined && (params.has('a') || params.has('C'))) state.preset = undefined;
  for (const key of numericKeysOf(model)) {
    const raw = params.get(URL_NAMES[key]);
    if (raw === null || raw.trim() === '') continue;
    const value = Number(raw);
    if (Number.isFinite(value)) state[key] = value;
  }
  const u0 = params.get('u0');
  if (u0 === U0_AUTO[model]) state.u0 = undefined;
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
