// Networks the polychronization tests share.
import { NetworkRandom } from '../../src/network/random.js';
import { buildPolychronNetwork, type PolychronState } from '../../src/polychron/network.js';

/**
 * A cpp network whose excitatory weights were set as after learning: 40 % at smax (long
 * cascades), the rest below 8.
 */
export function learnedNetwork(seed: number): PolychronState {
  const state = buildPolychronNetwork({ seed, variant: 'cpp' });
  const random = new NetworkRandom(seed + 100);
  for (let s = 0; s < 80000; s++)
    state.weight[s] = random.uniform() < 0.4 ? 10 : 8 * random.uniform();
  return state;
}
