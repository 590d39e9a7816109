/**
 * The text field for I(t). A parse error is shown right under the text with the character at
 * the error's position marked, so the user sees where the expression went wrong. The field wraps
 * long protocols (the resonator's four pulses) instead of hiding their end.
 */
import { el, uniqueId } from '../ui/dom.js';

export interface ExpressionField {
  readonly element: HTMLElement;
  readonly input: HTMLTextAreaElement;
  set(text: string): void;
  /**
   * Marks `position` in the current text and shows `message` (a problem of the whole expression,
   * such as I(t) = Infinity, has no position); `undefined` clears.
   */
  setError(error: { message: string; position?: number } | undefined): void;
}

export function createExpressionField(
  value: string,
  onInput: (text: string) => void,
): ExpressionField {
  const id = uniqueId('field-input');
  const errorId = `${id}-error`;
  const input = el('textarea', {
    id,
    class: 'expression',
    rows: 1,
    spellcheck: 'false',
    autocomplete: 'off',
    autocapitalize: 'off',
    'aria-describedby': errorId,
    'data-field': 'input',
  });
  const error = el('div', { id: errorId, class: 'expression-error', role: 'alert' });
  const element = el(
    'div',
    { class: 'expression-field' },
    el(
      'label',
      { for: id },
      el('span', { class: 'field-name' }, 'I(t)'),
      el('span', { class: 'field-unit' }, 'input current, an expression of t (ms)'),
    ),
    input,
    error,
    el(
      'p',
      { class: 'hint' },
      // ASCII operators only: the hint is copied into the field, and '−' (U+2212) does not parse.
      'Numbers, t, + - * / ^, < <= > >= == != (true is 1), && || !, cond ? x : y, ' +
        'abs min max sqrt exp log sin cos floor ceil, pi. Example: 10*(t>20 && t<80).',
    ),
  );
  input.value = value;
  // One expression, one line: Enter does not add a line break (the text still wraps to fit).
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  input.addEventListener('input', () => onInput(input.value));
  return {
    element,
    input,
    set(text) {
      input.value = text;
    },
    setError(problem) {
      error.replaceChildren();
      element.classList.toggle('invalid', problem !== undefined);
      input.setAttribute('aria-invalid', String(problem !== undefined));
      if (problem === undefined) return;
      if (problem.position === undefined) {
        error.append(el('span', { class: 'expression-message' }, problem.message));
        return;
      }
      const text = input.value;
      const at = Math.max(0, Math.min(problem.position, text.length));
      // Past the end the mark stands on an empty cell, where the missing token should go.
      const marked = text.slice(at, at + 1) || '\u2002';
      error.append(
        el(
          'code',
          { class: 'expression-echo' },
          text.slice(0, at),
          el('mark', { 'data-position': at }, marked),
          text.slice(at + 1),
        ),
        el('span', { class: 'expression-message' }, problem.message),
      );
    },
  };
}
