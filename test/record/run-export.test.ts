import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { presetOptions } from '../../src/presets/lookup.js';
import { runToCsv, runToJson } from '../../src/record/run-export.js';

describe('runToJson(result, presetId)', () => {
  it('holds the parameters with v0 and u0, the grid, the spikes and the whole trace', () => {
    const result = simulate(presetOptions('rs'));
    const json = JSON.parse(JSON.stringify(runToJson(result, 'rs')));
    expect(json.preset).toBe('rs');
    expect(json.params).toMatchObject({
      a: 0.02,
      b: 0.2,
      c: -65,
      d: 8,
      k2: 0.04,
      v0: -63,
    });
    expect(json.params.u0).toBeCloseTo(-12.6, 12);
    expect(json).toMatchObject({
      integrator: 'reference',
      input: '14*(t>15)',
      dt: 0.25,
      duration: 150,
    });
    expect(json.spikes).toEqual([18.25, 24.25, 54.5, 87.75, 121]);
    expect(json.trace.v).toEqual(Array.from(result.trace!.v));
  });

  it('leaves out the trace of a spikes-only run and the preset of a custom one', () => {
    const json = runToJson(simulate(presetOptions('rs', { spikesOnly: true })));
    expect(Object.keys(json)).not.toContain('trace');
    expect(Object.keys(json)).not.toContain('preset');
  });
});

describe('runToCsv(result)', () => {
  it('writes t,v,u,I rows at full precision, or spike times without a trace', () => {
    const result = simulate(presetOptions('rs'));
    const rows = Array.from(runToCsv(result)).join('').trim().split('\n');
    expect(rows[0]).toBe('t,v,u,I');
    expect(rows).toHaveLength(602);
    expect(rows[1]).toBe(`0,${result.trace!.v[0]},${result.trace!.u[0]},0`);
    const spikes = Array.from(runToCsv(simulate(presetOptions('rs', { spikesOnly: true })))).join(
      '',
    );
    expect(spikes).toBe('spike_t\n18.25\n24.25\n54.5\n87.75\n121\n');
  });
});
