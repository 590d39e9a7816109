/**
 * The dynamics view: one neuron (a preset and its a, b, c, d), its f–I curve with the rheobase
 * and excitability class, and a parameter map of firing patterns over two parameters around it,
 * computed in Web Workers. A map cell opens in the neuron view. Bad values show next to their
 * field while the last good curve and map stay.
 */
import { PRESETS, type NeuronParameters, type Preset, type ResolvedMapSpec } from 'izhikit';
import { NEURON_FIELDS } from '../neuron/fields.js';
import { createPresetPicker, presetTitle } from '../neuron/preset-picker.js';
import { el } from '../ui/dom.js';
import { createSpecField, type SliderField } from '../ui/slider-field.js';
import { createFiPanel } from './fi-panel.js';
import type { Cell } from './map-canvas.js';
import { createMapPanel } from './map-panel.js';
import { neuronOf, type DynamicsState } from './state.js';

export interface DynamicsView {
  readonly element: HTMLElement;
  readonly state: DynamicsState;
  /** Replaces the state (the URL, Back) and recomputes the f–I curve. */
  setState(state: DynamicsState): void;
  /** Called when the view comes on screen: computes the curve, and a small map the first time. */
  onShow(): void;
}

type Letter = 'a' | 'b' | 'c' | 'd';

export function createDynamicsView(
  initial: DynamicsState,
  onChange: (state: DynamicsState) => void,
  onOpenCell: (spec: ResolvedMapSpec, cell: Cell) => void,
): DynamicsView {
  let state = initial;
  const invalid = new Set<Letter>();
  const fields = new Map<Letter, SliderField>();

  const picker = createPresetPicker((preset: Preset) => {
    const { a, b, c, d } = preset.params;
    update({ ...state, preset: preset.id, a, b, c, d });
  });
  // The neuron view has its own picker: keep the names of the two apart.
  picker.select.dataset.field = 'dyn-preset';

  for (const spec of NEURON_FIELDS) {
    const key = spec.key as Letter;
    fields.set(
      key,
      createSpecField(spec, `dyn-${key}`, initial[key], (value) => {
        invalid.delete(key);
        update({ ...state, [key]: value });
      }),
    );
    // The slider field reports a non-number only to itself: note it, so that nothing runs on it.
    const field = fields.get(key) as SliderField;
    field.number.addEventListener('input', () => {
      if (!Number.isFinite(Number(field.number.value)) || field.number.value.trim() === '') {
        invalid.add(key);
        fi.setStale(true);
      }
    });
  }
  const terms = el('p', { class: 'hint', 'data-model-terms': '' });

  const fi = createFiPanel((range) => update({ ...state, fi: range }), initial.fi);
  const map = createMapPanel({
    initial: initial.map,
    onSettings: (settings) => {
      state = { ...state, map: settings };
      onChange(state);
    },
    onOpenCell,
    base: () => (invalid.size > 0 ? undefined : { neuron: neuronOf(state), name: neuronName() }),
  });

  const controls = el(
    'form',
    { class: 'controls', 'aria-label': 'Dynamics settings' },
    picker.element,
    el(
      'fieldset',
      {},
      el('legend', {}, 'Neuron'),
      ...[...fields.values()].map((field) => field.element),
      terms,
    ),
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

  function preset(): Preset | undefined {
    return PRESETS.find((p) => p.id === state.preset);
  }

  function edited(): boolean {
    const p = preset();
    return p !== undefined && (['a', 'b', 'c', 'd'] as const).some((k) => p.params[k] !== state[k]);
  }

  function neuronName(): string {
    const p = preset();
    if (p === undefined) return 'custom neuron';
    return edited() ? `${presetTitle(p)}, edited` : presetTitle(p);
  }

  function showState(): void {
    for (const [key, field] of fields) {
      if (Number(field.number.value) !== state[key] || field.number.value === '') {
        field.set(state[key]);
      }
    }
    picker.show(state.preset, edited());
    const p = preset();
    const extra = Object.entries(p?.params ?? {}).filter(
      ([name]) => !['a', 'b', 'c', 'd'].includes(name),
    );
    terms.textContent =
      extra.length === 0
        ? ''
        : `Model terms from the preset: ${extra.map(([name, value]) => `${name} = ${String(value)}`).join(', ')}.`;
  }

  function neuron(): NeuronParameters {
    return neuronOf(state);
  }

  function update(next: DynamicsState): void {
    state = next;
    showState();
    if (invalid.size === 0) {
      fi.compute(neuron(), state.fi, neuronName());
      map.noteChange(neuron());
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
      state = next;
      invalid.clear();
      showState();
      fi.showRange(state.fi);
      map.showSettings(state.map);
      if (shownOnce) fi.compute(neuron(), state.fi, neuronName());
      map.noteChange(neuron());
    },
    onShow() {
      if (!shownOnce) fi.compute(neuron(), state.fi, neuronName());
      shownOnce = true;
      map.runOnce(neuron(), neuronName());
    },
  };
}
