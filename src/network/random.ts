/**
 * The network's one seeded random source: uniform numbers from xoroshiro128+ and
 * standard normal numbers from a ziggurat on top of it, both reproducible bit for bit in every
 * JavaScript engine.
 *
 * Why a ziggurat: the thalamic noise needs N normal numbers per step. Box–Muller costs a log, a
 * square root and a sine or cosine per number; the Marsaglia polar method a log, a square root and
 * a division per number, and a rejected pair in one case out of five. The ziggurat (Marsaglia and
 * Tsang, 2000, here with 256 layers) returns 98.5 % of its numbers after one 32-bit draw, one
 * comparison and one multiplication (`bench/network.ts` measures all three). Each 32-bit draw gives
 * the layer (its top 8 bits) and a signed 24-bit candidate (the other 24), so the layer and the
 * value come from different bits. The rare wedge and tail cases use exp and log built from basic
 * arithmetic (`portable-math.ts`), so that no engine's Math.exp or Math.log can change a draw.
 *
 * The generator is pure-rand's xoroshiro128+ step for step (the tests compare the two), with its
 * four 32-bit words in an Int32Array: numbers in object fields would be boxed on every draw until
 * the engine optimises the loop, and a fresh process's first run would spend its time collecting
 * that garbage.
 *
 * Seeding: the seed is mixed (MurmurHash3's finaliser) before it seeds xoroshiro128+, and the
 * first 32 outputs are skipped, so that seeds 1, 2, 3 … give unrelated streams from the start.
 */
import { portableExp, portableLog } from './portable-math.js';

const TWO_POW_32 = 4294967296;
const TWO_POW_23 = 8388608;
/** Start of the tail of the 256-layer ziggurat: x₂₅₅ = r. */
const TAIL_START = 3.6541528853610088;
/** Area of each layer of the ziggurat. */
const LAYER_AREA = 4.92867323399e-3;
const LAYERS = 256;
/** Outputs skipped after seeding. */
const WARM_UP_DRAWS = 32;

/** The ziggurat's tables: acceptance thresholds, candidate scales and layer heights. */
export interface ZigguratTables {
  readonly threshold: Int32Array;
  readonly scale: Float64Array;
  readonly height: Float64Array;
}

const gaussian = (x: number): number => portableExp(-0.5 * x * x);

function buildTables(): ZigguratTables {
  const threshold = new Int32Array(LAYERS);
  const scale = new Float64Array(LAYERS);
  const height = new Float64Array(LAYERS);
  let x = TAIL_START;
  let previous = x;
  const baseWidth = LAYER_AREA / gaussian(x);
  threshold[0] = Math.floor((x / baseWidth) * TWO_POW_23);
  threshold[1] = 0;
  scale[0] = baseWidth / TWO_POW_23;
  scale[LAYERS - 1] = x / TWO_POW_23;
  height[0] = 1;
  height[LAYERS - 1] = gaussian(x);
  for (let i = LAYERS - 2; i >= 1; i--) {
    x = Math.sqrt(-2 * portableLog(LAYER_AREA / x + gaussian(x)));
    threshold[i + 1] = Math.floor((x / previous) * TWO_POW_23);
    previous = x;
    height[i] = gaussian(x);
    scale[i] = x / TWO_POW_23;
  }
  return { threshold, scale, height };
}

/** The ziggurat's tables (read them, do not write them). */
export const TABLES = buildTables();

/** The ziggurat's tables (read them, do not write them): the step kernel takes a copy. */
export const zigguratTables = (): ZigguratTables => TABLES;

