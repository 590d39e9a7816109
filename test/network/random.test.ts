import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import {
  fillNoise,
  mixSeed,
  NetworkRandom,
  NOISE_BLOCK,
  noiseStreamWords,
  seedNoiseStreams,
  xoroshiroAdvance,
  xoroshiroJump,
  xoroshiroNext,
  xoroshiroSeed,
} from '../../src/network/random.js';

/** Standard normal CDF by Simpson's rule on the density (accurate to 1e-10 here). */
function normalCdf(x: number): number {
  if (x === -Infinity) return 0;
  if (x === Infinity) return 1;
  const from = -12;
  const steps = 4000;
  const h = (x - from) / steps;
  const f = (t: number) => Math.exp(-0.5 * t * t);
  let sum = f(from) + f(x);
  for (let s = 1; s < steps; s++) sum += (s % 2 === 1 ? 4 : 2) * f(from + s * h);
  return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
}

describe('xoroshiroSeed and xoroshiroNext', () => {
  it("give pure-rand's xoroshiro128+ outputs, word for word", () => {
    for (const seed of [0, 1, -7, 0x7fffffff, 123456789]) {
      const reference = xoroshiro128plus(seed);
      const state = new Int32Array(8);
      xoroshiroSeed(state, 4, seed);
      for (let k = 0; k < 5000; k++) expect(xoroshiroNext(state, 4)).toBe(reference.next());
      expect(Array.from(state.subarray(4))).toEqual(reference.getState());
    }
  });
});

describe('xoroshiroAdvance(state, o, draws)', () => {
  it('gives the words of `draws` steps, for 0 … 70 and larger counts', () => {
    const stepped = new Int32Array(8);
    xoroshiroSeed(stepped, 4, mixSeed(17));
    let done = 0;
    for (const draws of [...Array.from({ length: 71 }, (_, k) => k), 1000, 65537, 3000001]) {
      while (done < draws) {
        xoroshiroNext(stepped, 4);
        done++;
      }
      const advanced = new Int32Array(4);
      xoroshiroSeed(advanced, 0, mixSeed(17));
      xoroshiroAdvance(advanced, 0, draws);
      expect(Array.from(advanced)).toEqual(Array.from(stepped.subarray(4)));
    }
  });

  it('composes: 2⁴⁰ twice is 2⁴¹, and 2⁵² + 3 is 2⁵² then three steps', () => {
    const [a, b, c, d] = [0, 1, 2, 3].map(() => {
      const state = new Int32Array(4);
      xoroshiroSeed(state, 0, mixSeed(5));
      return state;
    }) as [Int32Array, Int32Array, Int32Array, Int32Array];
    xoroshiroAdvance(a, 0, 2 ** 40);
    xoroshiroAdvance(a, 0, 2 ** 40);
    xoroshiroAdvance(b, 0, 2 ** 41);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(d));
    xoroshiroAdvance(c, 0, 2 ** 52 + 3);
    xoroshiroAdvance(d, 0, 2 ** 52);
    for (let k = 0; k < 3; k++) xoroshiroNext(d, 0);
    expect(Array.from(c)).toEqual(Array.from(d));
  });

  it('refuses a count that is not a whole number below 2⁵³', () => {
    for (const draws of [-1, 1.5, 2 ** 53, Number.NaN]) {
      expect(() => xoroshiroAdvance(new Int32Array(4), 0, draws)).toThrow(RangeError);
    }
  });
});

describe('noise streams', () => {
  it("xoroshiroJump jumps as pure-rand's jump() does", () => {
    const reference = xoroshiro128plus(99);
    const state = new Int32Array(4);
    xoroshiroSeed(state, 0, 99);
    for (let k = 0; k < 3; k++) {
      reference.jump();
      xoroshiroJump(state, 0);
      expect(Array.from(state)).toEqual(reference.getState());
    }
  });

  it("seedNoiseStreams gives block b the seed's generator, warmed up, jumped b + 1 times", () => {
    const n = 3 * NOISE_BLOCK + 5;
    const state = new Int32Array(noiseStreamWords(n));
    expect(state.length).toBe(16);
    seedNoiseStreams(state, 77);
    const reference = xoroshiro128plus(mixSeed(77));
    for (let draw = 0; draw < 32; draw++) reference.next();
    for (let b = 0; b < 4; b++) {
      reference.jump();
      expect(Array.from(state.subarray(4 * b, 4 * b + 4))).toEqual(reference.getState());
    }
  });

  it('fillNoise draws each block from its own stream, whatever the range split', () => {
    const n = 2 * NOISE_BLOCK + 40;
    const scale = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const whole = new Float64Array(n);
    const split = new Float64Array(n);
    const a = new Int32Array(noiseStreamWords(n));
    const b = new Int32Array(noiseStreamWords(n));
    seedNoiseStreams(a, 5);
    seedNoiseStreams(b, 5);
    for (let step = 0; step < 3; step++) {
      fillNoise(a, whole, scale, 0, n);
      fillNoise(b, split, scale, NOISE_BLOCK, n);
      fillNoise(b, split, scale, 0, NOISE_BLOCK);
      expect(Array.from(split)).toEqual(Array.from(whole));
    }
    // block 1's numbers are normal() of its generator, times the scale
    const streams = new Int32Array(noiseStreamWords(n));
    seedNoiseStreams(streams, 5);
    const block1 = NetworkRandom.fromState(streams.subarray(4, 8));
    const first = new Float64Array(n);
    fillNoise(streams, first, scale, 0, n);
    for (let i = NOISE_BLOCK; i < 2 * NOISE_BLOCK; i++) {
      expect(first[i]).toBe(scale[i]! * block1.normal());
    }
  });
});

