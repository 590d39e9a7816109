import { describe, expect, it } from 'vitest';
import { computeParameterMap } from '../../src/dynamics/parameter-map.js';
import { NAMED_TYPES, renderParameterMap } from '../../src/dynamics/render-map.js';

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
