/** The parts every figure shares: a title with a subtitle, and paragraphs of notes wrapped to a width. */
import { text } from './svg.js';
import { fitText, textWidth } from './text.js';
import { THEME } from './theme.js';

/** The title (and subtitle, if any) at the top left of a figure, each cut to `maxWidth`. */
export function figureHeader(
  x: number,
  maxWidth: number,
  title: string,
  subtitle?: string,
  baseline = 24,
): string {
  return (
    text(x, baseline, fitText(title, THEME.titleSize, maxWidth), {
      class: 'figure-title',
      'font-size': THEME.titleSize,
      fill: THEME.text,
    }) +
    (subtitle === undefined
      ? ''
      : text(x, baseline + 18, fitText(subtitle, THEME.labelSize, maxWidth), {
          class: 'figure-subtitle',
          'font-size': THEME.labelSize,
          fill: THEME.mutedText,
        }))
  );
}

/** Splits a sentence into lines no wider than `width` at font size `size`. */
export function wrapWords(sentence: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of sentence.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (textWidth(next, size) > width && current !== '') {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current !== '') lines.push(current);
  return lines;
}

/**
 * Sentences set as paragraphs of notes from the left edge (x = 20) below `top`, wrapped to
 * `width`; returns the markup and the baseline of the last line.
 */
export function notesBlock(
  sentences: readonly string[],
  top: number,
  width: number,
): { markup: string; bottom: number } {
  const size = THEME.smallSize + 1;
  let y = top;
  let markup = '';
  for (const sentence of sentences) {
    for (const row of wrapWords(sentence, size, width)) {
      y += THEME.smallSize + 5;
      markup += text(20, y, row, { 'font-size': size, fill: THEME.text });
    }
    y += 3;
  }
  return { markup, bottom: y };
}
