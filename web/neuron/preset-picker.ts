/**
 * The preset picker: the neuron types of [2003] and the features of [2004] as two groups, each
 * entry with its name and figure letter, and the chosen one's description under the list, with a
 * reset once its values are edited.
 */
import { PRESETS, type Preset } from 'izhikit';
import { el, uniqueId } from '../ui/dom.js';

export const PRESET_GROUPS = [
  { group: 'types', label: 'neuron types (2003)' },
  { group: 'features', label: 'features (2004)' },
] as const;

/** How a preset is named in lists: "K · resonator" for the features, the name for the types. */
export function presetTitle(preset: Preset): string {
  return preset.letter === undefined ? preset.name : `${preset.letter} · ${preset.name}`;
}

export interface PresetPicker {
  readonly element: HTMLElement;
  readonly select: HTMLSelectElement;
  /** Shows `id` as chosen (or "custom" when undefined) and whether the values were edited. */
  show(id: string | undefined, edited: boolean): void;
}

const CUSTOM = '';

export function createPresetPicker(onChoose: (preset: Preset) => void): PresetPicker {
  const id = uniqueId('preset');
  const select = el('select', { id, 'data-field': 'preset' });
  // Shown for a neuron that no preset describes (a link with numbers only); not a choice.
  select.append(el('option', { value: CUSTOM, disabled: true }, 'custom neuron'));
  for (const { group, label } of PRESET_GROUPS) {
    const optgroup = el('optgroup', { label });
    for (const preset of PRESETS.filter((p) => p.group === group)) {
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
    const preset = PRESETS.find((p) => p.id === select.value);
    if (preset !== undefined) onChoose(preset);
  });
  return {
    element,
    select,
    show(presetId, edited) {
      const preset = PRESETS.find((p) => p.id === presetId);
      select.value = preset?.id ?? CUSTOM;
      description.replaceChildren();
      if (preset === undefined) {
        description.append('Your own neuron: set a, b, c, d and the input.');
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
