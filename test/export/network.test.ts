import { describe, expect, it } from 'vitest';
import { brian2Script, denseNetworkForExport, exportData } from '../../src/export/network.js';
import { pynnScript } from '../../src/export/pynn.js';
import { NetworkSimulation } from '../../src/network/simulation.js';

describe('denseNetworkForExport(options)', () => {
  const options = { ne: 8, ni: 4, seed: 9, dt: 0.5 };
  const network = denseNetworkForExport(options);
  const run = new NetworkSimulation({ ...options, threads: 1 });

  it("lists every pair j → i with izhikit's weight S[i][j] and delay 0", () => {
    const { pre, post, weight, delay } = network.synapses;
    expect(pre.length).toBe(144);
    for (let s = 0; s < 144; s++) {
      expect(run.state.weights[pre[s]! * 12 + post[s]!]).toBe(weight[s]);
      expect(delay[s]).toBe(0);
    }
    expect(new Set(Array.from(pre, (j, s) => j * 12 + post[s]!)).size).toBe(144);
  });

  it("carries the neurons' parameters, v0 and σ (5 excitatory, 2 inhibitory; 0 without noise)", () => {
    expect(Array.from(network.a)).toEqual(Array.from(run.state.a));
    expect(Array.from(network.d)).toEqual(Array.from(run.state.d));
    expect(Array.from(network.v0)).toEqual(new Array(12).fill(-65));
    expect(Array.from(network.sigma)).toEqual([...new Array(8).fill(5), ...new Array(4).fill(2)]);
    expect(Array.from(denseNetworkForExport({ ...options, noise: false }).sigma)).toEqual(
      new Array(12).fill(0),
    );
    expect(network).toMatchObject({ ne: 8, ni: 4, dt: 0.5, duration: 1000, seed: 9 });
  });

  it('exportData names ten .npy files; the scripts load them from the data folder', () => {
    expect(exportData(network).map((file) => file.name)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'v0',
      'sigma',
      'pre',
      'post',
      'weight',
      'delay',
    ]);
    for (const script of [brian2Script(network, 'x_data'), pynnScript(network, 'x_data')]) {
      expect(script).toContain('NE = 8\nNI = 4\nDT = 0.5  # ms\nDURATION = 1000.0  # ms\nSEED = 9');
      expect(script).toContain('"x_data"');
    }
  });
});