/** Mixes a 32-bit seed (MurmurHash3's finaliser) so that seeds 1, 2, 3 start far apart. */
export function mixSeed(seed: number): number {
  let h = seed | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/**
 * One step of xoroshiro128+ on the words (s01, s00, s11, s10) at `state[o … o + 3]` (pure-rand's
 * layout and arithmetic): returns the 32-bit output, as a signed integer.
 */
export function xoroshiroNext(state: Int32Array, o: number): number {
  const s01 = state[o] as number;
  const s00 = state[o + 1] as number;
  const s11 = state[o + 2] as number;
  const s10 = state[o + 3] as number;
  const out = (s00 + s10) | 0;
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  state[o] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
  state[o + 1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
  state[o + 2] = (a0 << 5) ^ (a1 >>> 27);
  state[o + 3] = (a1 << 5) ^ (a0 >>> 27);
  return out;
}

/** xoroshiro128+ seeded as pure-rand seeds it, at `state[o … o + 3]`. */
export function xoroshiroSeed(state: Int32Array, o: number, seed: number): void {
  state[o] = -1;
  state[o + 1] = ~seed;
  state[o + 2] = seed | 0;
  state[o + 3] = 0;
}

/**
 * A seeded source of uniform and normal numbers. The same seed gives the same sequence in Node
 * and in every browser.
 */
export class NetworkRandom {
  private readonly state = new Int32Array(4);
  private readonly threshold = TABLES.threshold;
  private readonly scale = TABLES.scale;
  private readonly height = TABLES.height;

  /** @param seed a whole number from 0 to 2³² − 1 (only its low 32 bits are used) */
  constructor(seed: number) {
    xoroshiroSeed(this.state, 0, mixSeed(seed));
    for (let i = 0; i < WARM_UP_DRAWS; i++) xoroshiroNext(this.state, 0);
  }

  /** The generator's four 32-bit words: with `fromState`, enough to resume the sequence exactly. */
  getState(): number[] {
    return Array.from(this.state);
  }

  /** Goes on from the four words of a generator (see `getState`). */
  setState(words: ArrayLike<number>): void {
    this.state.set(Array.from(words));
  }

  /** A source that goes on from the four words of a generator (see `xoroshiroNext`). */
  static fromState(words: ArrayLike<number>): NetworkRandom {
    const random = new NetworkRandom(0);
    random.state.set(Array.from(words));
    return random;
  }

  /** A uniform number in [0, 1) with 32 random bits: one draw. */
  uniform(): number {
    return (xoroshiroNext(this.state, 0) >>> 0) / TWO_POW_32;
  }

  /**
   * Fills `target[start … end)` with `multiplier`·U, U uniform in [0, 1): one draw each, in index
   * order (the weights of a column in one call).
   */
  fillUniform(target: Float32Array, start: number, end: number, multiplier: number): void {
    const state = this.state;
    // (x / 2³²)·m equals x·(m / 2³²) exactly: dividing by a power of two does not round.
    const factor = multiplier / TWO_POW_32;
    for (let i = start; i < end; i++) target[i] = (xoroshiroNext(state, 0) >>> 0) * factor;
  }

  /**
   * Sets `target[i] = scale[i]·N(0, 1)` for i = 0 … n − 1, drawing in index order: the same
   * numbers as n calls of `normal()`, in one loop the engine optimises as a whole.
   */
  fillNormal(target: Float64Array, scale: Float64Array, n: number): void {
    const state = this.state;
    const threshold = this.threshold;
    const layerScale = this.scale;
    for (let i = 0; i < n; i++) {
      const bits = xoroshiroNext(state, 0);
      const layer = bits >>> 24;
      const candidate = (bits << 8) >> 8;
      const z =
        Math.abs(candidate) < (threshold[layer] as number)
          ? candidate * (layerScale[layer] as number)
          : this.normalSlowPath(candidate, layer);
      target[i] = (scale[i] as number) * z;
    }
  }

  /**
   * Lets a kernel draw from this generator: `words` gets its four words, `draw` runs (and moves
   * them on), then the generator takes them back.
   */
  drawThrough(words: Int32Array, draw: () => void): void {
    words.set(this.state);
    draw();
    this.state.set(words);
  }

  /** A standard normal number N(0, 1): usually one draw. */
  normal(): number {
    const bits = xoroshiroNext(this.state, 0);
    const layer = bits >>> 24;
    const candidate = (bits << 8) >> 8;
    if (Math.abs(candidate) < (this.threshold[layer] as number)) {
      return candidate * (this.scale[layer] as number);
    }
    return this.normalSlowPath(candidate, layer);
  }
  private normalSlowPath(candidate: number, layer: number): number {
    return normalSlowPath(this.state, 0, candidate, layer);
  }
}

/** A uniform number in (0, 1), never 0, for logarithms: one draw of the stream at `o`. */
function openUniform(state: Int32Array, o: number): number {
  return ((xoroshiroNext(state, o) >>> 0) + 0.5) / TWO_POW_32;
}

/**
 * The wedge and tail cases of the ziggurat (1.2 % of the numbers), drawing further numbers from
 * the stream at `state[o … o + 3]`.
 */
export function normalSlowPath(
  state: Int32Array,
  o: number,
  firstCandidate: number,
  firstLayer: number,
): number {
  const { threshold, scale, height } = TABLES;
  let candidate = firstCandidate;
  let layer = firstLayer;
  for (;;) {
    const x = candidate * (scale[layer] as number);
    if (layer === 0) {
      // Marsaglia's tail method: exact samples from the normal tail beyond r.
      let tail: number;
      let y: number;
      do {
        tail = -portableLog(openUniform(state, o)) / TAIL_START;
        y = -portableLog(openUniform(state, o));
      } while (y + y < tail * tail);
      return candidate > 0 ? TAIL_START + tail : -TAIL_START - tail;
    }
    const upper = height[layer - 1] as number;
    const lower = height[layer] as number;
    const u = (xoroshiroNext(state, o) >>> 0) / TWO_POW_32;
    if (lower + u * (upper - lower) < gaussian(x)) return x;
    const bits = xoroshiroNext(state, o);
    layer = bits >>> 24;
    candidate = (bits << 8) >> 8;
    if (Math.abs(candidate) < (threshold[layer] as number)) {
      return candidate * (scale[layer] as number);
    }
  }
}

/** xoroshiro128+'s jump polynomial, as pure-rand's `jump()` applies it. */
const JUMP = [3639956645, 3750757012, 1261568508, 386426335];

/** Moves the generator at `state[o … o + 3]` on by 2⁶⁴ draws (pure-rand's `jump()`). */
export function xoroshiroJump(state: Int32Array, o: number): void {
  let n01 = 0;
  let n00 = 0;
  let n11 = 0;
  let n10 = 0;
  for (const word of JUMP) {
    for (let mask = 1; mask !== 0; mask = (mask << 1) | 0) {
      if ((word & mask) !== 0) {
        n01 ^= state[o] as number;
        n00 ^= state[o + 1] as number;
        n11 ^= state[o + 2] as number;
        n10 ^= state[o + 3] as number;
      }
      xoroshiroNext(state, o);
    }
  }
  state[o] = n01;
  state[o + 1] = n00;
  state[o + 2] = n11;
  state[o + 3] = n10;
}

/** Neurons per noise stream: threads split the network at multiples of this. */
export const NOISE_BLOCK = 256;

/** Int32 words of the noise streams of n neurons: four per block. */
export const noiseStreamWords = (n: number): number => 4 * Math.ceil(n / NOISE_BLOCK);

/**
 * Seeds the thalamic noise streams, one per block of `NOISE_BLOCK` neurons: block b's generator
 * is the seed's (the one `NetworkRandom` draws the network from) jumped b + 1 times, 2⁶⁴ draws
 * apart, so that the streams never overlap and no block's numbers depend on how the network is
 * split among threads.
 */
export function seedNoiseStreams(state: Int32Array, seed: number): void {
  const generator = new Int32Array(4);
  xoroshiroSeed(generator, 0, mixSeed(seed));
  for (let i = 0; i < WARM_UP_DRAWS; i++) xoroshiroNext(generator, 0);
  for (let o = 0; o < state.length; o += 4) {
    xoroshiroJump(generator, 0);
    state.set(generator, o);
  }
}

/**
 * Phase 1's numbers: `target[i] = scale[i]·N(0, 1)` for i in [from, to), neuron i drawing from
 * its block's stream in index order. `from` is a multiple of `NOISE_BLOCK`.
 */
export function fillNoise(
  state: Int32Array,
  target: Float64Array,
  scale: Float64Array,
  from: number,
  to: number,
): void {
  const { threshold, scale: layerScale } = TABLES;
  let i = from;
  while (i < to) {
    const o = 4 * Math.floor(i / NOISE_BLOCK);
    const end = Math.min(to, i - (i % NOISE_BLOCK) + NOISE_BLOCK);
    for (; i < end; i++) {
      const bits = xoroshiroNext(state, o);
      const layer = bits >>> 24;
      const candidate = (bits << 8) >> 8;
      const z =
        Math.abs(candidate) < (threshold[layer] as number)
          ? candidate * (layerScale[layer] as number)
          : normalSlowPath(state, o, candidate, layer);
      target[i] = (scale[i] as number) * z;
    }
  }
}

/**
 * xoroshiro128+'s state transition raised to the powers 2⁰, 2¹, 2², …, computed as needed: each a
 * 128 × 128 bit matrix over GF(2) stored as 128 columns of four int32 words (column c is the
 * image of state bit c, word c >> 5, bit c & 31), since the transition only xors, shifts and
 * rotates bits.
 */
const POWERS: Int32Array[] = [];

/** Sets `out[0 … 3]` to matrix · vector (the vector's four words at `vector[o … o + 3]`). */
function applyMatrix(matrix: Int32Array, vector: Int32Array, o: number, out: Int32Array): void {
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  for (let c = 0; c < 128; c++) {
    if (((vector[o + (c >> 5)] as number) & (1 << (c & 31))) === 0) continue;
    w0 ^= matrix[4 * c] as number;
    w1 ^= matrix[4 * c + 1] as number;
    w2 ^= matrix[4 * c + 2] as number;
    w3 ^= matrix[4 * c + 3] as number;
  }
  out[0] = w0;
  out[1] = w1;
  out[2] = w2;
  out[3] = w3;
}

/** The transition raised to 2^power (computed once). */
function transitionPower(power: number): Int32Array {
  for (let p = POWERS.length; p <= power; p++) {
    const matrix = new Int32Array(4 * 128);
    const column = new Int32Array(4);
    for (let c = 0; c < 128; c++) {
      if (p === 0) {
        column.fill(0);
        column[c >> 5] = 1 << (c & 31);
        xoroshiroNext(column, 0);
      } else {
        // T^(2^p) = T^(2^(p−1)) · T^(2^(p−1)), column by column
        const half = POWERS[p - 1] as Int32Array;
        applyMatrix(half, half, 4 * c, column);
      }
      matrix.set(column, 4 * c);
    }
    POWERS.push(matrix);
  }
  return POWERS[power] as Int32Array;
}

/**
 * Moves the generator at `state[o … o + 3]` on by `draws` draws (a whole number below 2⁵³) in
 * about log₂(draws) matrix products: the words it would have after `draws` calls of
 * `xoroshiroNext`, without drawing.
 */
export function xoroshiroAdvance(state: Int32Array, o: number, draws: number): void {
  if (!Number.isSafeInteger(draws) || draws < 0) {
    throw new RangeError(`draws must be a whole number from 0 to 2^53 − 1, got ${draws}`);
  }
  const words = new Int32Array(4);
  let rest = draws;
  for (let power = 0; rest > 0; power++, rest = Math.floor(rest / 2)) {
    if (rest % 2 === 0) continue;
    applyMatrix(transitionPower(power), state, o, words);
    state.set(words, o);
  }
}
