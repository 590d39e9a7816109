import { describe, it, expect } from 'vitest';
import { escapeXml, fitText, fittingFontSize, textWidth } from '../../src/render/text.js';

describe('textWidth(text, fontSize)', () => {
  it('adds the advance widths of DejaVu Sans', () => {
    expect(textWidth('', 12)).toBe(0);
    expect(textWidth('0', 10)).toBeCloseTo(6.36, 2);
    expect(textWidth('mm', 10)).toBeCloseTo(19.48, 2);
    expect(textWidth('−20', 10)).toBeCloseTo(8.38 + 12.72, 2);
  });
});

describe('fitText(text, fontSize, maxWidth) and fittingFontSize(…)', () => {
  it('keeps text that fits and shortens text that does not, with an ellipsis', () => {
    expect(fitText('tonic', 12, 100)).toBe('tonic');
    const short = fitText('inhibition-induced bursting', 12, 80);
    expect(short.endsWith('…')).toBe(true);
    expect(textWidth(short, 12)).toBeLessThanOrEqual(80);
  });

  it('shrinks the font down to the minimum', () => {
    expect(fittingFontSize('abc', 12, 10, 100)).toBe(12);
    const size = fittingFontSize('(T) inhibition-induced bursting', 12, 10, 180);
    expect(size).toBeLessThan(12);
    expect(textWidth('(T) inhibition-induced bursting', size)).toBeLessThanOrEqual(180);
    expect(fittingFontSize('a very long title indeed', 12, 10, 10)).toBe(10);
  });
});

describe('escapeXml(text)', () => {
  it('escapes the XML special characters', () => {
    expect(escapeXml(`a<b && c>"d"`)).toBe('a&lt;b &amp;&amp; c&gt;&quot;d&quot;');
  });
});
