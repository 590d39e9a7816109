/**
 * The parameter map: sweeps two parameters over a grid, runs each cell under a step input from
 * rest and names its firing pattern, the picture [2003] Fig. 2 sketches by hand. Browser-safe:
 * `computeMapRows` is what a Web Worker or a Node worker thread runs on its share of the rows.
 */
import { CancelledError, ParameterError } from '../errors.js';
import {
  PARAMETER_NAMES,
  requireFinite,
  resolveParameters,
  type ModelParameters,
  type NeuronParameters,
} from '../model/izhikevich.js';
import { stepCount } from '../model/simulate.js';
import {
  DEFAULT_CLASSIFIER_THRESHOLDS,
  FIRING_PATTERNS,
  classifyPatternCode,
  isMeaninglessTrain,
  type ClassifierThresholds,
} from './classify.js';
import { restingState } from './fixed-points.js';
import { runConstantInput } from './step-run.js';

/** What a map axis may sweep: a model parameter, or the step input's amplitude `I`. */
export const MAP_PARAMETERS = [...PARAMETER_NAMES, 'I'] as const;
export type MapParameter = (typeof MAP_PARAMETERS)[number];

/**
 * The code of a cell that has no pattern: its run diverged (v or u not finite) or is numerically
 * meaningless (a spike at nearly every step, see `isMeaninglessTrain`); the patterns use 0 … 6.
 */
export const MAP_DIVERGED = FIRING_PATTERNS.length;

