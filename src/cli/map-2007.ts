/** `izhikit map --model 2007` (or a preset of the book's types): the parameter map of the 2007 form. */
import type { MapAxis } from '../dynamics/parameter-map.js';
import {
  resolveBookMapSpec,
  type BookMapAxis,
  type ResolvedBookMapSpec,
} from '../dynamics/parameter-map-2007.js';
import { resolveBookParameters } from '../model/izhikevich-2007.js';
import { getBookPreset } from '../presets/lookup-2007.js';
import { bookSimulationOptions, type BookFlags } from './run-2007.js';

/** The axes and step of a 2007 map when the flags leave them at the 2003 form's defaults. */
export const BOOK_MAP_DEFAULTS = {
  x: { name: 'd', from: 0, to: 150, steps: 60 },
  y: { name: 'I', from: 0, to: 300, steps: 60 },
  input: 100,
} as const satisfies { x: BookMapAxis; y: BookMapAxis; input: number };

interface BookMapFlags extends Omit<BookFlags, 'input'> {
  x: MapAxis | BookMapAxis;
  y: MapAxis | BookMapAxis;
  input: number;
  baseline: number;
  duration: number;
  dt: number;
}

/** Where each option's value came from (`default` when the user did not give it). */
type ValueSource = (name: string) => string | undefined;

/**
 * The map the flags describe in the 2007 form, checked; axes and step input not given default to
 * d from 0 to 150 pA against I from 0 to 300 pA, with a 100 pA step.
 *
 * @throws ParameterError naming what is at fault
 */
export function bookMapSpecFromFlags(
  flags: BookMapFlags,
  source: ValueSource,
): ResolvedBookMapSpec {
  const preset = flags.preset === undefined ? undefined : getBookPreset(flags.preset);
  const given = (name: string) => source(name) !== 'default';
  const neuron = resolveBookParameters(
    bookSimulationOptions(
      { ...flags, dt: undefined, duration: undefined, input: undefined },
      preset,
    ),
  );
  return resolveBookMapSpec({
    x: (given('x') ? flags.x : BOOK_MAP_DEFAULTS.x) as BookMapAxis,
    y: (given('y') ? flags.y : BOOK_MAP_DEFAULTS.y) as BookMapAxis,
    base: neuron,
    input: given('input') ? flags.input : BOOK_MAP_DEFAULTS.input,
    baseline: flags.baseline,
    duration: flags.duration,
    dt: flags.dt,
  });
}
