import { describe, expect, it } from 'vitest';
import { csvChunks } from '../../src/record/csv.js';

describe('csvChunks(header, rowCount, row)', () => {
  it('yields the header and every row, in chunks of about 64 kB', () => {
    const chunks = Array.from(csvChunks('k', 20000, (k) => String(k)));
    expect(chunks.length).toBeGreaterThan(1);
    const lines = chunks.join('').trim().split('\n');
    expect(lines[0]).toBe('k');
    expect(lines).toHaveLength(20001);
    expect(lines[20000]).toBe('19999');
  });
});
