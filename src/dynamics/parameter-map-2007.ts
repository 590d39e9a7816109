/**
 * The parameter map of the 2007 form: sweeps two of its parameters (or the step input I, in pA)
 * over a grid, runs each cell with the book's scheme under a step from rest and names its firing
 * pattern with the same classifier as the 2003 form's map. Runs on the calling thread.
 */
import { CancelledError, ParameterError } from '../errors.js';
import {
  BOOK_CORE_NAMES,
  BOOK_TERM_NAMES,
  resolveBookParameters,
  type BookNeuronParameters,
  type BookParameters,
} from '../model/izhikevich-2007.js';
import { requireFinite } from '../model/izhikevich.js';
import { BOOK_RS } from '../presets/cells-2007.js';
import { stepCount } from '../model/simulate.js';
import { GrowableFloat64Array } from '../record/growable.js';
import { DEFAULT_CLASSIFIER_THRESHOLDS, FIRING_PATTERNS, classifyPatternCode } from './classify.js';
import { bookRestingState, runBookConstantInput } from './fi-curve-2007.js';
import {
  MAP_DIVERGED,
  MAX_MAP_CELLS,
  axisValue,
  checkAxis,
  type MapProgressOptions,
} from './parameter-map.js';

/** What an axis of the 2007 form's map may sweep: a parameter, a cell-type term, or `I`. */
export const BOOK_MAP_PARAMETERS = [...BOOK_CORE_NAMES, ...BOOK_TERM_NAMES, 'I'] as const;
export type BookMapParameter = (typeof BOOK_MAP_PARAMETERS)[number];

export interface BookMapAxis {
  readonly name: BookMapParameter;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

export interface BookMapSpec {
  readonly x: BookMapAxis;
  readonly y: BookMapAxis;
  /** The parameters that are not swept; the book's RS neuron by default. */
  readonly base?: BookNeuronParameters;
  /** Step amplitude (pA), switched on at t = 0; 100 by default. */
  readonly input?: number;
  /** Input before the step, where the neuron rests (pA); 0 by default. */
  readonly baseline?: number;
  /** Length of each run and of the window classified (ms); 500 by default. */
  readonly duration?: number;
  /** Time step (ms); 0.25 by default. */
  readonly dt?: number;
}

/** A map's spec with every default filled in. */
export interface ResolvedBookMapSpec {
  readonly x: BookMapAxis;
  readonly y: BookMapAxis;
  readonly base: BookParameters;
  readonly input: number;
  readonly baseline: number;
  readonly duration: number;
  readonly dt: number;
}

/** The map, shaped as the 2003 form's `ParameterMap`. */
export interface BookParameterMap {
  readonly model: '2007';
  readonly spec: ResolvedBookMapSpec;
  readonly xValues: Float64Array;
  readonly yValues: Float64Array;
  /** One pattern code per cell, row by row (`FIRING_PATTERNS[code]`, `MAP_DIVERGED` last). */
  readonly codes: Uint8Array;
  /** Cells per code. */
  readonly counts: readonly number[];
}

/** The book's RS neuron: the base of a map when none is given. */
export const BOOK_MAP_DEFAULT_BASE: BookNeuronParameters = BOOK_RS;

/** The neuron and the step amplitude of one cell. */
function cell(
  base: BookNeuronParameters,
  input: number,
  x: BookMapAxis,
  xValue: number,
  y: BookMapAxis,
  yValue: number,
): { neuron: BookNeuronParameters; input: number } {
  const neuron: Record<string, number | undefined> = { ...base };
  let step = input;
  for (const [name, value] of [
    [x.name, xValue],
    [y.name, yValue],
  ] as const) {
    if (name === 'I') step = value;
    else neuron[name] = value;
  }
  return { neuron: neuron as unknown as BookNeuronParameters, input: step };
}

/**
 * The map: each cell starts at rest at the baseline (the stable fixed point, else v = vr, u = 0),
 * steps to the input at t = 0 and runs `duration` ms with the book's scheme; its spikes are
 * classified over [0, duration]. Every corner of the grid must be a valid neuron (C > 0, …).
 *
 * @throws ParameterError for an unknown parameter, a bad axis, the same parameter on both axes,
 * too many cells, or a corner that is not a valid neuron
 * @throws CancelledError when `signal` aborts
 */
export async function computeBookParameterMap(
  spec: BookMapSpec,
  options: MapProgressOptions = {},
): Promise<BookParameterMap> {
  const x = checkAxis('x', spec.x, BOOK_MAP_PARAMETERS);
  const y = checkAxis('y', spec.y, BOOK_MAP_PARAMETERS);
  if (x.name === y.name) {
    throw new ParameterError('y', `both axes sweep '${x.name}': choose two different parameters`);
  }
  if (x.steps * y.steps > MAX_MAP_CELLS) {
    throw new ParameterError(
      'x',
      `a ${x.steps} × ${y.steps} map has more than ${MAX_MAP_CELLS} cells`,
    );
  }
  const base = resolveBookParameters(spec.base ?? BOOK_MAP_DEFAULT_BASE);
  const input = requireFinite('input', spec.input ?? 100);
  const baseline = requireFinite('baseline', spec.baseline ?? 0);
  const duration = spec.duration ?? 500;
  const dt = spec.dt ?? 0.25;
  const samples = stepCount(dt, duration);
  for (const [ix, iy] of [
    [0, 0],
    [x.steps - 1, 0],
    [0, y.steps - 1],
    [x.steps - 1, y.steps - 1],
  ] as const) {
    resolveBookParameters(cell(base, input, x, axisValue(x, ix), y, axisValue(y, iy)).neuron);
  }
  const codes = new Uint8Array(x.steps * y.steps);
  const spikes = new Float64Array(samples);
  const scratch = new GrowableFloat64Array(1024);
  for (let iy = 0; iy < y.steps; iy++) {
    if (options.signal?.aborted) throw new CancelledError('the map was cancelled');
    for (let ix = 0; ix < x.steps; ix++) {
      const here = cell(base, input, x, axisValue(x, ix), y, axisValue(y, iy));
      const params = resolveBookParameters(here.neuron);
      const rest = bookRestingState(params, baseline);
      const count = runBookConstantInput(
        params,
        rest?.v ?? params.vr,
        rest?.u ?? 0,
        here.input,
        dt,
        samples,
        spikes,
        scratch,
      );
      codes[iy * x.steps + ix] =
        count < 0
          ? MAP_DIVERGED
          : classifyPatternCode(spikes, count, 0, duration, DEFAULT_CLASSIFIER_THRESHOLDS);
    }
    options.onProgress?.((iy + 1) / y.steps);
    await Promise.resolve();
  }
  const counts = new Array<number>(FIRING_PATTERNS.length + 1).fill(0);
  for (const code of codes) counts[code] = (counts[code] as number) + 1;
  return {
    model: '2007',
    spec: { x, y, base, input, baseline, duration, dt },
    xValues: Float64Array.from({ length: x.steps }, (_, i) => axisValue(x, i)),
    yValues: Float64Array.from({ length: y.steps }, (_, i) => axisValue(y, i)),
    codes,
    counts,
  };
}
