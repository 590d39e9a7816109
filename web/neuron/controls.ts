/**
 * The neuron view's settings column: the preset picker, a slider field for every parameter, the
 * I(t) expression, the start values (u0 following b·v0 unless unticked), and the advanced model
 * terms with the integrator.
 */
import { INTEGRATORS, INTEGRATOR_NAMES, PRESETS, isIntegratorName, type Preset } from 'izhikit';
import { el, uniqueId } from '../ui/dom.js';
import { createSpecField, type SliderField } from '../ui/slider-field.js';
import { createExpressionField, type ExpressionField } from './expression-field.js';
import {
  ADVANCED_FIELDS,
  NEURON_FIELDS,
  INPUT_SCALE_FIELD,
  START_FIELDS,
  SUBSTEPS_FIELD,
  type FieldSpec,
} from './fields.js';
import { createPresetPicker } from './preset-picker.js';
import { isEdited, stateFromPreset, type NeuronState } from './state.js';

export type FieldKey = FieldSpec['key'];

export interface NeuronControls {
  readonly element: HTMLFormElement;
  readonly fields: ReadonlyMap<FieldKey, SliderField>;
  readonly expression: ExpressionField;
  /** Shows `state` in every control, without calling `update`. */
  show(state: NeuronState): void;
}

/** The u0 shown in its field: the given one, or b·v0 without the binary noise. */
export function u0Of(state: NeuronState): number {
  return state.u0 ?? Number((state.b * state.v0).toPrecision(12));
}

/**
 * `current` is the state now; every edit calls `update` with the next state and the edited
 * control (a field's key, 'preset', 'input', 'integrator').
 */
export function createNeuronControls(
  initial: NeuronState,
  current: () => NeuronState,
  update: (next: NeuronState, source: string) => void,
): NeuronControls {
  const fields = new Map<FieldKey, SliderField>();
  const picker = createPresetPicker((preset: Preset) =>
    update(stateFromPreset(preset, current()), 'preset'),
  );
  const expression = createExpressionField(initial.input, (text) =>
    update({ ...current(), input: text }, 'input'),
  );

  const makeField = (spec: FieldSpec): SliderField => {
    const field = createSpecField(
      spec,
      spec.key,
      spec.key === 'u0' ? u0Of(initial) : initial[spec.key],
      (value) => update({ ...current(), [spec.key]: value }, spec.key),
    );
    fields.set(spec.key, field);
    return field;
  };

  // u0 follows b·v0 until the user unticks the box.
  const autoU0Id = uniqueId('auto-u0');
  const autoU0 = el('input', { id: autoU0Id, type: 'checkbox', 'data-field': 'auto-u0' });
  autoU0.addEventListener('change', () => {
    // Unticked, the field starts from the b·v0 it showed (without the binary noise).
    const state = current();
    const u0 = autoU0.checked ? undefined : u0Of(state);
    update({ ...state, u0 }, 'u0');
  });

  const integratorId = uniqueId('integrator');
  const integrator = el('select', { id: integratorId, 'data-field': 'integrator' });
  for (const name of INTEGRATOR_NAMES) {
    integrator.append(el('option', { value: name, title: INTEGRATORS[name].description }, name));
  }
  integrator.addEventListener('change', () => {
    if (isIntegratorName(integrator.value))
      update({ ...current(), integrator: integrator.value }, 'integrator');
  });

  const advanced = el(
    'details',
    { class: 'advanced' },
    el('summary', {}, 'Advanced: model terms and integrator'),
    el(
      'p',
      { class: 'hint' },
      'dv/dt = k2·v² + k1·v + k0 − u + I,  du/dt = a·(b·(v − vb) − κ·u),  spike when v > vpeak.',
    ),
    ...ADVANCED_FIELDS.map((spec) => makeField(spec).element),
    el(
      'div',
      { class: 'select-field' },
      el('label', { for: integratorId }, el('span', { class: 'field-name' }, 'integrator')),
      integrator,
    ),
    makeField(SUBSTEPS_FIELD).element,
  );

  const element = el(
    'form',
    { class: 'controls', 'aria-label': 'Neuron parameters' },
    picker.element,
    el(
      'fieldset',
      {},
      el('legend', {}, 'Neuron'),
      ...NEURON_FIELDS.map((spec) => makeField(spec).element),
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Input'),
      expression.element,
      makeField(INPUT_SCALE_FIELD).element,
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Start and time grid'),
      ...START_FIELDS.map((spec) => {
        const field = makeField(spec);
        if (spec.key === 'u0') {
          field.element.append(
            el('label', { class: 'toggle', for: autoU0Id }, autoU0, ' u0 = b·v0'),
          );
        }
        return field.element;
      }),
    ),
    advanced,
  );
  element.addEventListener('submit', (event) => event.preventDefault());

  return {
    element,
    fields,
    expression,
    show(state) {
      for (const [key, field] of fields) {
        const value = key === 'u0' ? u0Of(state) : state[key];
        if (Number(field.number.value) !== value || field.number.value === '') field.set(value);
      }
      autoU0.checked = state.u0 === undefined;
      const u0Field = fields.get('u0');
      if (u0Field !== undefined) {
        u0Field.slider.disabled = state.u0 === undefined;
        u0Field.number.disabled = state.u0 === undefined;
      }
      integrator.value = state.integrator;
      const substeps = fields.get('substeps');
      if (substeps !== undefined) substeps.element.hidden = state.integrator === 'reference';
      if (expression.input.value !== state.input) expression.set(state.input);
      const preset = PRESETS.find((p) => p.id === state.preset);
      picker.show(state.preset, preset !== undefined && isEdited(preset, state));
    },
  };
}
