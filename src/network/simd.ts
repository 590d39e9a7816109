/**
 * Optional WebAssembly SIMD kernels for phases 3, 4 and 5 (synaptic delivery and the updates of v
 * and u), two double-precision lanes per instruction. Each computes exactly what the JavaScript
 * loop of `phases.ts` computes, operation for operation in the same order (WebAssembly rounds
 * every operation as JavaScript does and never fuses a multiply-add), so both give the same bits;
 * the network falls back to JavaScript where WebAssembly SIMD is missing. The module is assembled
 * here from its instructions (no binary blob): under 1 kB, compiled once.
 *
 * ```text
 * deliver8(weights, fired, groups, n, input, charge):     // byte addresses in the memory
 *   for g in 0 … groups−1:  c₀…c₇ = weights + 4n·fired[8g + k]
 *     for i in 0, 4, 8, … < n rounded down to 4:            // four neurons per pass
 *       wₖ = f32x4 at cₖ + 4i
 *       lo = ((w₀+w₁)+(w₂+w₃))+((w₄+w₅)+(w₆+w₇)) on lanes 0, 1 widened to f64x2; hi on lanes 2, 3
 *       I[i, i+1] += lo·charge;  I[i+2, i+3] += hi·charge
 * membrane(v, u, input, pairs, half):   twice v += half·(0.04·(v·v) + 5·v + 140 − u + I)
 * recovery(v, u, a, b, pairs, dt):      u += (dt·a)·(b·v − u)
 * ```
 */
import {
  op,
  simd,
  type,
  section,
  vector,
  name,
  get,
  set,
  i32,
  memarg,
  add,
  HIGH_TO_LOW,
  splat,
  body,
  whileBelow,
} from './wasm-encoding.js';

/** deliver8(weights, fired, groups, n, input, charge): see the module comment. */
function deliverBody(): number[] {
  const [WEIGHTS, FIRED, GROUPS, N, INPUT, CHARGE] = [0, 1, 2, 3, 4, 5];
  const [COLUMN_BYTES, END, I, J, C, W, CHARGES, SUM, G] = [6, 7, 8, 9, 10, 18, 26, 27, 28];
  /** Widened lanes (0, 1) or (2, 3) of wₖ. */
  const widened = (k: number, high: boolean): number[] =>
    high
      ? [...get(W + k), ...get(W + k), ...simd.shuffle, ...HIGH_TO_LOW, ...simd.f64x2PromoteLow]
      : [...get(W + k), ...simd.f64x2PromoteLow];
  const pair = (x: number, y: number, high: boolean) =>
    add(widened(x, high), widened(y, high), simd.f64x2Add);
  /** I at j (+16 for lanes 2, 3) += (((w₀+w₁)+(w₂+w₃))+((w₄+w₅)+(w₆+w₇)))·charge. */
  const accumulate = (high: boolean): number[] => {
    const address = high ? [...get(J), ...i32(16), op.i32Add] : get(J);
    return add(
      pair(0, 1, high),
      pair(2, 3, high),
      simd.f64x2Add,
      pair(4, 5, high),
      pair(6, 7, high),
      simd.f64x2Add,
      simd.f64x2Add,
      set(SUM),
      address,
      address,
      simd.load,
      memarg(3),
      get(SUM),
      get(CHARGES),
      simd.f64x2Mul,
      simd.f64x2Add,
      simd.store,
      memarg(3),
    );
  };
  const columns: number[] = [];
  for (let k = 0; k < 8; k++) {
    // c_k = weights + 4n·fired[8g + k]; the fired address moves on by 4 bytes per column
    columns.push(
      ...get(WEIGHTS),
      ...get(FIRED),
      op.i32Load,
      ...memarg(2),
      ...get(COLUMN_BYTES),
      op.i32Mul,
      op.i32Add,
      ...set(C + k),
      ...get(FIRED),
      ...i32(4),
      op.i32Add,
      ...set(FIRED),
    );
  }
  const loads: number[] = [];
  for (let k = 0; k < 8; k++) {
    loads.push(...get(C + k), ...get(I), op.i32Add, ...simd.load, ...memarg(2), ...set(W + k));
  }
  const perFourNeurons = add(
    loads,
    accumulate(false),
    accumulate(true),
    get(J),
    i32(32),
    [op.i32Add],
    set(J),
  );
  const perGroup = add(
    columns,
    i32(0),
    set(I),
    get(INPUT),
    set(J),
    whileBelow(I, END, 16, perFourNeurons),
  );
  return body(
    [
      [4 + 8, type.i32],
      [10, type.v128],
      [1, type.i32],
    ],
    add(
      get(N),
      i32(2),
      [op.i32Shl],
      set(COLUMN_BYTES),
      get(N),
      i32(-4),
      [op.i32And],
      i32(2),
      [op.i32Shl],
      set(END),
      get(CHARGE),
      simd.f64x2Splat,
      set(CHARGES),
      i32(0),
      set(G),
      whileBelow(G, GROUPS, 1, perGroup),
    ),
  );
}

