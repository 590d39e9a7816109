/**
 * The thalamic noise of a sparse network: one random stream per block of `NOISE_BLOCK` neurons,
 * so that a neuron's numbers do not depend on how the network is split among threads.
 *
 * Block b's stream is the seed's generator (the one the network is drawn from, as it stands after
 * seeding) jumped b + 1 times, 2⁶⁴ draws apart (pure-rand's `jump()`), so that the streams never
 * overlap each other or the draws of the network. Within a block, neurons draw in index order,
 * one standard normal number each per step (`NetworkRandom`'s ziggurat).
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { NetworkRandom } from '../network/random.js';

/** Neurons per noise stream: threads split the network at multiples of this. */
export const NOISE_BLOCK = 256;

/** The noise streams of the blocks that hold neurons `from` … `to − 1`, drawing into `input`. */
export class NoiseBlocks {
  private readonly streams: NetworkRandom[] = [];
  private readonly targets: Float64Array[] = [];
  private readonly scales: Float64Array[] = [];

  /**
   * @param from the first neuron, a multiple of `NOISE_BLOCK`
   * @param to one past the last neuron (n or a multiple of `NOISE_BLOCK`)
   */
  constructor(
    seed: number,
    input: Float64Array,
    noiseScale: Float64Array,
    from: number,
    to: number,
  ) {
    const generator = xoroshiro128plusFromState(new NetworkRandom(seed).getState());
    const first = from / NOISE_BLOCK;
    for (let b = 0; b < first; b++) generator.jump();
    for (let start = from; start < to; start += NOISE_BLOCK) {
      generator.jump();
      const end = Math.min(to, start + NOISE_BLOCK);
      this.streams.push(NetworkRandom.fromState(generator.getState()));
      this.targets.push(input.subarray(start, end));
      this.scales.push(noiseScale.subarray(start, end));
    }
  }

  /** Iᵢ = (σᵢ/√dt)·N(0, 1) for every neuron of these blocks. */
  fill(): void {
    const { streams, targets, scales } = this;
    for (let b = 0; b < streams.length; b++) {
      const target = targets[b] as Float64Array;
      (streams[b] as NetworkRandom).fillNormal(target, scales[b] as Float64Array, target.length);
    }
  }
}
