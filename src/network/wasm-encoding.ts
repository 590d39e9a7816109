/** WebAssembly binary encoding: opcodes, LEB128 numbers, sections and the loop and body shapes the kernels use. */

// Instruction encodings (WebAssembly core and SIMD specifications).
export const SIMD = 0xfd;
export const op = {
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
  i32LeS: 0x4c,
  f64Const: 0x44,
  void: 0x40,
} as const;
export const simd = {
  load: [SIMD, 0x00],
  store: [SIMD, 0x0b],
  shuffle: [SIMD, 0x0d],
  f64x2Splat: [SIMD, 0x14],
  f64x2PromoteLow: [SIMD, 0x5f],
  f64x2Add: [SIMD, 0xf0, 0x01],
  f64x2Sub: [SIMD, 0xf1, 0x01],
  f64x2Mul: [SIMD, 0xf2, 0x01],
} as const;
export const type = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;

export function leb(value: number): number[] {
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

export function signedLeb(value: number): number[] {
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

export const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
export const vector = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
export const name = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));

export const get = (index: number): number[] => [op.localGet, ...leb(index)];
export const set = (index: number): number[] => [op.localSet, ...leb(index)];
export const i32 = (value: number): number[] => [op.i32Const, ...signedLeb(value)];
export const memarg = (align: number): number[] => [align, 0];
export const add = (...parts: (readonly number[])[]): number[] => parts.flat();
/** Moves lanes 2, 3 of an f32x4 to lanes 0, 1 (the high half of the vector to the low half). */
export const HIGH_TO_LOW = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];

/** Two lanes of the constant x. */
export function splat(x: number): number[] {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, x, true);
  return [op.f64Const, ...bytes, ...simd.f64x2Splat];
}

/** A function body: its locals (count, type) and its instructions, with the closing `end`. */
export function body(locals: [number, number][], code: number[]): number[] {
  const all = [...vector(locals.map(([count, kind]) => [...leb(count), kind])), ...code, op.end];
  return [...leb(all.length), ...all];
}

/** `while (counter < end) { ...step; counter += increment }` as block/loop. */
export function whileBelow(
  counter: number,
  end: number,
  increment: number,
  step: number[],
): number[] {
  return [
    op.block,
    op.void,
    op.loop,
    op.void,
    ...get(counter),
    ...get(end),
    op.i32GeU,
    op.brIf,
    1,
    ...step,
    ...get(counter),
    ...i32(increment),
    op.i32Add,
    ...set(counter),
    op.br,
    0,
    op.end,
    op.end,
  ];
}
