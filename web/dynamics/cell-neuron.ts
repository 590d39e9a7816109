/**
 * The neuron behind one cell of the map, as a state of the neuron view: the cell's parameters,
 * the resting state it starts from, and its step input from t = 0 for the map's duration, so
 * that the trace and the pattern label there are what the map coloured.
 */
import { mapCell, restingState, type ResolvedMapSpec } from 'izhikit';
import { UNUSED_BOOK_STATE, type NeuronState } from '../neuron/state.js';

export function cellNeuronState(
  spec: ResolvedMapSpec,
  ix: number,
  iy: number,
  toggles: Pick<NeuronState, 'showU' | 'showI' | 'showPhase'>,
): NeuronState {
  const { params, input } = mapCell(spec, ix, iy);
  const rest = restingState(params, spec.baseline);
  // Twelve significant digits: 0.2, not 0.19999999999999998 from the grid's arithmetic; the
  // neuron differs by less than 1e-12 relative, and rest is a stable fixed point.
  const round = (value: number): number => Number(value.toPrecision(12));
  return {
    model: '2003',
    preset: undefined,
    ...UNUSED_BOOK_STATE,
    ...params,
    a: round(params.a),
    b: round(params.b),
    c: round(params.c),
    d: round(params.d),
    v0: round(rest === undefined ? spec.v0 : rest.v),
    u0: round(rest === undefined ? params.b * spec.v0 : rest.u),
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
  };
}
