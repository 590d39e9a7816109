/** Finding the presets of the 2007 form by id and turning them into simulation options. */
import { UnknownPresetError } from '../errors.js';
import type { BookSimulationOptions } from '../model/simulate-2007.js';
import { CELLS_2007, type BookPreset } from './cells-2007.js';
import { protocolOptions } from './protocol.js';

const byId = new Map(CELLS_2007.map((preset) => [preset.id, preset]));

/** The ids of the book's cell types, in the chapter's order. */
export const BOOK_PRESET_IDS: readonly string[] = CELLS_2007.map((preset) => preset.id);

/** Whether `id` names one of the book's cell types. */
export function isBookPresetId(id: string): boolean {
  return byId.has(id);
}

/** The book preset with this id; throws `UnknownPresetError` (listing the known ids) otherwise. */
export function getBookPreset(id: string): BookPreset {
  const preset = byId.get(id);
  if (preset === undefined) throw new UnknownPresetError(id, BOOK_PRESET_IDS);
  return preset;
}

/** What a preset's options are made of: neuron, initial state, grid and input. */
export type BookProtocol = Pick<BookPreset, 'params' | 'v0' | 'u0' | 'dt' | 'duration' | 'input'>;

/** The simulation options of a book preset (or protocol), with any of them overridden. */
export function bookPresetOptions(
  preset: BookProtocol | string,
  overrides: Partial<BookSimulationOptions> = {},
): BookSimulationOptions {
  return protocolOptions(typeof preset === 'string' ? getBookPreset(preset) : preset, overrides);
}