/** membrane(v, u, input, pairs, half): twice v += half·(0.04·(v·v) + 5·v + 140 − u + I). */
function membraneBody(): number[] {
  const [V, U, INPUT, PAIRS, HALF] = [0, 1, 2, 3, 4];
  const [OFFSET, END, VV, UU, II, HH, C004, C5, C140] = [5, 6, 7, 8, 9, 10, 11, 12, 13];
  const halfStep = add(
    get(VV),
    get(HH),
    get(C004),
    get(VV),
    get(VV),
    simd.f64x2Mul,
    simd.f64x2Mul,
    get(C5),
    get(VV),
    simd.f64x2Mul,
    simd.f64x2Add,
    get(C140),
    simd.f64x2Add,
    get(UU),
    simd.f64x2Sub,
    get(II),
    simd.f64x2Add,
    simd.f64x2Mul,
    simd.f64x2Add,
    set(VV),
  );
  const load = (base: number, into: number) =>
    add(get(base), get(OFFSET), [op.i32Add], simd.load, memarg(3), set(into));
  const step = add(
    load(V, VV),
    load(U, UU),
    load(INPUT, II),
    halfStep,
    halfStep,
    get(V),
    get(OFFSET),
    [op.i32Add],
    get(VV),
    simd.store,
    memarg(3),
  );
  return body(
    [
      [2, type.i32],
      [7, type.v128],
    ],
    add(
      get(PAIRS),
      i32(4),
      [op.i32Shl],
      set(END),
      get(HALF),
      simd.f64x2Splat,
      set(HH),
      splat(0.04),
      set(C004),
      splat(5),
      set(C5),
      splat(140),
      set(C140),
      i32(0),
      set(OFFSET),
      whileBelow(OFFSET, END, 16, step),
    ),
  );
}

/** recovery(v, u, a, b, pairs, dt): u += (dt·a)·(b·v − u). */
function recoveryBody(): number[] {
  const [V, U, A, B, PAIRS, DT] = [0, 1, 2, 3, 4, 5];
  const [OFFSET, END, UU, DD] = [6, 7, 8, 9];
  const at = (base: number) => add(get(base), get(OFFSET), [op.i32Add]);
  const load = (base: number) => add(at(base), simd.load, memarg(3));
  const step = add(
    load(U),
    set(UU),
    at(U),
    get(UU),
    get(DD),
    load(A),
    simd.f64x2Mul,
    load(B),
    load(V),
    simd.f64x2Mul,
    get(UU),
    simd.f64x2Sub,
    simd.f64x2Mul,
    simd.f64x2Add,
    simd.store,
    memarg(3),
  );
  return body(
    [
      [2, type.i32],
      [2, type.v128],
    ],
    add(
      get(PAIRS),
      i32(4),
      [op.i32Shl],
      set(END),
      get(DT),
      simd.f64x2Splat,
      set(DD),
      i32(0),
      set(OFFSET),
      whileBelow(OFFSET, END, 16, step),
    ),
  );
}

