/**
 * Where a sparse network's arrays live: one WebAssembly memory (shared for threads) that the
 * kernels address, each array 16-byte aligned in a fixed order; or, without the kernels, a buffer
 * of its own each (shared for threads). The memory guard counts the same arrays (`arenaArrays`).
 */
import { targetBytes } from '../synapses/delayed-synapses.js';
import { noiseStreamWords } from '../network/random.js';
import { threadRegion } from '../network/simd.js';
import { STEP_DESCRIPTOR_BYTES, STEP_TABLE_BYTES } from '../network/step-kernel.js';
import type { SparseMemory } from './kernels.js';

/** A buffer of `bytes`: shared between threads, or plain. */
export function sparseBuffer(bytes: number, shared: boolean): ArrayBufferLike {
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/** Float64 arrays of n per neuron: a, b, c, d, v, u, I, noise scale. */
export const NEURON_COLUMNS = 8;

/**
 * The bytes of every array of a network of n neurons, K synapses each, on `threads` threads, in
 * the order they are taken: the neuron columns, the synapse offsets (n + 1), the targets, the
 * weights, the two fired buffers (2n), each thread's split of the synapses (2n per thread); then
 * the noise streams (four words per block of 256 neurons) and, with the kernels, one copy of them,
 * the step kernel's descriptor and its tables, or without, a copy for each thread; last, with the
 * kernels on several threads, where the threads meet (`threadRegion`: control words, each
 * thread's descriptor, thread 0's spike log).
 */
export function arenaArrays(n: number, k: number, threads: number, kernels: boolean): number[] {
  const count = n * k;
  const streams = 4 * noiseStreamWords(n);
  const noise = kernels
    ? [streams, STEP_DESCRIPTOR_BYTES, STEP_TABLE_BYTES]
    : Array<number>(threads).fill(streams);
  const meeting = kernels && threads > 1 ? [threadRegion(n, threads, 0).bytes] : [];
  return [
    ...Array<number>(NEURON_COLUMNS).fill(8 * n),
    4 * (n + 1),
    count * targetBytes(n),
    4 * count,
    4 * 2 * n,
    ...Array<number>(2 * threads).fill(4 * n),
    ...noise,
    ...meeting,
  ];
}

/** Bytes of the arrays in one memory, each aligned to 16 bytes. */
export const arenaBytes = (arrays: readonly number[]): number =>
  arrays.reduce((sum, bytes) => sum + align16(bytes), 0);

/** Hands out the arrays in order: from one buffer, or each in a buffer of its own. */
export class SparseArena {
  private position = 0;

  /** The one buffer every array is taken from, or none. */
  readonly buffer: ArrayBufferLike | undefined;

  /**
   * @param shared whether the buffers are shared between threads
   * @param memory the one memory to take every array from (the kernels'), or none
   */
  constructor(
    readonly shared: boolean,
    readonly memory?: SparseMemory,
  ) {
    this.buffer = memory?.buffer;
  }

  /** The next `bytes` bytes: a buffer and the byte offset of the array in it. */
  take(bytes: number): [ArrayBufferLike, number] {
    if (this.buffer === undefined) return [sparseBuffer(bytes, this.shared), 0];
    const offset = this.position;
    this.position += align16(bytes);
    if (this.position > this.buffer.byteLength) throw new RangeError('the arena is full');
    return [this.buffer, offset];
  }

  /**
   * `length` int32 words after the arrays taken so far, to work in before the next arrays are
   * taken (none when the buffer does not have them).
   */
  scratch(length: number): Int32Array | undefined {
    if (this.buffer === undefined || this.position + 4 * length > this.buffer.byteLength) {
      return undefined;
    }
    return new Int32Array(this.buffer, this.position, length);
  }

  /** Bytes taken from the one buffer so far. */
  get taken(): number {
    return this.position;
  }

  float64(length: number): Float64Array {
    const [buffer, offset] = this.take(8 * length);
    return new Float64Array(buffer, offset, length);
  }

  int32(length: number): Int32Array {
    const [buffer, offset] = this.take(4 * length);
    return new Int32Array(buffer, offset, length);
  }

  float32(length: number): Float32Array {
    const [buffer, offset] = this.take(4 * length);
    return new Float32Array(buffer, offset, length);
  }
}
