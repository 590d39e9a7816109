/** `izhikit fi --model 2007` (or a preset of the book's types): the f–I curve of the 2007 form, input in pA. */
import { bookFiCurve } from '../dynamics/fi-curve-2007.js';
import type { FiCurve, FiCurveOptions } from '../dynamics/fi-curve.js';
import { resolveBookParameters } from '../model/izhikevich-2007.js';
import { getBookPreset } from '../presets/lookup-2007.js';
import { bookParameterLine } from '../render/trace-2007.js';
import { bookSimulationOptions, type BookFlags } from './run-2007.js';

/** The highest input of the curve when --to is not given, in pA. */
export const BOOK_FI_TO = 600;

/** What `izhikit fi` prints about a curve: the curve and how to name the neuron. */
export interface FiSubject {
  readonly curve: FiCurve;
  /** For the figure's title. */
  readonly title: string;
  /** For the summary's first line. */
  readonly label: string;
  readonly parameters: string;
}

/** The f–I curve of the neuron the flags describe in the 2007 form. */
export function bookFiSubject(
  flags: BookFlags & { to?: number },
  measure: Omit<FiCurveOptions, 'to'>,
): FiSubject {
  const preset = flags.preset === undefined ? undefined : getBookPreset(flags.preset);
  const neuron = bookSimulationOptions({ ...flags, dt: undefined, duration: undefined }, preset);
  const curve = bookFiCurve(neuron, { ...measure, to: flags.to ?? BOOK_FI_TO });
  return {
    curve,
    title: preset === undefined ? 'custom neuron, 2007 form' : preset.name,
    label: preset === undefined ? 'custom neuron, 2007 form' : `${preset.name} (${preset.id})`,
    parameters: `${bookParameterLine(resolveBookParameters(neuron))} · I in pA`,
  };
}
