/**
 * The neuron view's settings column: the model switch (2003 or 2007 form), the preset picker, a
 * slider field for every parameter of the form, the I(t) expression, the start values (u0
 * following the form's rule unless unticked), and the advanced model terms with the integrator.
 */
import { INTEGRATORS, INTEGRATOR_NAMES, isIntegratorName } from 'izhikit';
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
import {
  BOOK_FIELDS,
  BOOK_OPTIONAL_KEYS,
  BOOK_TERM_FIELDS,
  MODELS,
  MODEL_NAMES,
  findPreset,
  isModelName,
  type BookFieldSpec,
  type ModelName,
} from './models.js';
import { NEURON_PRESET_GROUPS, createPresetPicker } from './preset-picker.js';
import { isEdited, stateFromPreset, type NeuronState } from './state.js';

export type FieldKey = FieldSpec['key'] | BookFieldSpec['key'];

export interface NeuronControls {
  readonly element: HTMLFormElement;
  /** The fields of the running form, by the parameter they set. */
  readonly fields: ReadonlyMap<FieldKey, SliderField>;
  readonly expression: ExpressionField;
  /** Shows a message under the model switch (a link's bad model), or clears it. */
  setModelError(message: string | undefined): void;
  /** Shows `state` in every control, without calling `update`. */
  show(state: NeuronState): void;
}

/** The u0 shown in its field: the given one, else b·v0 (2003 form, without the binary noise) or 0. */
export function u0Of(state: NeuronState): number {
  if (state.u0 !== undefined) return state.u0;
  return state.model === '2007' ? 0 : Number((state.b * state.v0).toPrecision(12));
}

