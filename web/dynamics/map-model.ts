/**
 * What the parameter map's components need to know of each form of the model: the parameters an
 * axis may sweep with their labels, usual ranges and units, how a spec is checked and scheduled
 * over the workers, and the text that explains a cell.
 */
import {
  BOOK_UNITS,
  resolveBookMapSpec,
  resolveMapSpec,
  scheduleBookParameterMap,
  scheduleParameterMap,
  type BookMapAxis,
  type BookNeuronParameters,
  type BookParameterMap,
  type MapAxis,
  type MapProgressOptions,
  type NeuronParameters,
  type ParameterMap,
  type ResolvedBookMapSpec,
  type ResolvedMapSpec,
} from 'izhikit';
import type { ModelName } from '../neuron/models.js';
import {
  AXIS_NAMES_OF,
  isBookNeuron,
  type AxisName,
  type DynamicsNeuron,
  type MapSettings,
} from './state.js';

/** A checked map spec of either form. */
export type AnyMapSpec = ResolvedMapSpec | ResolvedBookMapSpec;
/** A computed map of either form. */
export type AnyParameterMap = ParameterMap | BookParameterMap;
/** Computes rows of a map of either form elsewhere (a worker). */
export type AnyRowRunner = (
  spec: AnyMapSpec,
  rowStart: number,
  rowEnd: number,
) => Promise<Uint8Array>;

export function isBookSpec(spec: AnyMapSpec): spec is ResolvedBookMapSpec {
  return 'C' in spec.base;
}

export interface MapModel {
  readonly model: ModelName;
  /** The parameters an axis may sweep, in the order of the axis menu. */
  readonly axes: readonly AxisName[];
  /** The axis menu's text for each parameter. */
  readonly choices: Readonly<Partial<Record<AxisName, string>>>;
  /** The range an axis gets when its parameter is chosen: where the form's neurons live. */
  readonly ranges: Readonly<Partial<Record<AxisName, { from: number; to: number }>>>;
  /** The unit of each parameter ('' where the form has none). */
  unit(name: string): string;
  /** The title of an axis on the map. */
  title(name: string): string;
  /** The label of the step-input field. */
  readonly inputLabel: string;
  /** What a cell is, under the map. */
  explain(spec: AnyMapSpec): string;
  /**
   * Checks the settings over the base neuron.
   *
   * @throws ParameterError naming the field at fault
   */
  resolve(settings: MapSettings, base: DynamicsNeuron): AnyMapSpec;
}

const MAP_2003: MapModel = {
  model: '2003',
  axes: AXIS_NAMES_OF['2003'],
  choices: {
    a: 'a (recovery time scale)',
    b: 'b (recovery sensitivity)',
    c: 'c (reset potential)',
    d: 'd (after-spike jump)',
    I: 'I (step input)',
  },
  ranges: {
    a: { from: 0, to: 0.2 },
    b: { from: 0, to: 0.3 },
    c: { from: -70, to: -40 },
    d: { from: 0, to: 10 },
    I: { from: 0, to: 20 },
  },
  // The 2003 form's readouts keep its plain numbers, as its sliders show them.
  unit: () => '',
  title: (name) =>
    ({
      a: 'a (recovery time scale, 1/ms)',
      b: 'b (recovery sensitivity)',
      c: 'c (reset potential, mV)',
      d: 'd (after-spike jump of u)',
      I: 'I (step input)',
    })[name] ?? name,
  inputLabel: 'step input I',
  explain: (spec) =>
    `Each cell is one neuron, started at rest and given the step input for ${spec.duration} ms; its spike train is named by the same rules as the pattern label of the neuron view. ` +
    'Dots: the neuron types of [2003] Fig. 2, filled when their other two parameters equal the neuron above; in brackets when they differ. Click a cell to see its trace.',
  resolve: (settings, base) =>
    resolveMapSpec({
      x: settings.x as MapAxis,
      y: settings.y as MapAxis,
      base: base as NeuronParameters,
      input: settings.input,
    }),
};

const bookUnit = (name: string): string =>
  name === 'I' ? 'pA' : (BOOK_UNITS[name as keyof typeof BOOK_UNITS] ?? '');

const MAP_2007: MapModel = {
  model: '2007',
  axes: AXIS_NAMES_OF['2007'],
  choices: {
    C: 'C (capacitance, pF)',
    k: 'k (gain, nS/mV)',
    vr: 'vr (resting potential, mV)',
    vt: 'vt (threshold, mV)',
    vpeak: 'vpeak (spike cut-off, mV)',
    a: 'a (recovery rate, 1/ms)',
    b: 'b (recovery coupling, nS)',
    c: 'c (reset potential, mV)',
    d: 'd (after-spike jump, pA)',
    I: 'I (step input, pA)',
  },
  ranges: {
    C: { from: 20, to: 200 },
    k: { from: 0.2, to: 2 },
    vr: { from: -75, to: -50 },
    vt: { from: -50, to: -30 },
    vpeak: { from: 20, to: 50 },
    a: { from: 0.01, to: 0.2 },
    b: { from: -5, to: 15 },
    c: { from: -65, to: -40 },
    d: { from: 0, to: 150 },
    I: { from: 0, to: 300 },
  },
  unit: bookUnit,
  title: (name) => (name === 'I' ? 'I (step input, pA)' : `${name} (${bookUnit(name)})`),
  inputLabel: 'step input I (pA)',
  explain: (spec) =>
    `Each cell is one neuron of the 2007 form, started at rest and given the step input for ${spec.duration} ms with the book's scheme (dt = ${spec.dt} ms); its spike train is named by the same rules as the pattern label of the neuron view. ` +
    'The other parameters, and the terms of the preset (FS, LTS, TC, …), come from the neuron above. Click a cell to see its trace.',
  resolve: (settings, base) =>
    resolveBookMapSpec({
      x: settings.x as BookMapAxis,
      y: settings.y as BookMapAxis,
      base: base as BookNeuronParameters,
      input: settings.input,
    }),
};

export const MAP_MODELS: Readonly<Record<ModelName, MapModel>> = {
  '2003': MAP_2003,
  '2007': MAP_2007,
};

/** The description of the form a spec, a map or a neuron is of. */
export function mapModelOf(of: AnyMapSpec | DynamicsNeuron): MapModel {
  const book = 'base' in of ? isBookSpec(of) : isBookNeuron(of);
  return book ? MAP_2007 : MAP_2003;
}

/** The map of `spec` over the runners (one per worker), with the scheduler of its form. */
export function scheduleAnyMap(
  spec: AnyMapSpec,
  runners: readonly AnyRowRunner[],
  options: MapProgressOptions,
): Promise<AnyParameterMap> {
  return isBookSpec(spec)
    ? scheduleBookParameterMap(spec, runners, options)
    : scheduleParameterMap(spec, runners, options);
}
