/**
 * Classifies a book preset's own run: a step is classified from its onset to the end of the run,
 * a released holding current (a window that starts at t = 0) from its release to the end.
 */
import { simulate2007 } from '../model/simulate-2007.js';
import type { BookPreset } from '../presets/cells-2007.js';
import { bookPresetOptions } from '../presets/lookup-2007.js';
import { classifyPattern, type PatternClassification, type StepWindow } from './classify.js';

/** The window a book preset's response is classified over; see above. */
export function bookPresetWindow(preset: BookPreset): StepWindow {
  const first = preset.stimulus[0];
  if (first === undefined) return { onset: 0, end: preset.duration };
  return { onset: first.start === 0 ? first.end : first.start, end: preset.duration };
}

/** Runs a book preset's protocol and names the pattern of its spikes within `bookPresetWindow`. */
export function classifyBookPreset(
  preset: BookPreset,
): PatternClassification & { presetId: string; window: StepWindow } {
  const window = bookPresetWindow(preset);
  const run = simulate2007({ ...bookPresetOptions(preset), spikesOnly: true });
  return { ...classifyPattern(run.spikes, window), presetId: preset.id, window };
}
