// The WebAssembly kernels of the millisecond against the JavaScript loops of step.ts: the same
// network stepped both ways gives the same spikes, v, u, traces, weights and weight changes, to
// the bit, for both variants, an odd number of neurons (the kernel's single-lane tail) and
// targets that repeat within one delay (spnet.m's shadowed synapses).
import { describe, expect, it } from 'vitest';
import { buildPolychronNetwork, type PolychronState } from '../../src/polychron/network.js';
import type { PolychronOptions } from '../../src/polychron/options.js';
import { stepMillisecond, updateWeights } from '../../src/polychron/step.js';

function run(state: PolychronState, milliseconds: number): number[] {
  const spikes: number[] = [];
  for (let step = 0; step < milliseconds; step++) {
    const t = state.time;
    const fired = stepMillisecond(state);
    const base = (t % state.options.maxDelay) * state.n;
    for (let k = 0; k < fired; k++) spikes.push(t, state.firedRing[base + k] as number);
    if (state.time % 1000 === 0) updateWeights(state);
  }
  return spikes;
}

const cases: [string, PolychronOptions][] = [
  ['the paper’s network, cpp', { seed: 3, variant: 'cpp' }],
  ['the paper’s network, matlab', { seed: 3, variant: 'matlab' }],
  ['101 neurons, cpp', { seed: 5, variant: 'cpp', ne: 81, ni: 20, synapsesPerNeuron: 40 }],
  [
    '101 neurons, matlab, repeated targets',
    { seed: 5, variant: 'matlab', ne: 81, ni: 20, synapsesPerNeuron: 63, maxDelay: 7 },
  ],
];

describe('polychronization kernels', () => {
  it.each(cases)('%s: kernels = JavaScript loops, to the bit', (_name, options) => {
    const withKernels = buildPolychronNetwork(options);
    expect(withKernels.kernels).not.toBeNull();
    const plain: PolychronState = { ...buildPolychronNetwork(options), kernels: null };
    const spikes = run(withKernels, 2500);
    expect(spikes.length).toBeGreaterThan(1000);
    expect(run(plain, 2500)).toEqual(spikes);
    if (options.variant === 'matlab') expect(withKernels.shadowed.some((s) => s === 1)).toBe(true);
    for (const key of ['v', 'u', 'trace', 'weight', 'weightChange', 'lastSpike'] as const) {
      expect(Array.from(withKernels[key]), key).toEqual(Array.from(plain[key]));
    }
    expect(plain.weightChange.some((c) => c !== 0)).toBe(true);
  });
});