/** One axis of the grid: `steps` values from `from` to `to` inclusive. */
export interface MapAxis {
  readonly name: MapParameter;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

export interface ParameterMapSpec {
  readonly x: MapAxis;
  readonly y: MapAxis;
  /** The parameters that are not swept; RS (a 0.02, b 0.2, c −65, d 8) by default. */
  readonly base?: NeuronParameters;
  /** Step amplitude, switched on at t = 0 (10 by default). */
  readonly input?: number;
  /** Input before the step, where the neuron rests (0 by default). */
  readonly baseline?: number;
  /** Length of each run and of the window classified (ms); 300 by default. */
  readonly duration?: number;
  /** Time step (ms); 0.25 by default. */
  readonly dt?: number;
  /** Initial v when the neuron has no resting state at the baseline (u0 = b·v0); −65 by default. */
  readonly v0?: number;
  readonly thresholds?: ClassifierThresholds;
}

/** A spec with every default filled in and every value checked: plain data, safe to post. */
export interface ResolvedMapSpec {
  readonly x: MapAxis;
  readonly y: MapAxis;
  readonly base: ModelParameters;
  readonly input: number;
  readonly baseline: number;
  readonly duration: number;
  readonly dt: number;
  readonly v0: number;
  readonly thresholds: ClassifierThresholds;
}

export interface ParameterMap {
  readonly spec: ResolvedMapSpec;
  /** The swept values along each axis. */
  readonly xValues: Float64Array;
  readonly yValues: Float64Array;
  /** One pattern code per cell, row by row: `codes[iy * x.steps + ix]`, iy = 0 at `y.from`. */
  readonly codes: Uint8Array;
  /** Cells per code (index = code; the last entry counts diverged cells). */
  readonly counts: readonly number[];
}

export interface MapProgressOptions {
  /** Called with the fraction of rows done (0 … 1). */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

/** The base neuron of a map when none is given: regular spiking. */
export const MAP_DEFAULT_BASE: NeuronParameters = { a: 0.02, b: 0.2, c: -65, d: 8 };

/** Most cells a map may have (a 1000 × 1000 grid). */
export const MAX_MAP_CELLS = 1e6;

/**
 * Checks one axis of a map: a known parameter name, finite ends, 1 to 1000 steps.
 *
 * @throws ParameterError naming the axis
 */
export function checkAxis<A extends Omit<MapAxis, 'name'> & { readonly name: string }>(
  label: 'x' | 'y',
  axis: A,
  known: readonly string[] = MAP_PARAMETERS,
): A {
  if (!known.includes(axis.name)) {
    throw new ParameterError(
      label,
      `unknown parameter '${axis.name}' for the ${label} axis; known: ${known.join(', ')}`,
    );
  }
  requireFinite(`${label} from`, axis.from);
  requireFinite(`${label} to`, axis.to);
  if (!Number.isInteger(axis.steps) || axis.steps < 1 || axis.steps > 1000) {
    throw new ParameterError(
      label,
      `the ${label} axis needs a whole number of steps from 1 to 1000, got ${axis.steps}`,
    );
  }
  if (axis.steps > 1 && axis.from === axis.to) {
    throw new ParameterError(label, `the ${label} axis goes from ${axis.from} to the same value`);
  }
  return { name: axis.name, from: axis.from, to: axis.to, steps: axis.steps } as A;
}

/**
 * Fills in the defaults and checks every value.
 *
 * @throws ParameterError for an unknown parameter, a bad range or step count, the same parameter
 * on both axes, or a grid over `MAX_MAP_CELLS`
 */
export function resolveMapSpec(spec: ParameterMapSpec): ResolvedMapSpec {
  const x = checkAxis('x', spec.x);
  const y = checkAxis('y', spec.y);
  if (x.name === y.name) {
    throw new ParameterError('y', `both axes sweep '${x.name}': choose two different parameters`);
  }
  if (x.steps * y.steps > MAX_MAP_CELLS) {
    throw new ParameterError(
      'x',
      `a ${x.steps} × ${y.steps} map has more than ${MAX_MAP_CELLS} cells: use fewer steps`,
    );
  }
  const duration = spec.duration ?? 300;
  const dt = spec.dt ?? 0.25;
  stepCount(dt, duration);
  return {
    x,
    y,
    base: resolveParameters(spec.base ?? MAP_DEFAULT_BASE),
    input: requireFinite('input', spec.input ?? 10),
    baseline: requireFinite('baseline', spec.baseline ?? 0),
    duration,
    dt,
    v0: requireFinite('v0', spec.v0 ?? -65),
    thresholds: spec.thresholds ?? DEFAULT_CLASSIFIER_THRESHOLDS,
  };
}

/** The value of grid index `i` along an axis. */
export function axisValue(axis: Omit<MapAxis, 'name'>, i: number): number {
  return axis.steps === 1 ? axis.from : axis.from + ((axis.to - axis.from) * i) / (axis.steps - 1);
}

/** The neuron and the step amplitude of cell (ix, iy). */
export function mapCell(
  spec: ResolvedMapSpec,
  ix: number,
  iy: number,
): { params: ModelParameters; input: number } {
  const params: Record<string, number> = { ...spec.base };
  let input = spec.input;
  const assign = (name: MapParameter, value: number) => {
    if (name === 'I') input = value;
    else params[name] = value;
  };
  assign(spec.x.name, axisValue(spec.x, ix));
  assign(spec.y.name, axisValue(spec.y, iy));
  return { params: params as unknown as ModelParameters, input };
}

/**
 * Computes rows `rowStart` … `rowEnd − 1` of the map into a new array (x.steps codes per row).
 * Each cell starts at rest at the baseline input (the stable fixed point; v0, b·v0 when there is
 * none), steps to the input at t = 0 and runs `duration` ms; its spikes are classified over
 * [0, duration].
 */
export function computeMapRows(
  spec: ResolvedMapSpec,
  rowStart: number,
  rowEnd: number,
): Uint8Array {
  const nx = spec.x.steps;
  const out = new Uint8Array((rowEnd - rowStart) * nx);
  const lastStep = Math.round(spec.duration / spec.dt);
  const spikes = new Float64Array(lastStep + 1);
  for (let iy = rowStart; iy < rowEnd; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const { params, input } = mapCell(spec, ix, iy);
      const rest = restingState(params, spec.baseline);
      const v0 = rest === undefined ? spec.v0 : rest.v;
      const u0 = rest === undefined ? params.b * spec.v0 : rest.u;
      const count = runConstantInput(params, v0, u0, input, spec.dt, lastStep, spikes);
      out[(iy - rowStart) * nx + ix] =
        count < 0 || isMeaninglessTrain(spikes, 0, count, spec.dt)
          ? MAP_DIVERGED
          : classifyPatternCode(spikes, count, 0, spec.duration, spec.thresholds);
    }
  }
  return out;
}

/** Assembles a map from its codes. */
export function parameterMapOf(spec: ResolvedMapSpec, codes: Uint8Array): ParameterMap {
  const counts = new Float64Array(MAP_DIVERGED + 1);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    counts[code] = (counts[code] as number) + 1;
  }
  return {
    spec,
    xValues: Float64Array.from({ length: spec.x.steps }, (_, i) => axisValue(spec.x, i)),
    yValues: Float64Array.from({ length: spec.y.steps }, (_, i) => axisValue(spec.y, i)),
    codes,
    counts: Array.from(counts),
  };
}

