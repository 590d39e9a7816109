import { describe, expect, it } from 'vitest';
import { computeParameterMap } from '../../src/dynamics/parameter-map.js';
import { NAMED_TYPES, renderParameterMap, restBoundaryB } from '../../src/dynamics/render-map.js';
import { FIRING_PATTERNS } from '../../src/dynamics/classify.js';
import { saddleNodeInput } from '../../src/dynamics/fixed-points.js';
import { resolveParameters } from '../../src/model/izhikevich.js';

describe('renderParameterMap(map)', () => {
  it('colours the cells, lists the patterns and marks the named types of [2003] Fig. 2', async () => {
    const map = await computeParameterMap({
      x: { name: 'c', from: -70, to: -45, steps: 6 },
      y: { name: 'd', from: 0, to: 10, steps: 5 },
      duration: 150,
    });
    const svg = renderParameterMap(map);
    expect(svg).toContain('data-figure="parameter-map"');
    expect(svg).toContain('tonic bursting');
    expect(svg).toContain('spike-frequency adaptation');
    for (const name of ['RS', 'IB', 'CH', '(TC)']) expect(svg).toContain(name);
    expect(NAMED_TYPES.map((t) => t.short)).toEqual(['RS', 'IB', 'CH', 'FS', 'LTS', 'TC', 'RZ']);
  });
});

describe('restBoundaryB(base, input)', () => {
  it('is the b whose saddle-node input equals the step, and the map is quiescent below it', async () => {
    const base = resolveParameters({ a: 0.02, b: 0.2, c: -65, d: 8 });
    const b = restBoundaryB(base, 10) as number;
    // (5 − b)² / 0.16 − 140 = 10  →  b = 5 − 2·√6
    expect(b).toBeCloseTo(5 - 2 * Math.sqrt(6), 12);
    expect(saddleNodeInput({ ...base, b })).toBeCloseTo(10, 10);
    const map = await computeParameterMap({
      x: { name: 'a', from: 0.02, to: 0.2, steps: 4 },
      y: { name: 'b', from: b - 0.01, to: b + 0.01, steps: 2 },
    });
    for (const code of map.codes.subarray(0, 4)) {
      // Below: rest survives the step; at most a spike at the onset before the neuron settles.
      expect(['quiescent', 'phasic-spiking']).toContain(FIRING_PATTERNS[code]);
    }
    for (const code of map.codes.subarray(4)) expect(FIRING_PATTERNS[code]).toBe('tonic-spiking');
    expect(renderParameterMap(map)).toContain('rest vanishes above b = 0.101');
  });
});
