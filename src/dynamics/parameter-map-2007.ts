/**
 * The parameter map of the 2007 form: sweeps two of its parameters (or the step input I, in pA)
 * over a grid, runs each cell with the book's scheme under a step from rest and names its firing
 * pattern with the same classifier as the 2003 form's map: on the calling thread, or in blocks of
 * rows over workers (`scheduleBookParameterMap` with runners of `computeBookMapRows`).
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
  scheduleMapRows,
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

/** The neuron and the step amplitude of a cell whose swept values are `xValue`, `yValue`. */
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

/** The neuron and the step amplitude (pA) of cell (ix, iy), as `mapCell` for the 2003 form. */
export function bookMapCell(
  spec: ResolvedBookMapSpec,
  ix: number,
  iy: number,
): { params: BookParameters; input: number } {
  const here = cell(
    spec.base,
    spec.input,
    spec.x,
    axisValue(spec.x, ix),
    spec.y,
    axisValue(spec.y, iy),
  );
  return { params: resolveBookParameters(here.neuron), input: here.input };
}

/**
 * Checks a map's spec and fills in its defaults: two different known axes, at most
 * `MAX_MAP_CELLS` cells, a valid base neuron and a valid neuron at every corner of the grid.
 *
 * @throws ParameterError naming what is at fault
 */
export function resolveBookMapSpec(spec: BookMapSpec | ResolvedBookMapSpec): ResolvedBookMapSpec {
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
  stepCount(dt, duration);
  for (const [ix, iy] of [
    [0, 0],
    [x.steps - 1, 0],
    [0, y.steps - 1],
    [x.steps - 1, y.steps - 1],
  ] as const) {
    resolveBookParameters(cell(base, input, x, axisValue(x, ix), y, axisValue(y, iy)).neuron);
  }
  return { x, y, base, input, baseline, duration, dt };
}

/**
 * The codes of rows `rowStart` … `rowEnd − 1` of a resolved map, row by row: what a worker
 * computes for `scheduleBookParameterMap`. Each cell starts at rest at the baseline (the stable
 * fixed point, else v = vr, u = 0), steps to the input at t = 0 and runs `duration` ms with the
 * book's scheme; its spikes are classified over [0, duration].
 */
export function computeBookMapRows(
  spec: ResolvedBookMapSpec,
  rowStart: number,
  rowEnd: number,
): Uint8Array {
  const { x, y, base, input, baseline, duration, dt } = spec;
  const samples = stepCount(dt, duration);
  const codes = new Uint8Array((rowEnd - rowStart) * x.steps);
  const spikes = new Float64Array(samples);
  const scratch = new GrowableFloat64Array(1024);
  for (let iy = rowStart; iy < rowEnd; iy++) {
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
      codes[(iy - rowStart) * x.steps + ix] =
        count < 0
          ? MAP_DIVERGED
          : classifyPatternCode(spikes, count, 0, duration, DEFAULT_CLASSIFIER_THRESHOLDS);
    }
  }
  return codes;
}

/** The map of a resolved spec and its codes: the swept values and the cells per code. */
function bookParameterMapOf(spec: ResolvedBookMapSpec, codes: Uint8Array): BookParameterMap {
  const counts = new Array<number>(FIRING_PATTERNS.length + 1).fill(0);
  for (const code of codes) counts[code] = (counts[code] as number) + 1;
  return {
    model: '2007',
    spec,
    xValues: Float64Array.from({ length: spec.x.steps }, (_, i) => axisValue(spec.x, i)),
    yValues: Float64Array.from({ length: spec.y.steps }, (_, i) => axisValue(spec.y, i)),
    codes,
    counts,
  };
}

/**
 * The map on this thread, row by row (`computeBookMapRows`), yielding between rows.
 *
 * @throws ParameterError for an unknown parameter, a bad axis, the same parameter on both axes,
 * too many cells, or a corner that is not a valid neuron
 * @throws CancelledError when `signal` aborts
 */
export async function computeBookParameterMap(
  spec: BookMapSpec,
  options: MapProgressOptions = {},
): Promise<BookParameterMap> {
  const resolved = resolveBookMapSpec(spec);
  const { x, y } = resolved;
  const codes = new Uint8Array(x.steps * y.steps);
  for (let iy = 0; iy < y.steps; iy++) {
    if (options.signal?.aborted) throw new CancelledError('the map was cancelled');
    codes.set(computeBookMapRows(resolved, iy, iy + 1), iy * x.steps);
    options.onProgress?.((iy + 1) / y.steps);
    await Promise.resolve();
  }
  return bookParameterMapOf(resolved, codes);
}

/** Computes rows of a map of the 2007 form elsewhere (a worker), as `computeBookMapRows` does. */
export type BookMapRowRunner = (
  spec: ResolvedBookMapSpec,
  rowStart: number,
  rowEnd: number,
) => Promise<Uint8Array>;

/**
 * The map of the 2007 form over several runners, one per worker, as `scheduleParameterMap` does
 * for the 2003 form: blocks of rows go to whichever runner is free.
 *
 * @throws ParameterError for a bad spec or no runner
 * @throws CancelledError when `signal` aborts
 */
export async function scheduleBookParameterMap(
  spec: BookMapSpec | ResolvedBookMapSpec,
  runners: readonly BookMapRowRunner[],
  options: MapProgressOptions = {},
): Promise<BookParameterMap> {
  const resolved = resolveBookMapSpec(spec);
  return bookParameterMapOf(resolved, await scheduleMapRows(resolved, runners, options));
}
