/** A Float64Array that grows by doubling: spike times are appended without per-spike allocation. */
export class GrowableFloat64Array {
  private data: Float64Array;
  private size = 0;

  constructor(initialCapacity = 64) {
    this.data = new Float64Array(Math.max(1, initialCapacity));
  }

  /** Number of values stored. */
  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  /** Forgets the stored values and keeps the capacity. */
  clear(): void {
    this.size = 0;
  }

  /** A view of the stored values (valid until the next push). */
  view(): Float64Array {
    return this.data.subarray(0, this.size);
  }

  /** A copy of the stored values, exactly `length` long. */
  toArray(): Float64Array {
    return this.data.slice(0, this.size);
  }
}
