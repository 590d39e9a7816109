import { describe, expect, it } from 'vitest';
import { body, i32, leb, section, signedLeb, vector } from '../../src/network/wasm-encoding.js';

describe('leb(value) and signedLeb(value)', () => {
  it('encode the LEB128 examples of the WebAssembly specification', () => {
    expect(leb(0)).toEqual([0x00]);
    expect(leb(127)).toEqual([0x7f]);
    expect(leb(128)).toEqual([0x80, 0x01]);
    expect(leb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(signedLeb(-1)).toEqual([0x7f]);
    expect(signedLeb(63)).toEqual([0x3f]);
    expect(signedLeb(64)).toEqual([0xc0, 0x00]);
    expect(signedLeb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });
});

describe('section, vector, body and i32', () => {
  it('prefix their contents with the byte length or item count', () => {
    expect(section(1, [9, 9, 9])).toEqual([1, 3, 9, 9, 9]);
    expect(vector([[1], [2, 3]])).toEqual([2, 1, 2, 3]);
    expect(i32(-1)).toEqual([0x41, 0x7f]);
    // one group of 2 i32 locals, then the code and `end`
    expect(body([[2, 0x7f]], [0x01])).toEqual([5, 1, 2, 0x7f, 0x01, 0x0b]);
  });

  it('make a module that WebAssembly accepts', () => {
    const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const types = section(1, vector([[0x60, 0, 0]]));
    const functions = section(3, vector([[0]]));
    const code = section(10, vector([body([], [])]));
    expect(WebAssembly.validate(new Uint8Array([...magic, ...types, ...functions, ...code]))).toBe(
      true,
    );
  });
});
