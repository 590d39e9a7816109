/**
 * The neuron behind one cell of a map of either form, as a state of the neuron view: the cell's
 * parameters (and the terms of the 2007 form's preset), the resting state it starts from, and its
 * step input from t = 0 for the map's duration, so that the trace and the pattern label there are
 * what the map coloured.
 */
import {
  DEFAULT_PARAMETERS,
  bookMapCell,
  bookRestingState,
  mapCell,
  restingState,
  type ResolvedBookMapSpec,
  type ResolvedMapSpec,
} from 'izhikit';
import { UNUSED_BOOK_STATE, type NeuronState } from '../neuron/state.js';
import { isBookSpec, type AnyMapSpec } from './map-model.js';

type Toggles = Pick<NeuronState, 'showU' | 'showI' | 'showPhase'>;

/**
 * Twelve significant digits: 0.2, not 0.19999999999999998 from the grid's arithmetic; the neuron
 * differs by less than 1e-12 relative, and rest is a stable fixed point.
 */
const round = (value: number): number => Number(value.toPrecision(12));

/** What a cell's state shares in both forms: the run, the step input and the display toggles. */
function runOf(spec: AnyMapSpec, input: number, toggles: Toggles) {
  return {
    preset: undefined,
    dt: spec.dt,
    duration: spec.duration,
    input: String(round(input)),
    inputScale: 1,
    integrator: 'reference',
    substeps: 1,
    // Only the display toggles: the caller may pass a whole state.
    showU: toggles.showU,
    showI: toggles.showI,
    showPhase: toggles.showPhase,
  } as const;
}

function cell2003(spec: ResolvedMapSpec, ix: number, iy: number, toggles: Toggles): NeuronState {
  const { params, input } = mapCell(spec, ix, iy);
  const rest = restingState(params, spec.baseline);
  return {
    model: '2003',
    ...UNUSED_BOOK_STATE,
    ...params,
    a: round(params.a),
    b: round(params.b),
    c: round(params.c),
    d: round(params.d),
    v0: round(rest === undefined ? spec.v0 : rest.v),
    u0: round(rest === undefined ? params.b * spec.v0 : rest.u),
    ...runOf(spec, input, toggles),
  };
}

function cell2007(
  spec: ResolvedBookMapSpec,
  ix: number,
  iy: number,
  toggles: Toggles,
): NeuronState {
  const { params, input } = bookMapCell(spec, ix, iy);
  // As the map's cell starts: at the stable resting state, else at v = vr, u = 0.
  const rest = bookRestingState(params, spec.baseline);
  return {
    model: '2007',
    ...DEFAULT_PARAMETERS,
    C: round(params.C),
    k: round(params.k),
    vr: round(params.vr),
    vt: round(params.vt),
    vpeak: round(params.vpeak),
    a: round(params.a),
    b: round(params.b),
    c: round(params.c),
    d: round(params.d),
    vpeakU: params.vpeakU,
    cU: params.cU,
    uMax: params.uMax,
    bHyper: params.bHyper,
    vHyper: params.vHyper,
    cubicVb: params.cubicVb,
    v0: round(rest === undefined ? params.vr : rest.v),
    u0: round(rest === undefined ? 0 : rest.u),
    ...runOf(spec, input, toggles),
  };
}

export function cellNeuronState(
  spec: AnyMapSpec,
  ix: number,
  iy: number,
  toggles: Toggles,
): NeuronState {
  return isBookSpec(spec) ? cell2007(spec, ix, iy, toggles) : cell2003(spec, ix, iy, toggles);
}
