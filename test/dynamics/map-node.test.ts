import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { computeParameterMapParallel } from '../../src/dynamics/map-node.js';
import { computeParameterMap } from '../../src/dynamics/parameter-map.js';

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
