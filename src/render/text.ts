/** Text for SVG: escaping, and widths measured from the shipped font so that labels never collide. */

/** Advance widths of DejaVu Sans for the characters U+0020 … U+007E, in thousandths of an em. */
const ASCII_WIDTHS = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
  636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
  575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
  611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
  278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/** Widths of the few non-ASCII characters the figures use; anything else counts as a wide glyph. */
const OTHER_WIDTHS: Readonly<Record<string, number>> = {
  '−': 838,
  '–': 500,
  '—': 1000,
  '…': 1000,
  '·': 318,
  κ: 589,
  '²': 401,
  μ: 636,
  '×': 838,
};

/** The width (px) of `text` set in DejaVu Sans at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let thousandths = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    thousandths +=
      code >= 32 && code < 127 ? (ASCII_WIDTHS[code - 32] as number) : (OTHER_WIDTHS[char] ?? 1000);
  }
  return (thousandths / 1000) * fontSize;
}

/** Escapes text for an SVG text node or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Shortens `text` with an ellipsis until it fits in `maxWidth` px. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + '…';
}

/** The largest font size from `maxSize` down to `minSize` (in 0.5 px steps) at which `text` fits. */
export function fittingFontSize(
  text: string,
  maxSize: number,
  minSize: number,
  maxWidth: number,
): number {
  let size = maxSize;
  while (size > minSize && textWidth(text, size) > maxWidth) size -= 0.5;
  return size;
}
