import { describe, expect, it } from 'vitest';
import { countResets, explainPhasePlane } from '../../src/dynamics/phase-explanation.js';
import { phasePlane } from '../../src/dynamics/phase-plane.js';
import { simulate } from '../../src/model/simulate.js';
import { getPreset, presetOptions } from '../../src/presets/lookup.js';

const RS = { a: 0.02, b: 0.2, c: -65, d: 8 };

describe('explainPhasePlane(plane, trajectory)', () => {
  it('reads rest, threshold and the bifurcations for RS at I = 0', () => {
    const text = explainPhasePlane(phasePlane(RS, 0)).join(' ');
    expect(text).toMatch(/Rest: a stable node at v = −70 mV/);
    expect(text).toMatch(/Threshold: the saddle at v = −50 mV/);
    expect(text).toMatch(/merge and vanish at I = 4 \(saddle-node\)/);
  });

  it('says there is no rest above the saddle-node, and rings for a focus', () => {
    expect(explainPhasePlane(phasePlane(RS, 14))[0]).toMatch(/^No fixed point at I = 14/);
    expect(explainPhasePlane(phasePlane(getPreset('resonator').params, 0))[0]).toMatch(
      /stable focus .* damped oscillations/,
    );
  });

  it('counts chattering resets below the v-nullcline: the bursts', () => {
    const run = simulate(presetOptions('ch'));
    const trace = run.trace as NonNullable<typeof run.trace>;
    const plane = phasePlane(getPreset('ch').params, 10, { trajectory: trace });
    const count = countResets(plane, trace);
    expect(count.resets).toBe(run.spikes.length);
    // 15 spikes in 3 bursts: all but the last reset of each burst land below the nullcline.
    expect(count.belowNullcline).toBe(12);
    expect(explainPhasePlane(plane, trace).at(-1)).toMatch(/12 of 15 resets/);
  });
});

describe('explainPhasePlane at and past a bifurcation', () => {
  it('says an unstable focus leaves the neuron nowhere to rest, past the class-2 Hopf input', () => {
    const lines = explainPhasePlane(phasePlane(getPreset('class-2-excitable').params, 0.41));
    expect(lines.join(' ')).toMatch(
      /is an unstable focus: the state moves away from it, and with nowhere to rest/,
    );
  });
});
