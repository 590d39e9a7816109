/**
 * An optional WebAssembly SIMD kernel for phase 3 (synaptic delivery), eight fired columns at a
 * time, two lanes per instruction. It computes exactly what the JavaScript loop of `phases.ts`
 * computes, in the same order (each float32 weight widened to double, the eight summed pairwise,
 * times 1/dt, added to I), so both give the same bits; the network falls back to JavaScript where
 * WebAssembly SIMD is missing. The module is assembled here from its instructions (no binary blob):
 * about 300 bytes, compiled once.
 *
 * ```text
 * deliver8(weights, fired, groups, n, input, charge):     // byte addresses in the memory
 *   for g in 0 … groups−1:  c₀…c₇ = weights + 4n·fired[8g + k]
 *     for i in 0, 4, 8, … < n rounded down to 4:            // four neurons per pass
 *       wₖ = f32x4 at cₖ + 4i
 *       lo = ((w₀+w₁)+(w₂+w₃))+((w₄+w₅)+(w₆+w₇)) on lanes 0, 1 widened to f64x2; hi on lanes 2, 3
 *       I[i, i+1] += lo·charge;  I[i+2, i+3] += hi·charge
 * ```
 */

// Instruction encodings (WebAssembly core and SIMD specifications).
const SIMD = 0xfd;
const op = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  i32Load: 0x28,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Shl: 0x74,
  void: 0x40,
} as const;
const simd = {
  load: [SIMD, 0x00],
  store: [SIMD, 0x0b],
  shuffle: [SIMD, 0x0d],
  f64x2Splat: [SIMD, 0x14],
  f64x2PromoteLow: [SIMD, 0x5f],
  f64x2Add: [SIMD, 0xf0, 0x01],
  f64x2Mul: [SIMD, 0xf2, 0x01],
} as const;
const type = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;

function leb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return bytes;
}

function signedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    if ((rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0)) {
      bytes.push(byte);
      return bytes;
    }
    bytes.push(byte | 0x80);
  }
}

const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const vector = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const name = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));

// Parameters and locals of deliver8, by index.
const P_WEIGHTS = 0;
const P_FIRED = 1;
const P_GROUPS = 2;
const P_N = 3;
const P_INPUT = 4;
const P_CHARGE = 5;
const L_COLUMN_BYTES = 6;
const L_END = 7;
const L_I = 8;
const L_J = 9;
const L_C = 10; // c0 … c7: 10 … 17
const L_W = 18; // w0 … w7: 18 … 25 (v128)
const L_CHARGE = 26; // v128
const L_SUM = 27; // v128

const get = (index: number): number[] => [op.localGet, ...leb(index)];
const set = (index: number): number[] => [op.localSet, ...leb(index)];
const i32 = (value: number): number[] => [op.i32Const, ...signedLeb(value)];
const memarg = (align: number): number[] => [align, 0];
/** Moves lanes 2, 3 of an f32x4 to lanes 0, 1 (the high half of the vector to the low half). */
const HIGH_TO_LOW = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];

/** Widened lanes (0, 1) or (2, 3) of wₖ. */
function widened(k: number, high: boolean): number[] {
  const w = get(L_W + k);
  return high
    ? [...w, ...w, ...simd.shuffle, ...HIGH_TO_LOW, ...simd.f64x2PromoteLow]
    : [...w, ...simd.f64x2PromoteLow];
}

/** ((w₀+w₁)+(w₂+w₃))+((w₄+w₅)+(w₆+w₇)) on two lanes, as the JavaScript loop sums them. */
function sumOfEight(high: boolean): number[] {
  const pair = (a: number, b: number) => [
    ...widened(a, high),
    ...widened(b, high),
    ...simd.f64x2Add,
  ];
  return [
    ...pair(0, 1),
    ...pair(2, 3),
    ...simd.f64x2Add,
    ...pair(4, 5),
    ...pair(6, 7),
    ...simd.f64x2Add,
    ...simd.f64x2Add,
  ];
}

/** I at byte address j + offset += sum·charge, two lanes. */
function accumulate(high: boolean): number[] {
  const address = high ? [...get(L_J), ...i32(16), op.i32Add] : get(L_J);
  return [
    ...sumOfEight(high),
    ...set(L_SUM),
    ...address,
    ...address,
    ...simd.load,
    ...memarg(3),
    ...get(L_SUM),
    ...get(L_CHARGE),
    ...simd.f64x2Mul,
    ...simd.f64x2Add,
    ...simd.store,
    ...memarg(3),
  ];
}

