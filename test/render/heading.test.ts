import { describe, expect, it } from 'vitest';
import { figureHeader, notesBlock, wrapWords } from '../../src/render/heading.js';
import { textWidth } from '../../src/render/text.js';

describe('wrapWords(sentence, size, width)', () => {
  it('keeps every word, in order, on lines no wider than the width', () => {
    const sentence =
      'each reset adds d to u until one lands above the v-nullcline and the burst ends';
    const lines = wrapWords(sentence, 12, 120);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(sentence);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(120);
  });
});

describe('notesBlock(sentences, top, width)', () => {
  it('sets one text element per wrapped line and returns where the block ends', () => {
    const { markup, bottom } = notesBlock(['one short note', 'another short note'], 100, 500);
    expect(markup.match(/<text /g)).toHaveLength(2);
    expect(bottom).toBeGreaterThan(100);
  });
});

describe('figureHeader(x, maxWidth, title, subtitle)', () => {
  it('draws the title, and the subtitle only when given', () => {
    expect(figureHeader(10, 300, 'Phase plane', 'at I = 4')).toMatch(
      /figure-title.*figure-subtitle/s,
    );
    expect(figureHeader(10, 300, 'Phase plane')).not.toMatch(/figure-subtitle/);
  });
});
