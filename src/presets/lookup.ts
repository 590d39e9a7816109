/** Finding presets by id and turning them into simulation options. */
import { UnknownPresetError } from '../errors.js';
import type { SimulationOptions } from '../model/simulate.js';
import { PRESETS, type Preset } from './presets.js';
import { protocolOptions } from './protocol.js';

const byId = new Map(PRESETS.map((preset) => [preset.id, preset]));

/** The ids of all presets, types first, then features A–T. */
export const PRESET_IDS: readonly string[] = PRESETS.map((preset) => preset.id);

/** The preset with this id; throws `UnknownPresetError` (listing the known ids) otherwise. */
export function getPreset(id: string): Preset {
  const preset = byId.get(id);
  if (preset === undefined) throw new UnknownPresetError(id, PRESET_IDS);
  return preset;
}

/** The simulation options of a preset, with any of them overridden. */
export function presetOptions(
  preset: Preset | string,
  overrides: Partial<SimulationOptions> = {},
): SimulationOptions {
  return protocolOptions(typeof preset === 'string' ? getPreset(preset) : preset, overrides);
}
