import { describe, expect, it } from 'vitest';
import { npyBytes } from '../../src/export/npy.js';

describe('npyBytes(array)', () => {
  it('writes the .npy 1.0 header, padded to 64 bytes, then the values', () => {
    const bytes = npyBytes(new Int32Array([1, -2, 3]));
    const headerLength = bytes[8]! + 256 * bytes[9]!;
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 78, 85, 77, 80, 89, 1, 0]);
    expect(header).toMatch(/^\{'descr': '<i4', 'fortran_order': False, 'shape': \(3,\), \} *\n$/);
    expect((10 + headerLength) % 64).toBe(0);
    expect(Array.from(new Int32Array(bytes.slice(10 + headerLength).buffer))).toEqual([1, -2, 3]);
  });

  it('names doubles and floats <f8 and <f4', () => {
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(10, 64));
    expect(text(npyBytes(new Float64Array([0.5])))).toContain("'<f8'");
    expect(text(npyBytes(new Float32Array(0)))).toContain("'shape': (0,)");
  });
});
