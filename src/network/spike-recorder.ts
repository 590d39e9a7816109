/** Records a network's spikes as (step, neuron) pairs in growable Int32Arrays: no per-spike allocation. */
export class SpikeRecorder {
  private steps: Int32Array;
  private neurons: Int32Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.steps = new Int32Array(Math.max(1, initialCapacity));
    this.neurons = new Int32Array(Math.max(1, initialCapacity));
  }

  /** Number of spikes recorded. */
  get length(): number {
    return this.size;
  }

  /** Appends the spikes `fired[0 … count)` of step k. */
  append(step: number, fired: Int32Array, count: number): void {
    const needed = this.size + count;
    if (needed > this.steps.length) this.grow(needed);
    this.steps.fill(step, this.size, needed);
    const neurons = this.neurons;
    for (let s = 0; s < count; s++) neurons[this.size + s] = fired[s] as number;
    this.size = needed;
  }

  /** Appends the spikes of a log: neuron `neurons[s]` at step `steps[s]`, s < count. */
  appendLog(steps: Int32Array, neurons: Int32Array, count: number): void {
    const needed = this.size + count;
    if (needed > this.steps.length) this.grow(needed);
    this.steps.set(steps.subarray(0, count), this.size);
    this.neurons.set(neurons.subarray(0, count), this.size);
    this.size = needed;
  }

  private grow(needed: number): void {
    let capacity = this.steps.length * 2;
    while (capacity < needed) capacity *= 2;
    const steps = new Int32Array(capacity);
    steps.set(this.steps.subarray(0, this.size));
    const neurons = new Int32Array(capacity);
    neurons.set(this.neurons.subarray(0, this.size));
    this.steps = steps;
    this.neurons = neurons;
  }

  /** Spike times t = k·dt (ms) and neuron indices, copied to arrays of exactly `length`. */
  toSpikes(dt: number): { t: Float64Array; i: Int32Array } {
    const t = new Float64Array(this.size);
    for (let s = 0; s < this.size; s++) t[s] = (this.steps[s] as number) * dt;
    return { t, i: this.neurons.slice(0, this.size) };
  }
}
