import { describe, expect, it } from 'vitest';
import { CancelledError, ParameterError } from '../../src/errors.js';
import { FIRING_PATTERNS, classifyPattern } from '../../src/dynamics/classify.js';
import { bookRestingState } from '../../src/dynamics/fi-curve-2007.js';
import { computeBookParameterMap } from '../../src/dynamics/parameter-map-2007.js';
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
