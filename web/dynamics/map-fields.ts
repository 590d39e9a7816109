/**
 * The parameter map's settings fields: for each axis its parameter (among those of the neuron's
 * form), range and steps, and the step input; read and checked together, with each problem marked
 * at its field.
 */
import { IzhikitError, ParameterError } from 'izhikit';
import { el, uniqueId } from '../ui/dom.js';
import { checkRange, createNumberField, type NumberField } from './number-field.js';
import type { MapModel } from './map-model.js';
import { MAX_STEPS, type AxisName, type MapSettings } from './state.js';

interface AxisControls {
  readonly name: HTMLSelectElement;
  readonly nameError: HTMLElement;
  readonly from: NumberField;
  readonly to: NumberField;
  readonly steps: NumberField;
  readonly element: HTMLElement;
}

export interface MapFields {
  /** The x axis, the y axis and the step input, in that order. */
  readonly elements: readonly HTMLElement[];
  /** Reads and checks the fields; marks the bad ones; the settings when all are good. */
  read(): MapSettings | undefined;
  /** Shows settings set from outside (the URL, a switch of form) without calling `onEdit`. */
  show(settings: MapSettings, model: MapModel): void;
  /**
   * Marks the field a map spec error (of either form) is about; returns the text to show above the map
   * when no field is at fault, or undefined.
   */
  markSpecError(error: unknown): string | undefined;
}

/** `onEdit` is called at every edit of a field (the settings may be bad: read them to know). */
export function createMapFields(
  initial: MapSettings,
  initialModel: MapModel,
  onEdit: () => void,
): MapFields {
  let model = initialModel;
  /** Fills an axis menu with the parameters of the form. */
  const fillChoices = (select: HTMLSelectElement): void => {
    select.replaceChildren(
      ...model.axes.map((option) =>
        el('option', { value: option }, model.choices[option] ?? option),
      ),
    );
  };
  const makeAxis = (label: 'x' | 'y', axis: MapSettings['x']): AxisControls => {
    const selectId = uniqueId(`map-${label}`);
    const name = el('select', { id: selectId, 'data-field': `map-${label}-name` });
    fillChoices(name);
    name.value = axis.name;
    const nameError = el('div', { class: 'field-error', role: 'alert' });
    const field = (part: 'from' | 'to' | 'steps', value: number): NumberField =>
      createNumberField({
        label: part,
        name: `map-${label}-${part}`,
        value,
        onInput: () => onEdit(),
      });
    const from = field('from', axis.from);
    const to = field('to', axis.to);
    const steps = field('steps', axis.steps);
    name.addEventListener('change', () => {
      // A range for a is no range for c: start from the new parameter's usual one.
      const range = model.ranges[name.value as AxisName];
      if (range !== undefined) {
        from.set(range.from);
        to.set(range.to);
      }
      onEdit();
    });
    const element = el(
      'div',
      { class: 'map-axis' },
      el(
        'div',
        { class: 'select-field' },
        el('label', { for: selectId }, el('span', { class: 'field-name' }, `${label} axis`)),
        name,
      ),
      nameError,
      el('div', { class: 'range-row' }, from.element, to.element, steps.element),
    );
    return { name, nameError, from, to, steps, element };
  };
  const x = makeAxis('x', initial.x);
  const y = makeAxis('y', initial.y);
  const input = createNumberField({
    label: model.inputLabel,
    name: 'map-input',
    value: initial.input,
    help: 'the constant input each cell steps to at t = 0, from rest at I = 0',
    onInput: () => onEdit(),
  });

  return {
    elements: [x.element, y.element, input.element],
    read() {
      const rx = checkRange(x.from, x.to, x.steps, MAX_STEPS);
      const ry = checkRange(y.from, y.to, y.steps, MAX_STEPS);
      const I = input.value();
      input.setError(Number.isFinite(I) ? undefined : 'the step input must be a number');
      const same = x.name.value === y.name.value;
      y.nameError.textContent = same ? 'choose a parameter other than the x axis' : '';
      x.nameError.textContent = '';
      if (rx === undefined || ry === undefined || !Number.isFinite(I) || same) return undefined;
      return {
        x: { name: x.name.value as AxisName, ...rx },
        y: { name: y.name.value as AxisName, ...ry },
        input: I,
      };
    },
    show(settings, shownModel) {
      if (shownModel !== model) {
        model = shownModel;
        fillChoices(x.name);
        fillChoices(y.name);
        input.setLabel(model.inputLabel);
      }
      for (const [controls, axis] of [
        [x, settings.x],
        [y, settings.y],
      ] as const) {
        controls.name.value = axis.name;
        controls.from.set(axis.from);
        controls.to.set(axis.to);
        controls.steps.set(axis.steps);
      }
      input.set(settings.input);
    },
    markSpecError(error) {
      // The axis at fault: named as x or y, or by the parameter it sweeps (a corner of the grid
      // that is no valid neuron, such as C ≤ 0).
      const axis =
        error instanceof ParameterError
          ? [x, y].find(
              (controls, i) =>
                error.parameter === (i === 0 ? 'x' : 'y') ||
                error.parameter === controls.name.value,
            )
          : undefined;
      if (axis !== undefined) {
        axis.nameError.textContent = (error as Error).message;
      } else if (error instanceof ParameterError && error.parameter === 'input') {
        input.setError(error.message);
      } else {
        return error instanceof IzhikitError ? error.message : String(error);
      }
      return undefined;
    },
  };
}
