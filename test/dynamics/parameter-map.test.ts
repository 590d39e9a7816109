import { describe, expect, it } from 'vitest';
import { CancelledError, ParameterError } from '../../src/errors.js';
import { classifyPattern, FIRING_PATTERNS } from '../../src/dynamics/classify.js';
import { restingState } from '../../src/dynamics/fixed-points.js';
import {
  computeMapRows,
  computeParameterMap,
  mapBlockRows,
  mapCell,
  resolveMapSpec,
  scheduleParameterMap,
  type MapRowRunner,
  type ResolvedMapSpec,
} from '../../src/dynamics/parameter-map.js';
import { simulate } from '../../src/model/simulate.js';

const SPEC = {
  x: { name: 'c', from: -65, to: -50, steps: 4 },
  y: { name: 'd', from: 2, to: 8, steps: 3 },
  base: { a: 0.02, b: 0.2, c: -65, d: 8 },
  input: 10,
  duration: 200,
} as const;

describe('computeParameterMap(spec, options)', () => {
  it('classifies each cell as classifyPattern does on simulate() from rest under the step', async () => {
    const map = await computeParameterMap(SPEC);
    expect(map.codes).toHaveLength(12);
    expect(Array.from(map.xValues)).toEqual([-65, -60, -55, -50]);
    expect(Array.from(map.yValues)).toEqual([2, 5, 8]);
    for (let iy = 0; iy < 3; iy++) {
      for (let ix = 0; ix < 4; ix++) {
        const { params, input } = mapCell(map.spec, ix, iy);
        const rest = restingState(params, 0);
        const run = simulate({
          ...params,
          v0: rest?.v as number,
          u0: rest?.u,
          dt: 0.25,
          duration: 200,
          input,
          spikesOnly: true,
        });
        const expected = classifyPattern(run.spikes, { onset: 0, end: 200 }).pattern;
        expect(FIRING_PATTERNS[map.codes[iy * 4 + ix] as number]).toBe(expected);
      }
    }
    expect(map.counts.reduce((sum, n) => sum + n, 0)).toBe(12);
    // CH (c = −50, d = 2) bursts; RS (c = −65, d = 8) does not.
    expect(FIRING_PATTERNS[map.codes[3] as number]).toBe('tonic-bursting');
  });

  it('reports progress up to 1 and can be cancelled', async () => {
    const seen: number[] = [];
    await computeParameterMap(SPEC, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toHaveLength(3);
    const controller = new AbortController();
    controller.abort();
    await expect(computeParameterMap(SPEC, { signal: controller.signal })).rejects.toThrow(
      CancelledError,
    );
  });

  it('sweeps the step input I as an axis', () => {
    const spec = resolveMapSpec({ ...SPEC, x: { name: 'I', from: 0, to: 10, steps: 2 } });
    const codes = computeMapRows(spec, 0, 1);
    expect(FIRING_PATTERNS[codes[0] as number]).toBe('quiescent');
    expect(FIRING_PATTERNS[codes[1] as number]).not.toBe('quiescent');
  });
});

describe('resolveMapSpec(spec)', () => {
  it('fills the defaults: RS base, step 10 from 0, 300 ms at dt 0.25', () => {
    const spec = resolveMapSpec({
      x: { name: 'a', from: 0, to: 0.2, steps: 10 },
      y: { name: 'b', from: 0, to: 0.3, steps: 10 },
    });
    expect(spec).toMatchObject({ input: 10, baseline: 0, duration: 300, dt: 0.25, v0: -65 });
    expect(spec.base).toMatchObject({ a: 0.02, b: 0.2, c: -65, d: 8, k2: 0.04 });
  });

  it('rejects unknown parameters, the same parameter twice and bad step counts', () => {
    const y = { name: 'b', from: 0, to: 1, steps: 2 } as const;
    expect(() => resolveMapSpec({ x: { name: 'q' as 'a', from: 0, to: 1, steps: 2 }, y })).toThrow(
      /unknown parameter 'q'/,
    );
    expect(() => resolveMapSpec({ x: { name: 'b', from: 0, to: 1, steps: 2 }, y })).toThrow(
      /both axes/,
    );
    expect(() => resolveMapSpec({ x: { name: 'a', from: 0, to: 1, steps: 0 }, y })).toThrow(
      ParameterError,
    );
    expect(() => resolveMapSpec({ x: { name: 'a', from: 0, to: 1, steps: 2.5 }, y })).toThrow(
      /whole number/,
    );
  });
});

describe('scheduleParameterMap(spec, runners, options)', () => {
  it('hands blocks of rows to free runners and assembles the same map as one thread', async () => {
    const spec = { ...SPEC, y: { name: 'd', from: 0, to: 10, steps: 11 } } as const;
    const served: number[] = [0, 0, 0];
    const runners = served.map((_, i) => async (s: ResolvedMapSpec, start: number, end: number) => {
      served[i] = (served[i] as number) + (end - start);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return computeMapRows(s, start, end);
    });
    const seen: number[] = [];
    const map = await scheduleParameterMap(spec, runners, { onProgress: (f) => seen.push(f) });
    const reference = await computeParameterMap(spec);
    expect(Array.from(map.codes)).toEqual(Array.from(reference.codes));
    expect(served.reduce((sum, n) => sum + n, 0)).toBe(11);
    expect(served.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
    expect(mapBlockRows(100, 4)).toBe(6);
  });

  it('rejects at once with a CancelledError when aborted mid-run', async () => {
    const controller = new AbortController();
    const never: MapRowRunner = () => new Promise<Uint8Array>(() => undefined);
    const run = scheduleParameterMap(SPEC, [never], { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toThrow(CancelledError);
  });
});