/** How long (ms) a main-thread run works before it yields to the event loop. */
const SLICE_MS = 40;

/**
 * Computes the whole map on this thread, yielding to the event loop about every 40 ms so that
 * progress is reported and `signal` is honoured. In Node, `computeParameterMapParallel`
 * (dynamics/map-node) spreads the rows over worker threads.
 *
 * @throws CancelledError when `signal` aborts
 */
export async function computeParameterMap(
  spec: ParameterMapSpec | ResolvedMapSpec,
  options: MapProgressOptions = {},
): Promise<ParameterMap> {
  const resolved = resolveMapSpec(spec);
  const { x, y } = resolved;
  const codes = new Uint8Array(x.steps * y.steps);
  let sliceStart = performance.now();
  for (let row = 0; row < y.steps; row++) {
    if (options.signal?.aborted) throw new CancelledError('the map was cancelled');
    codes.set(computeMapRows(resolved, row, row + 1), row * x.steps);
    options.onProgress?.((row + 1) / y.steps);
    if (performance.now() - sliceStart > SLICE_MS && row + 1 < y.steps) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  if (options.signal?.aborted) throw new CancelledError('the map was cancelled');
  return parameterMapOf(resolved, codes);
}

/**
 * Computes rows `rowStart` … `rowEnd − 1` somewhere else (a Web Worker, a Node worker thread)
 * and resolves with their codes, as `computeMapRows` returns them.
 */
export type MapRowRunner = (
  spec: ResolvedMapSpec,
  rowStart: number,
  rowEnd: number,
) => Promise<Uint8Array>;

/** Rows per block: small enough to balance the load, large enough to keep messages few. */
export function mapBlockRows(rows: number, runners: number): number {
  return Math.max(1, Math.min(8, Math.floor(rows / (runners * 4))));
}

/**
 * Computes a map with several runners, one per worker: blocks of rows go to whichever runner is
 * free, progress is reported as blocks come back, and `signal` rejects at once with a
 * `CancelledError` (the caller then stops its workers). Browser-safe: the explorer passes
 * runners that post to Web Workers, `computeParameterMapParallel` ones that post to threads.
 *
 * @throws CancelledError when `signal` aborts
 */
export async function scheduleParameterMap(
  spec: ParameterMapSpec | ResolvedMapSpec,
  runners: readonly MapRowRunner[],
  options: MapProgressOptions = {},
): Promise<ParameterMap> {
  const resolved = resolveMapSpec(spec);
  return parameterMapOf(resolved, await scheduleMapRows(resolved, runners, options));
}

/**
 * The scheduling behind `scheduleParameterMap` and `scheduleBookParameterMap`, for a resolved map
 * of either form: its rows in blocks handed to whichever runner is free; resolves with every code.
 *
 * @throws ParameterError without runners
 * @throws CancelledError when `signal` aborts
 */
export async function scheduleMapRows<
  S extends { readonly x: { readonly steps: number }; readonly y: { readonly steps: number } },
>(
  resolved: S,
  runners: readonly ((spec: S, rowStart: number, rowEnd: number) => Promise<Uint8Array>)[],
  options: MapProgressOptions = {},
): Promise<Uint8Array> {
  if (runners.length === 0) throw new ParameterError('workers', 'a map needs at least one runner');
  const rows = resolved.y.steps;
  const nx = resolved.x.steps;
  const codes = new Uint8Array(nx * rows);
  const block = mapBlockRows(rows, runners.length);
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new CancelledError('the map was cancelled');
  let nextRow = 0;
  let rowsDone = 0;
  const cancelled = new Promise<never>((_, reject) => {
    signal?.addEventListener('abort', () => reject(new CancelledError('the map was cancelled')), {
      once: true,
    });
  });
  cancelled.catch(() => undefined);
  const drain = async (
    runner: (spec: S, rowStart: number, rowEnd: number) => Promise<Uint8Array>,
  ): Promise<void> => {
    while (nextRow < rows) {
      const rowStart = nextRow;
      const rowEnd = Math.min(rows, rowStart + block);
      nextRow = rowEnd;
      const result = await Promise.race([runner(resolved, rowStart, rowEnd), cancelled]);
      codes.set(result, rowStart * nx);
      rowsDone += rowEnd - rowStart;
      onProgress?.(rowsDone / rows);
    }
  };
  await Promise.race([Promise.all(runners.map(drain)), cancelled]);
  return codes;
}
