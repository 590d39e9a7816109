import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { exportData } from '../../src/export/network.js';
import {
  polychronData,
  polychronNetworkForExport,
  polychronPynnScript,
} from '../../src/export/polychron.js';
import { polychronBrian2Script } from '../../src/export/polychron-brian2.js';
import { buildPolychronNetwork } from '../../src/polychron/network.js';
import { thalamicInput } from '../../src/polychron/step.js';

describe('polychronNetworkForExport(options, seconds)', () => {
  const exported = polychronNetworkForExport({ seed: 4 }, 3);
  const { network } = exported;
  const built = buildPolychronNetwork({ seed: 4 });

  it("lists izhikit's synapses with their integer delays: ⌈m·20/100⌉ excitatory, 1 inhibitory", () => {
    const { pre, post, weight, delay } = network.synapses;
    expect(pre.length).toBe(1000 * 100);
    expect(Array.from(post)).toEqual(Array.from(built.synapses.target));
    let wrong = 0;
    for (let s = 0; s < pre.length; s++) {
      const j = pre[s]!;
      const m = s - j * 100; // synapses are listed by neuron, then delay
      const excitatory = j < 800;
      const expectedDelay = excitatory ? Math.ceil(((m + 1) * 20) / 100) : 1;
      if (m < 0 || m >= 100 || delay[s] !== expectedDelay) wrong++;
      if (weight[s] !== (excitatory ? 6 : -5) || (!excitatory && post[s]! >= 800)) wrong++;
    }
    expect(wrong).toBe(0);
    expect(delay.filter((d) => d === 20).length).toBe(800 * 5);
  });

  it('carries the neurons of SPEC §9 (a, d by population; b = 0.2, c = −65), v0 and no noise', () => {
    expect(network.a[0]).toBe(0.02);
    expect(network.a[999]).toBe(0.1);
    expect(network.d[0]).toBe(8);
    expect(network.d[999]).toBe(2);
    expect(new Set(network.b)).toEqual(new Set([0.2]));
    expect(new Set(network.c)).toEqual(new Set([-65]));
    expect(new Set(network.v0)).toEqual(new Set([-65]));
    expect(new Set(network.sigma)).toEqual(new Set([0]));
    expect(network).toMatchObject({ ne: 800, ni: 200, dt: 1, duration: 3000, seed: 4 });
    const cpp = polychronNetworkForExport({ seed: 4, variant: 'cpp' }, 1).network;
    expect(Array.from(cpp.v0)).toEqual(
      Array.from(buildPolychronNetwork({ seed: 4, variant: 'cpp' }).v),
    );
  });

  it("marks with gain 0 exactly the synapses spnet.m's assignment shadows (none in cpp)", () => {
    const shadowed = Array.from(built.shadowed, (x) => 1 - x);
    expect(Array.from(exported.gain)).toEqual(shadowed);
    expect(shadowed).toContain(0);
    const cpp = polychronNetworkForExport({ seed: 4, variant: 'cpp' }, 1);
    expect(new Set(cpp.gain)).toEqual(new Set([1]));
    const names = (files: { name: string }[]): string[] => files.map((file) => file.name);
    expect(names(polychronData(exported))).toEqual([
      ...names(exportData(network)),
      'gain',
      'input',
    ]);
  });

  it('the Brian2 script follows the variant; the PyNN script says the STDP rule is not exported', () => {
    const matlab = polychronBrian2Script(exported, 'p_data');
    expect(matlab).toContain('sd -= 1.2 * P_post');
    expect(matlab).toContain('VARIANT = "matlab"');
    expect(matlab).toContain('DURATION = 3000.0  # ms');
    const cpp = polychronBrian2Script(polychronNetworkForExport({ variant: 'cpp' }, 1), 'p_data');
    expect(cpp).toContain('sd -= LTD_post');
    const pynn = polychronPynnScript(exported, 'p_data', 'p.py');
    expect(pynn).toContain('NOT exported: the STDP rule');
    expect(pynn).toContain('mpirun -n 64 python3 p.py --simulator nest');
  });

  it("the input is izhikit's: the neuron that gets 20 in each millisecond of its run", () => {
    expect(exported.input.length).toBe(3000);
    const state = buildPolychronNetwork({ seed: 4 });
    for (let t = 0; t < 3000; t++) {
      thalamicInput(state);
      if (state.input[exported.input[t]!] !== 20) throw new Error(`millisecond ${t} differs`);
    }
    expect(new Set(exported.input).size).toBeGreaterThan(900);
  });

  it('refuses a duration that is not a whole number of seconds, over a day, and a bad seed', () => {
    expect(() => polychronNetworkForExport({}, 86401)).toThrow(/at most 86400 s/);
    expect(() => polychronNetworkForExport({}, 1.5)).toThrow(ParameterError);
    expect(() => polychronNetworkForExport({ seed: -1 }, 1)).toThrow(/seed must be a whole number/);
  });
});
