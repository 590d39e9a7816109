/**
 * NumPy's .npy format, version 1.0, for one-dimensional little-endian arrays: the magic string,
 * the version, a header (a Python dict literal, padded with spaces to a multiple of 64 bytes and
 * ending in a newline) and the raw values. `numpy.load` reads it.
 */

export type NpyArray = Float64Array | Float32Array | Int32Array;

function descr(array: NpyArray): string {
  if (array instanceof Float64Array) return '<f8';
  if (array instanceof Float32Array) return '<f4';
  return '<i4';
}

/** The bytes of an .npy file holding `array` (this machine's byte order must be little-endian). */
export function npyBytes(array: NpyArray): Uint8Array {
  const dict = `{'descr': '${descr(array)}', 'fortran_order': False, 'shape': (${array.length},), }`;
  const unpadded = 10 + dict.length + 1;
  const total = Math.ceil(unpadded / 64) * 64;
  const header = dict + ' '.repeat(total - unpadded) + '\n';
  const bytes = new Uint8Array(total + array.byteLength);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]); // \x93NUMPY, version 1.0
  bytes[8] = header.length & 0xff;
  bytes[9] = header.length >> 8;
  for (let k = 0; k < header.length; k++) bytes[10 + k] = header.charCodeAt(k);
  bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), total);
  return bytes;
}
