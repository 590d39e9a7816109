/** `izhikit classify` for the 2007 form: a book preset on its own protocol, or the flags' run. */
import { classifyPattern } from '../dynamics/classify.js';
import { bookPresetWindow, classifyBookPreset } from '../dynamics/classify-preset-2007.js';
import { ParameterError } from '../errors.js';
import { simulate2007 } from '../model/simulate-2007.js';
import { CELLS_2007 } from '../presets/cells-2007.js';
import { getBookPreset } from '../presets/lookup-2007.js';
import type { ClassifiedRow } from './classify.js';
import { bookSimulationOptions, type BookFlags } from './run-2007.js';

/** Every book preset on its own protocol, classified over its step (or after its released hold). */
export function classifyAllBookPresets(): ClassifiedRow[] {
  return CELLS_2007.map((preset) => {
    const result = classifyBookPreset(preset);
    return { id: preset.id, name: preset.name, window: { ...result.window, kind: 'step' }, result };
  });
}

/** The pattern of the run the flags describe in the 2007 form, over --onset … --end. */
export function classifyBookFromFlags(
  flags: BookFlags & { onset?: number; end?: number },
): ClassifiedRow {
  const preset = flags.preset === undefined ? undefined : getBookPreset(flags.preset);
  const options = bookSimulationOptions({ ...flags, spikesOnly: true }, preset);
  const onset = flags.onset ?? (preset === undefined ? 0 : bookPresetWindow(preset).onset);
  const end = flags.end ?? options.duration;
  if (!(end > onset)) {
    throw new ParameterError('end', `the window must end after it starts (${onset} to ${end} ms)`);
  }
  const run = simulate2007(options);
  return {
    id: preset?.id ?? 'custom',
    name: preset?.name ?? 'custom neuron, 2007 form',
    window: { onset, end, kind: 'given' },
    result: classifyPattern(run.spikes, { onset, end }),
  };
}
