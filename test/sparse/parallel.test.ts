import { describe, expect, it } from 'vitest';
import { threadBounds } from '../../src/sparse/parallel.js';

describe('threadBounds(n, parties)', () => {
  it('splits the network at whole blocks of 256 neurons, as evenly as they come', () => {
    expect(Array.from(threadBounds(1000, 1))).toEqual([0, 1000]);
    expect(Array.from(threadBounds(1000, 2))).toEqual([0, 512, 1000]);
    expect(Array.from(threadBounds(2000, 3))).toEqual([0, 512, 1280, 2000]);
  });
});
