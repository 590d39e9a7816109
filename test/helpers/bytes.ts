/**
 * The bytes of an array, to compare in one piece: element by element is slow for large ones, and
 * a failing comparison of two long arrays would take minutes to print its diff.
 */
export const bytesOf = (array: ArrayBufferView): Buffer =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength);
