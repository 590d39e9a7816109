/**
 * A small labelled number input with its message underneath, for ranges and step counts, where
 * a slider would not help. The view decides what is valid; the field only shows the verdict.
 */
import { el, uniqueId } from '../ui/dom.js';

export interface NumberField {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** The typed text as a number (NaN when it is not one). */
  value(): number;
  /** Shows a value set from outside without calling `onInput`. */
  set(value: number): void;
  setError(message: string | undefined): void;
  /** Changes the label (a unit that follows the model's form). */
  setLabel(label: string): void;
}

export function createNumberField(options: {
  readonly label: string;
  readonly name: string;
  readonly value: number;
  readonly help?: string;
  readonly onInput: () => void;
}): NumberField {
  const id = uniqueId(`field-${options.name}`);
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const input = el('input', {
    id,
    type: 'text',
    class: 'number',
    inputmode: 'decimal',
    value: String(options.value),
    // The help (when there is one) and the message are what a screen reader reads after the name.
    'aria-describedby': options.help === undefined ? errorId : `${helpId} ${errorId}`,
    'data-field': options.name,
  });
  const error = el('div', { id: errorId, class: 'field-error', role: 'alert' });
  const name = el('span', { class: 'field-name' }, options.label);
  const element = el(
    'div',
    { class: 'number-field' },
    el('div', { class: 'field-head' }, el('label', { for: id }, name), input),
    // Shown, not a tooltip: a touch screen has no hover, and a keyboard user no pointer.
    options.help === undefined
      ? undefined
      : el('div', { id: helpId, class: 'field-help' }, options.help),
    error,
  );
  input.addEventListener('input', options.onInput);
  const field: NumberField = {
    element,
    input,
    value() {
      const text = input.value.trim();
      return text === '' ? NaN : Number(text);
    },
    set(value) {
      input.value = String(value);
      field.setError(undefined);
    },
    setError(message) {
      error.textContent = message ?? '';
      element.classList.toggle('invalid', message !== undefined);
      input.setAttribute('aria-invalid', String(message !== undefined));
    },
    setLabel(label) {
      name.textContent = label;
    },
  };
  return field;
}

/**
 * Checks a from/to/steps triple and marks each field with its message; returns the range when
 * all three are valid.
 */
export function checkRange(
  from: NumberField,
  to: NumberField,
  steps: NumberField,
  maxSteps: number,
): { from: number; to: number; steps: number } | undefined {
  const f = from.value();
  const t = to.value();
  const s = steps.value();
  from.setError(Number.isFinite(f) ? undefined : 'from must be a number');
  if (!Number.isFinite(t)) to.setError('to must be a number');
  else if (Number.isFinite(f) && !(t > f)) to.setError(`to must be above from (${f})`);
  else to.setError(undefined);
  steps.setError(
    Number.isInteger(s) && s >= 2 && s <= maxSteps
      ? undefined
      : `a whole number from 2 to ${maxSteps}`,
  );
  if (Number.isFinite(f) && t > f && Number.isInteger(s) && s >= 2 && s <= maxSteps) {
    return { from: f, to: t, steps: s };
  }
  return undefined;
}
