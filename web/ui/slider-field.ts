/**
 * A labelled number control: a slider for dragging and a numeric field for exact values, kept in
 * step. The field accepts any finite number (the slider's range is only its travel), and an
 * inline message shows when the value is not accepted.
 */
import { el, uniqueId } from './dom.js';

export interface SliderFieldOptions {
  readonly label: string;
  /** Unit or short hint shown after the label. */
  readonly unit?: string;
  /** Longer help, shown as a tooltip and read by screen readers. */
  readonly help?: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value: number;
  /** Called with every accepted value, while the slider moves or the field is typed in. */
  readonly onInput: (value: number) => void;
  /** A name for tests and styling (`data-field`). */
  readonly name: string;
}

export interface SliderField {
  readonly element: HTMLElement;
  readonly slider: HTMLInputElement;
  readonly number: HTMLInputElement;
  /** Shows a value set from outside (a preset, the URL) without calling `onInput`. */
  set(value: number): void;
  /** Shows a message under the control, or clears it with `undefined`. */
  setError(message: string | undefined): void;
}

function decimalsOf(step: number): number {
  const text = String(step);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export function createSliderField(options: SliderFieldOptions): SliderField {
  const id = uniqueId(`field-${options.name}`);
  const errorId = `${id}-error`;
  const decimals = decimalsOf(options.step);
  const number = el('input', {
    id,
    type: 'number',
    class: 'number',
    step: 'any',
    inputmode: 'decimal',
    value: String(options.value),
    'aria-describedby': errorId,
    'data-field': options.name,
  });
  const slider = el('input', {
    type: 'range',
    class: 'slider',
    min: options.min,
    max: options.max,
    step: options.step,
    value: String(options.value),
    'aria-label': `${options.label} slider`,
    'data-slider': options.name,
  });
  const error = el('div', { id: errorId, class: 'field-error', role: 'alert' });
  const label = el(
    'label',
    { for: id, title: options.help },
    el('span', { class: 'field-name' }, options.label),
    options.unit === undefined ? null : el('span', { class: 'field-unit' }, options.unit),
  );
  const element = el(
    'div',
    { class: 'slider-field' },
    el('div', { class: 'field-head' }, label, number),
    slider,
    error,
  );

  /** The last number handed on: a field left empty or half-typed ("-", "1e") returns to it. */
  let accepted = options.value;
  const isNumber = (text: string): boolean => text !== '' && Number.isFinite(Number(text));

  slider.addEventListener('input', () => {
    // Round away the binary noise of min + n·step (0.020000000000000004).
    const value = Number(Number(slider.value).toFixed(decimals));
    number.value = String(value);
    accepted = value;
    field.setError(undefined);
    options.onInput(value);
  });
  number.addEventListener('input', () => {
    const text = number.value.trim();
    const value = Number(text);
    if (!isNumber(text)) {
      field.setError(`${options.label} must be a number`);
      return;
    }
    field.setError(undefined);
    slider.value = String(value);
    accepted = value;
    options.onInput(value);
  });
  // On leaving the field (or Enter), text that is not a number gives way to the value in use,
  // so the field never disagrees with the plot.
  number.addEventListener('change', () => {
    if (isNumber(number.value.trim())) return;
    number.value = String(accepted);
    field.setError(undefined);
  });

  const field: SliderField = {
    element,
    slider,
    number,
    set(value) {
      accepted = value;
      number.value = String(value);
      slider.value = String(value);
      field.setError(undefined);
    },
    setError(message) {
      error.textContent = message ?? '';
      element.classList.toggle('invalid', message !== undefined);
      number.setAttribute('aria-invalid', String(message !== undefined));
    },
  };
  return field;
}

/** The labels and travel of a slider field, as the views list them in tables. */
export interface SliderSpec {
  readonly label: string;
  readonly unit?: string;
  readonly help: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** A slider field for a listed `spec`, named `name` (`data-field`) and showing `value`. */
export function createSpecField(
  spec: SliderSpec,
  name: string,
  value: number,
  onInput: (value: number) => void,
): SliderField {
  return createSliderField({
    name,
    label: spec.label,
    ...(spec.unit === undefined ? {} : { unit: spec.unit }),
    help: spec.help,
    min: spec.min,
    max: spec.max,
    step: spec.step,
    value,
    onInput,
  });
}
