/**
 * The preset picker: the neuron types of [2003], the features of [2004] and (in the neuron view)
 * the cell types of [2007] as groups, each entry with its name and figure letter, and the chosen
 * one's description under the list, with a reset once its values are edited.
 */
import { el, uniqueId } from '../ui/dom.js';
import { ALL_PRESETS, type AnyPreset } from './models.js';

export interface PresetGroup {
  readonly group: AnyPreset['group'];
  readonly label: string;
}

/** The groups of the 2003 form's presets. */
export const PRESET_GROUPS = [
  { group: 'types', label: 'neuron types (2003)' },
  { group: 'features', label: 'features (2004)' },
] as const;

/** The neuron view's groups: the 2003 form's, then the book's cells (2007 form, in pA). */
export const NEURON_PRESET_GROUPS: readonly PresetGroup[] = [
  ...PRESET_GROUPS,
  { group: 'cells-2007', label: 'cell types of the book (2007 form, pA)' },
];

/** How a preset is named in lists: "K · resonator" for the features, the name for the others. */
export function presetTitle(preset: AnyPreset): string {
  return !('letter' in preset) || preset.letter === undefined
    ? preset.name
    : `${preset.letter} · ${preset.name}`;
}

export interface PresetPicker {
  readonly element: HTMLElement;
  readonly select: HTMLSelectElement;
  /** Shows `id` as chosen (or "custom" when undefined) and whether the values were edited. */
  show(id: string | undefined, edited: boolean): void;
}

const CUSTOM = '';

/** A picker of the presets of `groups` (by default the 2003 form's). */
export function createPresetPicker<P extends AnyPreset>(
  onChoose: (preset: P) => void,
  groups: readonly PresetGroup[] = PRESET_GROUPS,
): PresetPicker {
  const offered = ALL_PRESETS.filter((p) => groups.some((g) => g.group === p.group)) as P[];
  const id = uniqueId('preset');
  const select = el('select', { id, 'data-field': 'preset' });
  // Shown for a neuron that no preset describes (a link with numbers only); not a choice.
  select.append(el('option', { value: CUSTOM, disabled: true }, 'custom neuron'));
  for (const { group, label } of groups) {
    const optgroup = el('optgroup', { label });
    for (const preset of offered.filter((p) => p.group === group)) {
      optgroup.append(
        el('option', { value: preset.id, title: preset.description }, presetTitle(preset)),
      );
    }
    select.append(optgroup);
  }
  const description = el('p', { class: 'preset-description', 'aria-live': 'polite' });
  const element = el(
    'div',
    { class: 'preset-picker' },
    el('label', { for: id }, el('span', { class: 'field-name' }, 'Preset')),
    select,
    description,
  );
  select.addEventListener('change', () => {
    const preset = offered.find((p) => p.id === select.value);
    if (preset !== undefined) onChoose(preset);
  });
  return {
    element,
    select,
    show(presetId, edited) {
      const preset = offered.find((p) => p.id === presetId);
      select.value = preset?.id ?? CUSTOM;
      description.replaceChildren();
      if (preset === undefined) {
        description.append('Your own neuron: set its parameters and the input.');
        return;
      }
      description.append(
        el('span', { class: 'preset-source' }, preset.source),
        ` ${preset.description}`,
      );
      if (edited) {
        // Choosing the same entry again fires no change event: this is the way back.
        const reset = el(
          'button',
          { type: 'button', class: 'link-button', 'data-action': 'reset-preset' },
          'reset',
        );
        reset.addEventListener('click', () => {
          onChoose(preset);
          // The link goes away with the edits: keep the keyboard's place on the list.
          select.focus();
        });
        description.append(el('em', { class: 'preset-edited' }, ' (values edited)'), ' ', reset);
      }
    },
  };
}