/** "uMax = 670 pA, …": the cell-type terms that have no slider, as the state sets them. */
function optionalTerms(state: NeuronState): string {
  const units = { uMax: 'pA', bHyper: 'nS', vHyper: 'mV', cubicVb: 'mV' } as const;
  const set = BOOK_OPTIONAL_KEYS.filter((key) => state[key] !== undefined).map(
    (key) => `${key} = ${state[key]} ${units[key]}`,
  );
  return set.length === 0 ? '' : `Terms of this cell: ${set.join(', ')}.`;
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
  // One map of fields per form: a, b, c, d of the two forms are different sliders.
  const fieldsOf: Record<ModelName, Map<FieldKey, SliderField>> = {
    '2003': new Map(),
    '2007': new Map(),
  };
  let fields = fieldsOf[initial.model];
  const picker = createPresetPicker(
    (preset) => update(stateFromPreset(preset, current()), 'preset'),
    NEURON_PRESET_GROUPS,
  );

  const modelId = uniqueId('model');
  const modelSelect = el('select', { id: modelId, 'data-field': 'model' });
  for (const name of MODEL_NAMES) {
    modelSelect.append(el('option', { value: name }, MODELS[name].label));
  }
  const modelError = el('div', { class: 'field-error', role: 'alert' });
  modelSelect.addEventListener('change', () => {
    const name = modelSelect.value;
    if (!isModelName(name) || name === current().model) return;
    const preset = findPreset(MODELS[name].defaultPreset);
    if (preset !== undefined) update(stateFromPreset(preset, current()), 'model');
  });
  const modelField = el(
    'div',
    { class: 'select-field model-field' },
    el('label', { for: modelId }, el('span', { class: 'field-name' }, 'Model')),
    modelSelect,
    modelError,
  );
  // The form is chosen first, in the picker's box: it decides the presets that fit.
  picker.element.prepend(modelField);
  const expression = createExpressionField(initial.input, (text) =>
    update({ ...current(), input: text }, 'input'),
  );

  /** A field of `model` ('both': of the two forms); the 2007 form's are named `book-KEY`. */
  const makeField = (spec: FieldSpec | BookFieldSpec, model: ModelName | 'both'): SliderField => {
    const field = createSpecField(
      spec,
      model === '2007' ? `book-${spec.key}` : spec.key,
      spec.key === 'u0' ? u0Of(initial) : (initial[spec.key] ?? 0),
      (value) => update({ ...current(), [spec.key]: value }, spec.key),
    );
    for (const name of model === 'both' ? MODEL_NAMES : [model])
      fieldsOf[name].set(spec.key, field);
    return field;
  };
  const modelPart = (model: ModelName, ...children: HTMLElement[]): HTMLElement =>
    el('div', { class: 'model-part', 'data-model': model }, ...children);

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

  const equations = el('p', { class: 'hint', 'data-equations': '' });
  const terms = el('p', { class: 'hint', 'data-book-terms': '' });
  const advanced = el(
    'details',
    { class: 'advanced' },
    el('summary', {}, 'Advanced: model terms and integrator'),
    equations,
    modelPart('2003', ...ADVANCED_FIELDS.map((spec) => makeField(spec, '2003').element)),
    modelPart('2007', ...BOOK_TERM_FIELDS.map((spec) => makeField(spec, '2007').element), terms),
    el(
      'div',
      { class: 'select-field' },
      el('label', { for: integratorId }, el('span', { class: 'field-name' }, 'integrator')),
      integrator,
    ),
    makeField(SUBSTEPS_FIELD, 'both').element,
  );
  const inputLegend = el('legend', {}, 'Input');
  const autoU0Label = el('span', {}, ` ${MODELS[initial.model].autoU0}`);

  const element = el(
    'form',
    { class: 'controls', 'aria-label': 'Neuron parameters' },
    picker.element,
    el(
      'fieldset',
      {},
      el('legend', {}, 'Neuron'),
      modelPart('2003', ...NEURON_FIELDS.map((spec) => makeField(spec, '2003').element)),
      modelPart('2007', ...BOOK_FIELDS.map((spec) => makeField(spec, '2007').element)),
    ),
    el(
      'fieldset',
      {},
      inputLegend,
      expression.element,
      makeField(INPUT_SCALE_FIELD, 'both').element,
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Start and time grid'),
      ...START_FIELDS.map((spec) => {
        const field = makeField(spec, 'both');
        if (spec.key === 'u0') {
          field.element.append(
            el('label', { class: 'toggle', for: autoU0Id }, autoU0, autoU0Label),
          );
        }
        return field.element;
      }),
    ),
    advanced,
  );
  element.addEventListener('submit', (event) => event.preventDefault());

  /** The form shown: its parts, its unit of current, its equations. */
  let shownModel: ModelName | undefined;
  const showModel = (model: ModelName): void => {
    fields = fieldsOf[model];
    if (model === shownModel) return;
    shownModel = model;
    modelSelect.value = model;
    for (const part of element.querySelectorAll<HTMLElement>('.model-part')) {
      part.hidden = part.dataset.model !== model;
    }
    const description = MODELS[model];
    equations.textContent = description.equations;
    inputLegend.textContent =
      description.currentUnit === '' ? 'Input' : `Input (${description.currentUnit})`;
    autoU0Label.textContent = ` ${description.autoU0}`;
    // u0 is a current in the 2007 form (pA), dimensionless in the 2003 form.
    const u0Label = fieldsOf[model].get('u0')?.element.querySelector('label');
    u0Label?.querySelector('.field-unit')?.remove();
    if (description.currentUnit !== '') {
      u0Label?.append(el('span', { class: 'field-unit' }, description.currentUnit));
    }
  };

  return {
    element,
    get fields() {
      return fields;
    },
    expression,
    setModelError(message) {
      modelError.textContent = message ?? '';
    },
    show(state) {
      showModel(state.model);
      if (state.model === '2007') terms.textContent = optionalTerms(state);
      for (const [key, field] of fields) {
        const value = key === 'u0' ? u0Of(state) : (state[key] ?? 0);
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
      const preset = findPreset(state.preset);
      picker.show(state.preset, preset !== undefined && isEdited(preset, state));
    },
  };
}
