/**
 * The "synapses per neuron" field: empty or `all` is the paper's network (every neuron to every
 * neuron), a number K a sparse network of K random inputs per neuron (the library checks K).
 */
import { el, uniqueId } from '../ui/dom.js';

export interface SynapsesField {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** Shows a value set from outside (the URL, Back) without handing it on. */
  set(value: number | 'all'): void;
  setError(message: string | undefined): void;
}

/** The field's text as a setting: `all`, a number, or `undefined` for text that is neither. */
export function parseSynapses(text: string): number | 'all' | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'all') return 'all';
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

export function createSynapsesField(
  value: number | 'all',
  onInput: (value: number | 'all') => void,
): SynapsesField {
  const id = uniqueId('field-net-synapses');
  const error = el('div', { id: `${id}-error`, class: 'field-error', role: 'alert' });
  const input = el('input', {
    id,
    type: 'text',
    class: 'number',
    inputmode: 'numeric',
    placeholder: 'all',
    autocomplete: 'off',
    'aria-describedby': error.id,
    'data-field': 'net-synapses',
  });
  const element = el(
    'div',
    { class: 'slider-field' },
    el(
      'div',
      { class: 'field-head' },
      el(
        'label',
        {
          for: id,
          title:
            'empty or all: every neuron to every neuron, as in the paper; K: K random inputs per ' +
            'neuron, weights scaled so the drive stays the paper’s (SPEC §8)',
        },
        el('span', { class: 'field-name' }, 'synapses per neuron'),
      ),
      input,
    ),
    error,
  );
  const field: SynapsesField = {
    element,
    input,
    set(next) {
      input.value = next === 'all' ? 'all' : String(next);
      field.setError(undefined);
    },
    setError(message) {
      error.textContent = message ?? '';
      element.classList.toggle('invalid', message !== undefined);
      input.setAttribute('aria-invalid', String(message !== undefined));
    },
  };
  input.addEventListener('input', () => {
    const parsed = parseSynapses(input.value);
    if (parsed === undefined) {
      field.setError('synapses per neuron must be a whole number, or all (empty) for every neuron');
      return;
    }
    field.setError(undefined);
    onInput(parsed);
  });
  field.set(value);
  return field;
}
