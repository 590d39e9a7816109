import { describe, expect, it } from 'vitest';
import { CancelledError, ParameterError } from '../../src/errors.js';
import { FIRING_PATTERNS, classifyPattern } from '../../src/dynamics/classify.js';
import { bookRestingState } from '../../src/dynamics/fi-curve-2007.js';
import {
  bookMapCell,
  computeBookMapRows,
  computeBookParameterMap,
  resolveBookMapSpec,
  scheduleBookParameterMap,
  type BookMapRowRunner,
} from '../../src/dynamics/parameter-map-2007.js';
import { simulate2007 } from '../../src/model/simulate-2007.js';
import { getBookPreset } from '../../src/presets/lookup-2007.js';

describe('computeBookParameterMap(spec)', () => {
  it('classifies each cell as a full simulate2007 run from rest would be classified', async () => {
    const map = await computeBookParameterMap({
      x: { name: 'd', from: 0, to: 150, steps: 4 },
      y: { name: 'I', from: 0, to: 300, steps: 3 },
      duration: 400,
    });
    expect(map.codes).toHaveLength(12);
    const rs = getBookPreset('rs-2007').params;
    for (let iy = 0; iy < 3; iy++) {
      for (let ix = 0; ix < 4; ix++) {
        const neuron = { ...rs, d: map.xValues[ix]! };
        const rest = bookRestingState(neuron, 0)!;
        const run = simulate2007({
          ...neuron,
          v0: rest.v,
          u0: rest.u,
          dt: 0.25,
          duration: 400,
          input: map.yValues[iy]!,
          spikesOnly: true,
        });
        const expected = classifyPattern(run.spikes, { onset: 0, end: 400 }).pattern;
        expect(FIRING_PATTERNS[map.codes[iy * 4 + ix]!]).toBe(expected);
      }
    }
    expect(map.codes[0]).toBe(0); // no input: quiescent
    expect(map.counts.reduce((s, n) => s + n, 0)).toBe(12);
    expect(new Set(map.codes).size).toBeGreaterThan(1);
  });

  it("sweeps a cell-type term of the book's types", async () => {
    const map = await computeBookParameterMap({
      x: { name: 'cubicVb', from: -60, to: -50, steps: 3 },
      y: { name: 'I', from: 50, to: 400, steps: 3 },
      base: getBookPreset('fs-2007').params,
    });
    expect(map.codes).toHaveLength(9);
    expect(map.spec.base.cubicVb).toBe(-55);
  });

  it('bookMapCell(spec, ix, iy) gives the swept values on the base neuron, and I as the input', () => {
    const fs = getBookPreset('fs-2007').params;
    const spec = resolveBookMapSpec({
      x: { name: 'C', from: 10, to: 30, steps: 3 },
      y: { name: 'I', from: 50, to: 400, steps: 3 },
      base: fs,
      input: 77,
    });
    const { params, input } = bookMapCell(spec, 2, 1);
    expect(params).toMatchObject({ ...fs, C: 30 });
    expect(input).toBe(225);
    const swept = resolveBookMapSpec({ ...spec, y: { name: 'vpeak', from: 20, to: 30, steps: 2 } });
    expect(bookMapCell(swept, 0, 1)).toMatchObject({ params: { C: 10, vpeak: 30 }, input: 77 });
  });

  it('rejects bad axes and corners that are not valid neurons, and honours cancellation', async () => {
    const I = { name: 'I', from: 0, to: 100, steps: 2 } as const;
    await expect(
      computeBookParameterMap({ x: { name: 'C', from: -10, to: 100, steps: 3 }, y: I }),
    ).rejects.toThrow(/C must be a positive/);
    await expect(
      computeBookParameterMap({ x: { name: 'k2' as 'k', from: 0, to: 1, steps: 2 }, y: I }),
    ).rejects.toThrow(ParameterError);
    await expect(computeBookParameterMap({ x: I, y: I })).rejects.toThrow(/both axes/);
    const controller = new AbortController();
    controller.abort();
    await expect(
      computeBookParameterMap(
        { x: { name: 'a', from: 0.01, to: 0.1, steps: 2 }, y: I },
        { signal: controller.signal },
      ),
    ).rejects.toThrow(CancelledError);
  });
});

describe('scheduleBookParameterMap(spec, runners) and computeBookMapRows(spec, from, to)', () => {
  const spec = {
    base: getBookPreset('fs-2007').params,
    x: { name: 'd' as const, from: 0, to: 100, steps: 5 },
    y: { name: 'I' as const, from: 0, to: 300, steps: 13 },
    duration: 300,
  };

  it('gives the codes of the one-thread map, rows handed out in blocks to every runner', async () => {
    const whole = await computeBookParameterMap(spec);
    const resolved = resolveBookMapSpec(spec);
    // Rows 4 … 6 alone are the matching slice of the whole map.
    expect(Array.from(computeBookMapRows(resolved, 4, 7))).toEqual(
      Array.from(whole.codes.subarray(4 * 5, 7 * 5)),
    );
    const asked: number[][] = [[], [], []];
    const runners: BookMapRowRunner[] = asked.map((rows) => async (given, rowStart, rowEnd) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      for (let row = rowStart; row < rowEnd; row++) rows.push(row);
      return computeBookMapRows(given, rowStart, rowEnd);
    });
    const progress: number[] = [];
    const map = await scheduleBookParameterMap(spec, runners, {
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(map.model).toBe('2007');
    expect(Array.from(map.codes)).toEqual(Array.from(whole.codes));
    expect(map.counts).toEqual(whole.counts);
    expect(Array.from(map.yValues)).toEqual(Array.from(whole.yValues));
    // Every row once, over more than one runner; progress ends at 1.
    expect(asked.flat().sort((p, q) => p - q)).toEqual(Array.from({ length: 13 }, (_, i) => i));
    expect(asked.filter((rows) => rows.length > 0).length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
  });

  it('refuses a bad spec or no runner, and rejects at once when cancelled', async () => {
    expect(() =>
      resolveBookMapSpec({ ...spec, x: { name: 'C', from: -1, to: 10, steps: 3 } }),
    ).toThrow(/C must be a positive/);
    await expect(scheduleBookParameterMap(spec, [])).rejects.toThrow(ParameterError);
    const controller = new AbortController();
    const never: BookMapRowRunner = () => new Promise<Uint8Array>(() => undefined);
    const run = scheduleBookParameterMap(spec, [never], { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toThrow(CancelledError);
  });
});
