/**
 * One network step shared among threads. Each thread owns the neurons of a range of whole noise
 * blocks: it draws their noise, finds which of them fire (into its part of a fired buffer), waits
 * for the others at a barrier, gathers everybody's spikes in index order into its own fired list,
 * then delivers them to its neurons and updates their v and u. The fired buffer and the counts
 * alternate between two copies from step to step, so one barrier per step suffices: a thread
 * cannot reach step k + 2, and overwrite step k's copy, before every thread has reached step
 * k + 1. Every neuron's arithmetic is the same as on one thread, so the spikes are too.
 */
import type { NetworkState } from './build.js';
import {
  deliverSpikes,
  thalamicInput,
  thresholdRange,
  updateMembrane,
  updateRecovery,
} from './phases.js';
import { NOISE_BLOCK } from './random.js';

/** Words of the control array: the barrier, the command and its steps, then the counts. */
export const CONTROL = {
  /** Barrier: arrivals so far and generation. */
  arrived: 0,
  generation: 1,
  /** Commands: incremented to issue one; what it is; how many steps from which step. */
  command: 2,
  kind: 3,
  steps: 4,
  start: 5,
  /** 1 when the main thread records traces (two more barriers per step, around the copy). */
  record: 6,
  /** Then two copies of the fired count of each thread. */
  counts: 8,
} as const;

export const COMMAND_RUN = 1;
export const COMMAND_EXIT = 2;

/** Int32 words of the control array for `parties` threads. */
export const controlWords = (parties: number): number => CONTROL.counts + 2 * parties;

/**
 * The first neuron of each thread's range and, last, n: whole noise blocks, as even as they come.
 */
export function threadBounds(n: number, parties: number): Int32Array {
  const blocks = Math.ceil(n / NOISE_BLOCK);
  const bounds = new Int32Array(parties + 1);
  for (let t = 0; t <= parties; t++) {
    bounds[t] = Math.min(n, Math.floor((t * blocks) / parties) * NOISE_BLOCK);
  }
  return bounds;
}

/** Spins briefly, then sleeps, until every one of `parties` threads has arrived. */
export function barrier(control: Int32Array, parties: number): void {
  const generation = Atomics.load(control, CONTROL.generation);
  if (Atomics.add(control, CONTROL.arrived, 1) === parties - 1) {
    Atomics.store(control, CONTROL.arrived, 0);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
    return;
  }
  for (let spin = 0; spin < 20000; spin++) {
    if (Atomics.load(control, CONTROL.generation) !== generation) return;
  }
  while (Atomics.load(control, CONTROL.generation) === generation) {
    Atomics.wait(control, CONTROL.generation, generation, 1000);
  }
}

/** What one thread needs to take its part of the steps. */
export interface ThreadPart {
  /** The shared state, seen with this thread's own fired list and kernels. */
  readonly state: NetworkState;
  readonly index: number;
  readonly parties: number;
  readonly bounds: Int32Array;
  /** The two fired buffers (length n each), one for even steps and one for odd steps. */
  readonly buffers: readonly [Int32Array, Int32Array];
  /** Byte address of this thread's part descriptor (`thread-steps.wat`) in the run's memory. */
  readonly address: number;
  /**
   * With the kernels, how many neurons the last step's `finishList` listed for the next threshold
   * (in this thread's part of the next step's fired buffer), or −1 before the first step: the
   * word of the part descriptor that the thread steps kernel keeps.
   */
  readonly listed: Int32Array;
  readonly control: Int32Array;
  readonly dt: number;
  readonly noise: boolean;
}

/**
 * Takes this thread's part of step k and returns the network's fired count, or −1 when some
 * thread's neurons diverged (all threads see it at the same step).
 */
export function stepPart(part: ThreadPart, k: number): number {
  const { state, index, parties, bounds, control, dt } = part;
  const parity = k & 1;
  const buffer = part.buffers[parity] as Int32Array;
  const counts = CONTROL.counts + parity * parties;
  const from = bounds[index] as number;
  const to = bounds[index + 1] as number;
  const kernels = state.simd?.kernels;
  const listed = part.listed[0] as number;
  const out = buffer.byteOffset + 4 * from;
  const own =
    kernels === undefined
      ? (thalamicInput(state, part.noise, from, to), thresholdRange(state, from, to, buffer, from))
      : listed < 0
        ? kernels.begin(from, to, out)
        : kernels.beginList(from, to, out, listed);
  Atomics.store(control, counts + index, own);
  barrier(control, parties);
  const fired = state.fired;
  let total = 0;
  for (let t = 0; t < parties; t++) {
    const count = Atomics.load(control, counts + t);
    if (count < 0) return -1;
    const start = bounds[t] as number;
    for (let f = 0; f < count; f++) fired[total + f] = buffer[start + f] as number;
    total += count;
  }
  state.firedCount = total;
  if (kernels !== undefined) {
    // the other buffer: every thread has passed this step's barrier, so none still reads the
    // spikes of the step before from it
    const next = (part.buffers[parity ^ 1] as Int32Array).byteOffset + 4 * from;
    part.listed[0] = kernels.finishList(state.firedAddress, total, from, to, next);
    return total;
  }
  deliverSpikes(state, dt, from, to);
  updateMembrane(state, dt, from, to);
  updateRecovery(state, dt, from, to);
  return total;
}

/** A worker's loop: waits for a command, takes its part of the steps, until told to exit. */
export function serveSteps(part: ThreadPart): void {
  const { control, parties } = part;
  // commands count from 0: the first may come before this thread gets here
  let seen = 0;
  for (;;) {
    while (Atomics.load(control, CONTROL.command) === seen) {
      Atomics.wait(control, CONTROL.command, seen);
    }
    seen = Atomics.load(control, CONTROL.command);
    if (Atomics.load(control, CONTROL.kind) === COMMAND_EXIT) return;
    const steps = Atomics.load(control, CONTROL.steps);
    const start = Atomics.load(control, CONTROL.start);
    const record = Atomics.load(control, CONTROL.record) === 1;
    const threadSteps = part.state.simd?.kernels.threadSteps;
    if (!record && threadSteps !== undefined) {
      // the whole chunk in WebAssembly; it stops by itself at a divergence
      threadSteps(part.address, start, steps);
      barrier(control, parties);
      continue;
    }
    for (let s = 1; s <= steps; s++) {
      if (stepPart(part, start + s) < 0) break;
      if (record) {
        barrier(control, parties);
        barrier(control, parties);
      }
    }
    barrier(control, parties);
  }
}
