import { describe, expect, it } from 'vitest';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { NetworkRandom } from '../../src/network/random.js';
import { NOISE_BLOCK } from '../../src/network/random.js';
import { NoiseBlocks } from '../../src/sparse/noise.js';

describe('NoiseBlocks(seed, input, scale, from, to)', () => {
  it('draws block b from the seed’s generator jumped b + 1 times, whatever range it starts at', () => {
    const n = 3 * NOISE_BLOCK - 10;
    const scale = new Float64Array(n).map((_, i) => 1 + i / n);
    const whole = new Float64Array(n);
    new NoiseBlocks(5, whole, scale, 0, n).fill();
    const part = new Float64Array(n);
    new NoiseBlocks(5, part, scale, NOISE_BLOCK, n).fill();
    expect(Array.from(part.subarray(NOISE_BLOCK))).toEqual(Array.from(whole.subarray(NOISE_BLOCK)));
    expect(part[0]).toBe(0);
    const generator = xoroshiro128plusFromState(new NetworkRandom(5).getState());
    generator.jump();
    generator.jump();
    const second = NetworkRandom.fromState(generator.getState());
    for (let i = NOISE_BLOCK; i < 2 * NOISE_BLOCK; i++) {
      expect(whole[i]).toBe((scale[i] as number) * second.normal());
    }
  });
});