describe('NetworkRandom', () => {
  it('new NetworkRandom(seed) gives the same numbers for the same seed and others for another', () => {
    const draw = (seed: number) => {
      const random = new NetworkRandom(seed);
      return Array.from({ length: 50 }, (_, k) =>
        k % 2 === 0 ? random.uniform() : random.normal(),
      );
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('uniform() gives 32-bit fractions in [0, 1)', () => {
    const random = new NetworkRandom(5);
    // Seeding mixes the seed and skips 32 outputs; after that the stream is the generator's own.
    const values = Array.from({ length: 1000 }, () => random.uniform());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    for (const value of values) expect(Number.isInteger(value * 2 ** 32)).toBe(true);
  });

  it('fillNormal(target, scale, n) gives scale[i] times the numbers of n calls of normal()', () => {
    const n = 5000;
    const scale = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const target = new Float64Array(n);
    new NetworkRandom(11).fillNormal(target, scale, n);
    const one = new NetworkRandom(11);
    for (let i = 0; i < n; i++) expect(target[i]).toBe(scale[i]! * one.normal());
  });

  it('fillUniform(target, start, end, m) gives m·uniform() in index order', () => {
    const target = new Float32Array(300);
    new NetworkRandom(3).fillUniform(target, 100, 300, -0.25);
    const one = new NetworkRandom(3);
    expect(Array.from(target.subarray(0, 100)).every((x) => x === 0)).toBe(true);
    for (let i = 100; i < 300; i++) expect(target[i]).toBe(Math.fround(-0.25 * one.uniform()));
  });

  it('normal() has mean 0, variance 1, kurtosis 3 and the normal distribution’s histogram', () => {
    const random = new NetworkRandom(2024);
    const count = 1_000_000;
    const edges = [-Infinity, -3.5, -2.5, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2.5, 3.5, Infinity];
    const bins = new Array<number>(edges.length - 1).fill(0);
    let sum = 0;
    let squares = 0;
    let fourth = 0;
    for (let s = 0; s < count; s++) {
      const z = random.normal();
      sum += z;
      squares += z * z;
      fourth += z * z * z * z;
      let b = 0;
      while (z >= edges[b + 1]!) b++;
      bins[b]!++;
    }
    expect(Math.abs(sum / count)).toBeLessThan(0.005);
    expect(Math.abs(squares / count - 1)).toBeLessThan(0.005);
    expect(Math.abs(fourth / count - 3)).toBeLessThan(0.05);
    let chiSquare = 0;
    for (let b = 0; b < bins.length; b++) {
      const expected = count * (normalCdf(edges[b + 1]!) - normalCdf(edges[b]!));
      chiSquare += (bins[b]! - expected) ** 2 / expected;
    }
    // 11 degrees of freedom: the 99.9 % quantile is 31.3.
    expect(chiSquare).toBeLessThan(31.3);
  });

  it('normal() reaches into both tails beyond the ziggurat’s base (|z| > 3.654)', () => {
    const random = new NetworkRandom(9);
    let below = 0;
    let above = 0;
    for (let s = 0; s < 200_000; s++) {
      const z = random.normal();
      if (z < -3.6541528853610088) below++;
      if (z > 3.6541528853610088) above++;
    }
    // expected about 26 each (P = 1.29e-4)
    expect(below).toBeGreaterThan(8);
    expect(above).toBeGreaterThan(8);
    expect(below).toBeLessThan(60);
    expect(above).toBeLessThan(60);
  });

  it('normal() gives these numbers for seed 1 in every engine (basic arithmetic only)', () => {
    const random = new NetworkRandom(1);
    const first = Array.from({ length: 6 }, () => random.normal());
    expect(first).toEqual([
      1.8282996199161365, -0.28687112818859334, 2.4109192238515154, -0.11511161300623822,
      0.1356160578169695, -0.4713581397425414,
    ]);
  });
});
