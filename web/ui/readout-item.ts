/** One "term: value" pair of a readout line, kept together when the line wraps. */
import { el } from './dom.js';

export function readoutItem(
  term: string,
  value: string,
  name: string,
  options: { title?: string; muted?: boolean } = {},
): HTMLElement {
  return el(
    'div',
    { class: 'readout-item' },
    el('dt', {}, term),
    el(
      'dd',
      { 'data-value': name, title: options.title, class: options.muted ? 'muted' : undefined },
      value,
    ),
  );
}