function deliverBody(): number[] {
  const columns: number[] = [];
  for (let k = 0; k < 8; k++) {
    // c_k = weights + fired[k]·4n, fired advanced by 32 bytes per group
    columns.push(
      ...get(P_WEIGHTS),
      ...get(P_FIRED),
      op.i32Load,
      ...memarg(2),
      ...get(L_COLUMN_BYTES),
      op.i32Mul,
      op.i32Add,
      ...set(L_C + k),
    );
    // the load above reads fired[0]; shift the base by 4 bytes for the next k
    columns.push(...get(P_FIRED), ...i32(4), op.i32Add, ...set(P_FIRED));
  }
  const loads: number[] = [];
  for (let k = 0; k < 8; k++) {
    loads.push(
      ...get(L_C + k),
      ...get(L_I),
      op.i32Add,
      ...simd.load,
      ...memarg(2),
      ...set(L_W + k),
    );
  }
  const inner = [
    op.block,
    op.void,
    op.loop,
    op.void,
    ...get(L_I),
    ...get(L_END),
    op.i32GeU,
    op.brIf,
    1,
    ...loads,
    ...accumulate(false),
    ...accumulate(true),
    ...get(L_I),
    ...i32(16),
    op.i32Add,
    ...set(L_I),
    ...get(L_J),
    ...i32(32),
    op.i32Add,
    ...set(L_J),
    op.br,
    0,
    op.end,
    op.end,
  ];
  const body = [
    // columnBytes = 4n; end = 4·(n & ~3); charge splatted
    ...get(P_N),
    ...i32(2),
    op.i32Shl,
    ...set(L_COLUMN_BYTES),
    ...get(P_N),
    ...i32(-4),
    op.i32And,
    ...i32(2),
    op.i32Shl,
    ...set(L_END),
    ...get(P_CHARGE),
    ...simd.f64x2Splat,
    ...set(L_CHARGE),
    op.block,
    op.void,
    op.loop,
    op.void,
    ...get(P_GROUPS),
    ...i32(0),
    ...[0x4c], // i32.le_s
    op.brIf,
    1,
    ...columns,
    ...i32(0),
    ...set(L_I),
    ...get(P_INPUT),
    ...set(L_J),
    ...inner,
    ...get(P_GROUPS),
    ...i32(-1),
    op.i32Add,
    ...set(P_GROUPS),
    op.br,
    0,
    op.end,
    op.end,
    op.end,
  ];
  const locals = vector([
    [...leb(4 + 8), type.i32], // columnBytes, end, i, j, c0 … c7
    [...leb(10), type.v128], // w0 … w7, charge, sum
  ]);
  const code = [...locals, ...body];
  return [...leb(code.length), ...code];
}

/** The bytes of the module: imports `env.memory`, exports `deliver8`. */
export function deliveryModuleBytes(): Uint8Array<ArrayBuffer> {
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(
      1,
      vector([
        [
          0x60,
          ...vector([[type.i32], [type.i32], [type.i32], [type.i32], [type.i32], [type.f64]]),
          0,
        ],
      ]),
    ),
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, 0x00]])),
    ...section(3, vector([[0]])),
    ...section(7, vector([[...name('deliver8'), 0x00, 0]])),
    ...section(10, vector([deliverBody()])),
  ];
  return new Uint8Array(bytes);
}

type Deliver8 = (
  weights: number,
  fired: number,
  groups: number,
  n: number,
  input: number,
  charge: number,
) => void;

let compiled: WebAssembly.Module | null | undefined;

function compile(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = deliveryModuleBytes();
      if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    }
  } catch {
    compiled = null;
  }
  return compiled;
}

/** The arrays of a network placed in WebAssembly memory, and the kernel that reads them. */
export interface SimdDelivery {
  readonly input: Float64Array;
  readonly fired: Int32Array;
  readonly weights: Float32Array;
  /** Delivers the columns of fired[0 … 8·groups) to I for neurons 0 … (n rounded down to 4) − 1. */
  readonly deliverEight: (groups: number, charge: number) => void;
  /** n rounded down to a multiple of 4: the neurons the kernel covers. */
  readonly covered: number;
}

const PAGE = 65536;
const MAX_PAGES = 65536;

/**
 * Allocates I, the fired buffer and the weights of an n-neuron network in one WebAssembly memory
 * and returns them with the kernel; undefined when WebAssembly SIMD is missing or the weights do
 * not fit in its 4 GB.
 */
export function createSimdDelivery(n: number): SimdDelivery | undefined {
  const module = compile();
  if (module === null) return undefined;
  const inputBytes = 8 * n;
  const firedBytes = 4 * n + 16;
  const weightsOffset = inputBytes + firedBytes + ((16 - ((inputBytes + firedBytes) % 16)) % 16);
  const total = weightsOffset + 4 * n * n;
  const pages = Math.ceil(total / PAGE);
  if (pages > MAX_PAGES) return undefined;
  let memory: WebAssembly.Memory;
  let deliver: Deliver8;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    deliver = instance.exports.deliver8 as Deliver8;
  } catch {
    return undefined;
  }
  const buffer = memory.buffer;
  return {
    input: new Float64Array(buffer, 0, n),
    fired: new Int32Array(buffer, inputBytes, n),
    weights: new Float32Array(buffer, weightsOffset, n * n),
    deliverEight: (groups, charge) => deliver(weightsOffset, inputBytes, groups, n, 0, charge),
    covered: n & ~3,
  };
}
