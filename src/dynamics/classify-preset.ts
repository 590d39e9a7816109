/**
 * Classifies a preset's own run over the window its protocol suggests, and says how well the
 * protocol fits the classifier's step-input assumption: a step to the end of the run is
 * classified from its onset to the end; one long constant window (half the run or more), within
 * it; anything else (pulses, ramps, several windows) from the first stimulus to the end, as a
 * description of the train only.
 */
import { simulate } from '../model/simulate.js';
import { presetOptions } from '../presets/lookup.js';
import type { Preset } from '../presets/presets.js';
import { classifyPattern, type PatternClassification, type StepWindow } from './classify.js';

/** How a preset's input fits the classifier's step-input assumption. */
export type ProtocolKind =
  /** One window that lasts to the end of the run: the step the classifier assumes. */
  | 'step'
  /** One long constant window (half the run or more) that ends before the run does. */
  | 'window'
  /** Pulses, ramps, several windows: not a step; the label only describes the train. */
  | 'other';

export interface PresetWindow extends StepWindow {
  readonly kind: ProtocolKind;
}

/** Whether the preset's input is a constant after its onset (a step, not a ramp). */
function isConstantAfterOnset(preset: Preset, onset: number, end: number): boolean {
  const run = simulate({ ...presetOptions(preset), duration: end });
  const { t, I } = run.trace as NonNullable<typeof run.trace>;
  let value = Number.NaN;
  for (let k = 0; k < t.length; k++) {
    const time = t[k] as number;
    if (time <= onset + preset.dt || time >= end) continue;
    if (Number.isNaN(value)) value = I[k] as number;
    else if (I[k] !== value) return false;
  }
  return true;
}

/** The window a preset's run is classified over, and what kind of protocol it is; see above. */
export function presetWindow(preset: Preset): PresetWindow {
  const windows = preset.stimulus;
  const first = windows[0];
  if (first === undefined) return { onset: 0, end: preset.duration, kind: 'other' };
  if (windows.length === 1) {
    const end = Math.min(first.end, preset.duration);
    const long = end - first.start >= preset.duration / 2;
    if (long && isConstantAfterOnset(preset, first.start, end)) {
      return { onset: first.start, end, kind: end >= preset.duration ? 'step' : 'window' };
    }
  }
  return { onset: first.start, end: preset.duration, kind: 'other' };
}

export interface PresetClassification extends PatternClassification {
  readonly presetId: string;
  readonly window: PresetWindow;
}

/** Runs a preset's own protocol and names the pattern of its spikes within `presetWindow`. */
export function classifyPreset(preset: Preset): PresetClassification {
  const window = presetWindow(preset);
  const run = simulate({ ...presetOptions(preset), spikesOnly: true });
  return { ...classifyPattern(run.spikes, window), presetId: preset.id, window };
}
