/**
 * The network's one seeded random source: uniform numbers from pure-rand's xoroshiro128+ and
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
 * Seeding: the seed is mixed (MurmurHash3's finaliser) before it seeds xoroshiro128+, and the
 * first 32 outputs are skipped, so that seeds 1, 2, 3 … give unrelated streams from the start.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
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
interface ZigguratTables {
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

const TABLES = buildTables();

/** Mixes a 32-bit seed (MurmurHash3's finaliser) so that seeds 1, 2, 3 start far apart. */
function mixSeed(seed: number): number {
  let h = seed | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/**
 * A seeded source of uniform and normal numbers. The same seed gives the same sequence in Node
 * and in every browser.
 */
export class NetworkRandom {
  private readonly generator: RandomGenerator;
  private readonly threshold = TABLES.threshold;
  private readonly scale = TABLES.scale;
  private readonly height = TABLES.height;

  /**
   * @param seed a whole number from 0 to 2³² − 1 (only its low 32 bits are used)
   * @param state a state from `getState()` to continue from instead (the seed is then unused)
   */
  constructor(seed: number, state?: readonly number[]) {
    if (state !== undefined) {
      this.generator = xoroshiro128plusFromState(state);
      return;
    }
    this.generator = xoroshiro128plus(mixSeed(seed));
    for (let i = 0; i < WARM_UP_DRAWS; i++) this.generator.next();
  }

  /** The generator's state: four 32-bit integers, enough to resume the sequence exactly. */
  getState(): number[] {
    return [...(this.generator.getState?.() ?? [])];
  }

  /** A source that continues exactly where the one whose `getState()` gave `state` stood. */
  static fromState(state: readonly number[]): NetworkRandom {
    return new NetworkRandom(0, state);
  }

  /** A uniform number in [0, 1) with 32 random bits: one draw. */
  uniform(): number {
    return (this.generator.next() >>> 0) / TWO_POW_32;
  }

  /**
   * Fills `target[start … end)` with `multiplier`·U, U uniform in [0, 1): one draw each, in index
   * order (the weights of a column in one call).
   */
  fillUniform(target: Float32Array, start: number, end: number, multiplier: number): void {
    const generator = this.generator;
    // (x / 2³²)·m equals x·(m / 2³²) exactly: dividing by a power of two does not round.
    const factor = multiplier / TWO_POW_32;
    for (let i = start; i < end; i++) target[i] = (generator.next() >>> 0) * factor;
  }

  /** A uniform number in (0, 1), never 0, for logarithms: one draw. */
  private openUniform(): number {
    return ((this.generator.next() >>> 0) + 0.5) / TWO_POW_32;
  }

  /**
   * Sets `target[i] = scale[i]·N(0, 1)` for i = 0 … n − 1, drawing in index order: the same
   * numbers as n calls of `normal()`, in one loop the engine optimises as a whole.
   */
  fillNormal(target: Float64Array, scale: Float64Array, n: number): void {
    const generator = this.generator;
    const threshold = this.threshold;
    const layerScale = this.scale;
    for (let i = 0; i < n; i++) {
      const bits = generator.next();
      const layer = bits >>> 24;
      const candidate = (bits << 8) >> 8;
      const z =
        Math.abs(candidate) < (threshold[layer] as number)
          ? candidate * (layerScale[layer] as number)
          : this.normalSlowPath(candidate, layer);
      target[i] = (scale[i] as number) * z;
    }
  }

  /** A standard normal number N(0, 1): usually one draw. */
  normal(): number {
    const bits = this.generator.next();
    const layer = bits >>> 24;
    const candidate = (bits << 8) >> 8;
    if (Math.abs(candidate) < (this.threshold[layer] as number)) {
      return candidate * (this.scale[layer] as number);
    }
    return this.normalSlowPath(candidate, layer);
  }

  /** The wedge and tail cases of the ziggurat (1.2 % of the numbers). */
  private normalSlowPath(firstCandidate: number, firstLayer: number): number {
    let candidate = firstCandidate;
    let layer = firstLayer;
    for (;;) {
      const x = candidate * (this.scale[layer] as number);
      if (layer === 0) {
        // Marsaglia's tail method: exact samples from the normal tail beyond r.
        let tail: number;
        let y: number;
        do {
          tail = -portableLog(this.openUniform()) / TAIL_START;
          y = -portableLog(this.openUniform());
        } while (y + y < tail * tail);
        return candidate > 0 ? TAIL_START + tail : -TAIL_START - tail;
      }
      const upper = this.height[layer - 1] as number;
      const lower = this.height[layer] as number;
      if (lower + this.uniform() * (upper - lower) < gaussian(x)) return x;
      const bits = this.generator.next();
      layer = bits >>> 24;
      candidate = (bits << 8) >> 8;
      if (Math.abs(candidate) < (this.threshold[layer] as number)) {
        return candidate * (this.scale[layer] as number);
      }
    }
  }
}
