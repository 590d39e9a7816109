import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import {
  computeBookParameterMapParallel,
  computeParameterMapParallel,
} from '../../src/dynamics/map-node.js';
import { computeParameterMap } from '../../src/dynamics/parameter-map.js';
import { computeBookMapRows, resolveBookMapSpec } from '../../src/dynamics/parameter-map-2007.js';
import { getBookPreset } from '../../src/presets/lookup-2007.js';

const SPEC = {
  x: { name: 'a', from: 0.01, to: 0.1, steps: 12 },
  y: { name: 'b', from: 0.1, to: 0.3, steps: 10 },
  duration: 150,
} as const;

describe('computeParameterMapParallel(spec, {workers})', () => {
  it('gives the same codes on two worker threads as on one thread, with progress', async () => {
    const serial = await computeParameterMap(SPEC);
    const seen: number[] = [];
    const parallel = await computeParameterMapParallel(SPEC, {
      workers: 2,
      onProgress: (f) => seen.push(f),
    });
    expect(Array.from(parallel.codes)).toEqual(Array.from(serial.codes));
    expect(parallel.counts).toEqual(serial.counts);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops its workers when cancelled', async () => {
    const controller = new AbortController();
    const run = computeParameterMapParallel(
      { ...SPEC, duration: 2000 },
      { workers: 2, signal: controller.signal },
    );
    controller.abort();
    await expect(run).rejects.toThrow(CancelledError);
  });

  it('rejects a bad worker count', async () => {
    await expect(computeParameterMapParallel(SPEC, { workers: 0 })).rejects.toThrow(/workers/);
  });
});

describe('computeBookParameterMapParallel(spec, {workers})', () => {
  // The book's FS cell (its cubic u-nullcline term travels to the threads) over d and I.
  const BOOK_SPEC = {
    x: { name: 'd', from: 0, to: 150, steps: 9 },
    y: { name: 'I', from: 0, to: 400, steps: 11 },
    base: getBookPreset('fs-2007').params,
    duration: 200,
  } as const;

  it('gives on three worker threads the codes of computeBookMapRows over the whole grid', async () => {
    const resolved = resolveBookMapSpec(BOOK_SPEC);
    const serial = computeBookMapRows(resolved, 0, resolved.y.steps);
    const seen: number[] = [];
    const parallel = await computeBookParameterMapParallel(BOOK_SPEC, {
      workers: 3,
      onProgress: (f) => seen.push(f),
    });
    expect(parallel.model).toBe('2007');
    expect(Array.from(parallel.codes)).toEqual(Array.from(serial));
    expect(new Set(serial).size).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops its workers when cancelled, and rejects a bad spec or worker count', async () => {
    const controller = new AbortController();
    const run = computeBookParameterMapParallel(
      { ...BOOK_SPEC, duration: 5000 },
      { workers: 2, signal: controller.signal },
    );
    controller.abort();
    await expect(run).rejects.toThrow(CancelledError);
    await expect(computeBookParameterMapParallel(BOOK_SPEC, { workers: 0 })).rejects.toThrow(
      /workers/,
    );
    await expect(
      computeBookParameterMapParallel({
        ...BOOK_SPEC,
        x: { name: 'C', from: -1, to: 1, steps: 3 },
      }),
    ).rejects.toThrow(/C must be/);
  });
});
