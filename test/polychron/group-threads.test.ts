// The group search on worker threads gives the groups of the search on one thread, in the same
// order: the search from one neuron depends on no other, which the threads rely on.
import { describe, expect, it } from 'vitest';
import { NetworkRandom } from '../../src/network/random.js';
import { findPolychronousGroupsThreaded } from '../../src/polychron/group-threads.js';
import { findPolychronousGroups } from '../../src/polychron/groups.js';
import { buildPolychronNetwork, type PolychronState } from '../../src/polychron/network.js';
import { CancelledError } from '../../src/errors.js';

/** Excitatory weights as after learning: 40 % at smax (long cascades), the rest below 8. */
function learnedNetwork(seed: number): PolychronState {
  const state = buildPolychronNetwork({ seed, variant: 'cpp' });
  const random = new NetworkRandom(seed + 100);
  for (let s = 0; s < 80000; s++)
    state.weight[s] = random.uniform() < 0.4 ? 10 : 8 * random.uniform();
  return state;
}

const NEURONS = { from: 3, to: 15 };

describe('findPolychronousGroupsThreaded', () => {
  const state = learnedNetwork(7);
  const whole = findPolychronousGroups(state, NEURONS);

  it('each neuron searched on its own gives the whole search’s groups', () => {
    expect(whole.count).toBeGreaterThan(3);
    const apart = [];
    for (let neuron = NEURONS.from; neuron < NEURONS.to; neuron++) {
      apart.push(...findPolychronousGroups(state, { from: neuron, to: neuron + 1 }).groups);
    }
    expect(apart).toEqual(whole.groups);
  }, 300000);

  it.each([2, 3])(
    '%i threads give the groups of one, in order, with progress',
    async (threads) => {
      const progress: number[] = [];
      const result = await findPolychronousGroupsThreaded(state, {
        ...NEURONS,
        threads,
        onProgress: (done) => progress.push(done),
      });
      expect(result.count).toBe(whole.count);
      expect(result.groups).toEqual(whole.groups);
      expect(result.neurons).toBe(NEURONS.to - NEURONS.from);
      expect(progress).toEqual(Array.from({ length: 12 }, (_, k) => k + 1));
    },
    300000,
  );

  it('stops with CancelledError when cancelled', async () => {
    const controller = new AbortController();
    const search = findPolychronousGroupsThreaded(state, {
      threads: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(search).rejects.toBeInstanceOf(CancelledError);
  }, 300000);
});
