import { describe, expect, it } from 'vitest';
import { GrowableFloat64Array } from '../../src/record/growable.js';

describe('GrowableFloat64Array', () => {
  it('push() grows past its capacity and keeps every value in order', () => {
    const values = new GrowableFloat64Array(2);
    for (let i = 0; i < 1000; i++) values.push(i / 4);
    expect(values.length).toBe(1000);
    expect(Array.from(values.toArray())).toEqual(Array.from({ length: 1000 }, (_, i) => i / 4));
  });

  it('toArray() is an exact-length copy; view() shares storage; clear() empties', () => {
    const values = new GrowableFloat64Array();
    values.push(1);
    values.push(2);
    const copy = values.toArray();
    const view = values.view();
    expect(copy.length).toBe(2);
    expect(view.length).toBe(2);
    values.clear();
    expect(values.length).toBe(0);
    expect(Array.from(copy)).toEqual([1, 2]);
  });
});