/** The bytes of the module: imports `env.memory`, exports deliver8, membrane and recovery. */
export function kernelModuleBytes(): Uint8Array<ArrayBuffer> {
  const params = (i32s: number) =>
    vector([...Array.from({ length: i32s }, () => [type.i32]), [type.f64]]);
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(
      1,
      vector([
        [0x60, ...params(5), 0],
        [0x60, ...params(4), 0],
      ]),
    ),
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, 0x00]])),
    ...section(3, vector([[0], [1], [0]])),
    ...section(
      7,
      vector([
        [...name('deliver8'), 0x00, 0],
        [...name('membrane'), 0x00, 1],
        [...name('recovery'), 0x00, 2],
      ]),
    ),
    ...section(10, vector([deliverBody(), membraneBody(), recoveryBody()])),
  ];
  return new Uint8Array(bytes);
}

type Kernel = (...args: number[]) => void;

let compiled: WebAssembly.Module | null | undefined;

function compile(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = kernelModuleBytes();
      if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    }
  } catch {
    compiled = null;
  }
  return compiled;
}

/** A network's per-neuron arrays and weights in one WebAssembly memory, with the kernels. */
export interface SimdKernels {
  readonly input: Float64Array;
  readonly v: Float64Array;
  readonly u: Float64Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly fired: Int32Array;
  readonly weights: Float32Array;
  /** Phase 3 for the columns of fired[0 … 8·groups), neurons 0 … `covered` − 1. */
  readonly deliverEight: (groups: number, charge: number) => void;
  /** Phase 4 for neurons 0 … 2·`pairs` − 1. */
  readonly updateMembrane: (half: number) => void;
  /** Phase 5 for neurons 0 … 2·`pairs` − 1. */
  readonly updateRecovery: (dt: number) => void;
  /** n rounded down to a multiple of 4: the neurons `deliverEight` covers. */
  readonly covered: number;
  /** ⌊n/2⌋: the pairs of neurons the updates cover. */
  readonly pairs: number;
}

const PAGE = 65536;
const MAX_PAGES = 65536;
const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/**
 * Allocates the arrays of an n-neuron network in one WebAssembly memory and returns them with
 * the kernels; undefined when WebAssembly SIMD is missing or the weights do not fit in its 4 GB.
 */
export function createSimdKernels(n: number): SimdKernels | undefined {
  const module = compile();
  if (module === null) return undefined;
  const column = align16(8 * n);
  const offsets = {
    input: 0,
    v: column,
    u: 2 * column,
    a: 3 * column,
    b: 4 * column,
    fired: 5 * column,
  };
  const weightsOffset = offsets.fired + align16(4 * n + 16);
  const pages = Math.ceil((weightsOffset + 4 * n * n) / PAGE);
  if (pages > MAX_PAGES) return undefined;
  let memory: WebAssembly.Memory;
  let exports: Record<string, Kernel>;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    exports = new WebAssembly.Instance(module, { env: { memory } }).exports as Record<
      string,
      Kernel
    >;
  } catch {
    return undefined;
  }
  const { deliver8, membrane, recovery } = exports as Record<
    'deliver8' | 'membrane' | 'recovery',
    Kernel
  >;
  const buffer = memory.buffer;
  const doubles = (offset: number) => new Float64Array(buffer, offset, n);
  const pairs = n >> 1;
  return {
    input: doubles(offsets.input),
    v: doubles(offsets.v),
    u: doubles(offsets.u),
    a: doubles(offsets.a),
    b: doubles(offsets.b),
    fired: new Int32Array(buffer, offsets.fired, n),
    weights: new Float32Array(buffer, weightsOffset, n * n),
    deliverEight: (groups, charge) =>
      deliver8(weightsOffset, offsets.fired, groups, n, offsets.input, charge),
    updateMembrane: (half) => membrane(offsets.v, offsets.u, offsets.input, pairs, half),
    updateRecovery: (dt) => recovery(offsets.v, offsets.u, offsets.a, offsets.b, pairs, dt),
    covered: n & ~3,
    pairs,
  };
}
