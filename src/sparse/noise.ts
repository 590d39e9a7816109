/**
 * The thalamic noise of a sparse network: the dense network's streams, one per block of
 * `NOISE_BLOCK` neurons (`seedNoiseStreams`: block b's generator is the seed's jumped b + 1 times,
 * 2⁶⁴ draws apart), so that a neuron's numbers do not depend on how the network is split among
 * threads. Each thread keeps its own copy of the streams and draws only its blocks.
 */
import { fillNoise, noiseStreamWords, seedNoiseStreams } from '../network/random.js';

/** The noise streams of the blocks that hold neurons `from` … `to − 1`, drawing into `input`. */
export class NoiseBlocks {
  private readonly streams: Int32Array;

  /**
   * @param from the first neuron, a multiple of `NOISE_BLOCK`
   * @param to one past the last neuron (n or a multiple of `NOISE_BLOCK`)
   */
  constructor(
    seed: number,
    private readonly input: Float64Array,
    private readonly noiseScale: Float64Array,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.streams = new Int32Array(noiseStreamWords(input.length));
    seedNoiseStreams(this.streams, seed);
  }

  /** Iᵢ = (σᵢ/√dt)·N(0, 1) for every neuron of these blocks. */
  fill(): void {
    fillNoise(this.streams, this.input, this.noiseScale, this.from, this.to);
  }
}
