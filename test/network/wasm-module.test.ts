import { describe, expect, it, vi } from 'vitest';
import { compileOnce, decodeBase64, type KernelModule } from '../../src/network/wasm-module.js';

/** The smallest WebAssembly module: the magic number and version 1. */
const EMPTY = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

describe('compileOnce(cache, slot, bytes, given)', () => {
  it('compiles the bytes once and keeps the module in its slot', () => {
    const cache: (KernelModule | null | undefined)[] = [undefined, undefined];
    const bytes = vi.fn(() => EMPTY);
    const first = compileOnce(cache, 1, bytes);
    expect(first).toBeInstanceOf(WebAssembly.Module);
    expect(compileOnce(cache, 1, bytes)).toBe(first);
    expect(bytes).toHaveBeenCalledTimes(1);
    expect(cache[0]).toBeUndefined();
  });

  it('takes a module given by another thread instead of compiling, but never replaces one', () => {
    const cache: (KernelModule | null | undefined)[] = [undefined];
    const bytes = vi.fn(() => EMPTY);
    const given = new WebAssembly.Module(EMPTY);
    expect(compileOnce(cache, 0, bytes, given)).toBe(given);
    expect(bytes).not.toHaveBeenCalled();
    expect(compileOnce(cache, 0, bytes, new WebAssembly.Module(EMPTY))).toBe(given);
  });

  it('is null for bytes that are not a valid module', () => {
    const cache: (KernelModule | null | undefined)[] = [undefined];
    expect(compileOnce(cache, 0, () => new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe('decodeBase64(text)', () => {
  it('gives the bytes of a base64 text', () => {
    expect(Array.from(decodeBase64(Buffer.from(EMPTY).toString('base64')))).toEqual(
      Array.from(EMPTY),
    );
  });
});
