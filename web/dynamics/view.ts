/**
 * The dynamics view: one neuron (a preset and its a, b, c, d, or of the 2007 form its C, k, vr, vt,
 * vpeak, a, b, c, d), its f–I curve with the rheobase and excitability class, and a parameter map
 * of firing patterns over two of its form's parameters around it, computed in Web Workers. A map
 * cell opens in the neuron view. Bad values show next to their field while the last good curve
 * and map stay.
 */
import { NEURON_FIELDS, type FieldSpec } from '../neuron/fields.js';
import {
  BOOK_FIELDS,
  MODEL_NAMES,
  findPreset,
  type AnyPreset,
  type BookFieldSpec,
  type ModelName,
} from '../neuron/models.js';
import { NEURON_PRESET_GROUPS, createPresetPicker, presetTitle } from '../neuron/preset-picker.js';
import { el } from '../ui/dom.js';
import { createSpecField, type SliderField } from '../ui/slider-field.js';
import { createFiPanel } from './fi-panel.js';
import type { Cell } from './map-canvas.js';
import type { AnyMapSpec } from './map-model.js';
import { createMapPanel } from './map-panel.js';
import {
  neuronOf,
  withPreset,
  type BookExtraKey,
  type DynamicsNeuron,
  type DynamicsState,
} from './state.js';

type NeuronKey = 'a' | 'b' | 'c' | 'd' | BookExtraKey;

export interface DynamicsView {
  readonly element: HTMLElement;
  readonly state: DynamicsState;
  /** Replaces the state (the URL, Back) and recomputes the f–I curve. */
  setState(state: DynamicsState): void;
  /** Called when the view comes on screen: computes the curve, and a small map the first time. */
  onShow(): void;
}

/** The sliders of each form: a, b, c, d (2003), or C, k, vr, vt, vpeak, a, b, c, d (2007). */
const FIELD_SPECS: Record<ModelName, readonly (FieldSpec | BookFieldSpec)[]> = {
  '2003': NEURON_FIELDS,
  '2007': BOOK_FIELDS,
};

export function createDynamicsView(
  initial: DynamicsState,
  onChange: (state: DynamicsState) => void,
  onOpenCell: (spec: AnyMapSpec, cell: Cell) => void,
): DynamicsView {
  let state = initial;
  /** Fields (by `data-field` name) holding text that is not a number. */
  const invalid = new Set<string>();
  const fieldsOf: Record<ModelName, Map<NeuronKey, SliderField>> = {
    '2003': new Map(),
    '2007': new Map(),
  };

  const picker = createPresetPicker(
    (preset) => update(withPreset(state, preset.id)),
    NEURON_PRESET_GROUPS,
  );
  // The neuron view has its own picker: keep the names of the two apart.
  picker.select.dataset.field = 'dyn-preset';

  const parts = MODEL_NAMES.map((model) => {
    const part = el('div', { class: 'model-part', 'data-model': model });
    for (const spec of FIELD_SPECS[model]) {
      const key = spec.key as NeuronKey;
      const name = model === '2007' ? `dyn-book-${key}` : `dyn-${key}`;
      const field = createSpecField(spec, name, initial[key], (value) => {
        invalid.delete(name);
        update({ ...state, [key]: value });
      });
      fieldsOf[model].set(key, field);
      // The slider field reports a non-number only to itself: note it, so that nothing runs on it.
      field.number.addEventListener('input', () => {
        if (!Number.isFinite(Number(field.number.value)) || field.number.value.trim() === '') {
          invalid.add(name);
          fi.setStale(true);
        }
      });
      part.append(field.element);
    }
    return part;
  });
  const terms = el('p', { class: 'hint', 'data-model-terms': '' });

  const fi = createFiPanel((range) => update({ ...state, fi: range }), initial.fi);
  const map = createMapPanel({
    initial: initial.map,
    initialModel: initial.model,
    onSettings: (settings) => {
      state = { ...state, map: settings };
      onChange(state);
    },
    onOpenCell,
    base: () => (invalid.size > 0 ? undefined : { neuron: neuron(), name: neuronName() }),
  });

  const controls = el(
    'form',
    { class: 'controls', 'aria-label': 'Dynamics settings' },
    picker.element,
    el('fieldset', {}, el('legend', {}, 'Neuron'), ...parts, terms),
    fi.controls,
    map.controls,
  );
  controls.addEventListener('submit', (event) => event.preventDefault());
  const element = el(
    'section',
    { class: 'view dynamics-view', 'data-view': 'dynamics' },
    el('div', { class: 'dynamics-plots' }, fi.card, map.card),
    controls,
  );

  function preset(): AnyPreset | undefined {
    return findPreset(state.preset);
  }

  function edited(): boolean {
    const p = preset();
    if (p === undefined) return false;
    const params = p.params as Readonly<Record<string, number | undefined>>;
    return [...fieldsOf[state.model].keys()].some((key) => params[key] !== state[key]);
  }

  function neuronName(): string {
    const p = preset();
    if (p === undefined) return 'custom neuron';
    return edited() ? `${presetTitle(p)}, edited` : presetTitle(p);
  }

  function showState(): void {
    for (const part of parts) part.hidden = part.dataset.model !== state.model;
    for (const [key, field] of fieldsOf[state.model]) {
      if (Number(field.number.value) !== state[key] || field.number.value === '') {
        field.set(state[key]);
      }
    }
    picker.show(state.preset, edited());
    const p = preset();
    const shown = new Set<string>(fieldsOf[state.model].keys());
    const extra = Object.entries(p?.params ?? {}).filter(([name]) => !shown.has(name));
    terms.textContent =
      extra.length === 0
        ? ''
        : `Model terms from the preset: ${extra.map(([name, value]) => `${name} = ${String(value)}`).join(', ')}.`;
  }

  function neuron(): DynamicsNeuron {
    return neuronOf(state);
  }

  function update(next: DynamicsState): void {
    if (next.fi !== state.fi) fi.showRange(next.fi);
    const switched = next.model !== state.model;
    if (switched) invalid.clear();
    if (next.map !== state.map) map.showSettings(next.map, next.model);
    state = next;
    showState();
    if (invalid.size === 0) {
      fi.compute(neuron(), state.fi, neuronName());
      // A map of the other form says nothing of this one: draw this form's, when it is small.
      if (switched && shownOnce) map.runOnce(neuron(), neuronName(), true);
      else map.noteChange(neuron());
    }
    onChange(state);
  }

  showState();
  let shownOnce = false;
  return {
    element,
    get state() {
      return state;
    },
    setState(next) {
      const switched = next.model !== state.model;
      state = next;
      invalid.clear();
      showState();
      fi.showRange(state.fi);
      map.showSettings(state.map, state.model);
      if (shownOnce) fi.compute(neuron(), state.fi, neuronName());
      if (switched && shownOnce) map.runOnce(neuron(), neuronName(), true);
      else map.noteChange(neuron());
    },
    onShow() {
      if (!shownOnce) fi.compute(neuron(), state.fi, neuronName());
      shownOnce = true;
      map.runOnce(neuron(), neuronName());
    },
  };
}
