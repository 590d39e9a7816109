/**
 * One sparse network step shared among threads. Each thread owns the neurons of a range of whole
 * noise blocks: it draws their noise, finds which of them fire (into its part of a shared fired
 * buffer), waits for the others at a barrier, then reads everybody's spikes in index order and
 * delivers them to its own neurons only (each neuron's run of synapses is split at the thread's
 * range in advance), and updates their v and u. Every neuron receives its inputs in the same order
 * for any number of threads, so the spikes are the same. The fired buffer and the counts alternate
 * between two copies from step to step, so one barrier per step suffices: no thread can reach
 * step k + 2, and overwrite step k's copy, before every thread has reached step k + 1.
 */
import type { SparseNetworkState } from './build.js';
import { CONTROL, COMMAND_EXIT, barrier } from '../network/parallel.js';
import { NoiseBlocks } from './noise.js';
import { thresholdRange, updateMembrane, updateRecovery } from '../network/phases.js';
import type { ThreadRegion } from '../network/simd.js';
import { PART, writePart } from '../network/thread-steps.js';
import { deliverRange, type SynapseSplit } from './step.js';
import {
  bindSparseKernels,
  deliveryAddresses,
  type NoiseTables,
  type SparseKernels,
  type SparseMemory,
} from './kernels.js';

/** What a thread is given to take its part (structured-cloneable: shared arrays, numbers). */
export interface SparseThreadInit {
  readonly state: SparseNetworkState;
  readonly index: number;
  readonly parties: number;
  readonly bounds: Int32Array;
  /** Two fired buffers of n each, one for odd steps and one for even steps. */
  readonly fired: Int32Array;
  /** Where each neuron's run of synapses enters and leaves this thread's range. */
  readonly split: SynapseSplit;
  /**
   * The WebAssembly memory that holds every array above and the noise tables, for the kernels;
   * none without (each thread then draws the noise of its blocks from streams of its own).
   */
  readonly memory: SparseMemory | undefined;
  readonly tables: NoiseTables | undefined;
  /** Whether `memory` is shared (several threads). */
  readonly shared: boolean;
  readonly control: Int32Array;
  readonly dt: number;
  readonly seed: number;
  readonly noise: boolean;
  /**
   * With the kernels on several threads, where the threads meet in the memory (`threadRegion`):
   * each chunk of steps without traces then runs in WebAssembly (`thread-steps.wat`).
   */
  readonly threads: ThreadRegion | undefined;
  /** The recorded neurons and their traces: v, u, I of recorded neuron r at `(3r + x)·K + k − 1`. */
  readonly record: Int32Array;
  readonly traces: Float64Array;
  readonly steps: number;
}

/** One thread's part: its init, its noise streams, its kernels. */
export interface SparseThreadPart extends SparseThreadInit {
  readonly from: number;
  readonly to: number;
  readonly noiseBlocks: NoiseBlocks | undefined;
  readonly kernels: SparseKernels | undefined;
  /**
   * With the kernels, how many neurons the last update listed for the next threshold (in the
   * thread's part of the next step's fired buffer), or −1 before the first update: on several
   * threads, the word of the part descriptor that the thread steps kernel keeps.
   */
  readonly listed: Int32Array;
  /** Byte address of this thread's part descriptor, or −1 without one. */
  readonly address: number;
}

/** Prepares a thread's part: seeds its noise blocks, binds its kernels, writes its descriptor. */
export function threadPart(init: SparseThreadInit): SparseThreadPart {
  const { state, bounds, index, memory, threads } = init;
  const from = bounds[index] as number;
  const to = bounds[index + 1] as number;
  const kernels =
    memory === undefined || init.tables === undefined
      ? undefined
      : bindSparseKernels(
          memory,
          init.shared,
          state,
          init.split,
          init.tables,
          threads !== undefined,
        );
  const fired = init.fired;
  const address =
    kernels === undefined || threads === undefined || memory === undefined
      ? -1
      : writePart(memory.buffer, threads, {
          index,
          bounds,
          buffers: [fired.byteOffset, fired.byteOffset + 4 * state.n],
          fired: 0,
          sparse: { ...deliveryAddresses(state, init.split), charge: 1 / init.dt },
        });
  return {
    ...init,
    from,
    to,
    noiseBlocks:
      init.noise && memory === undefined
        ? new NoiseBlocks(init.seed, state.input, state.noiseScale, from, to)
        : undefined,
    kernels,
    listed:
      address < 0 || memory === undefined
        ? Int32Array.of(-1)
        : new Int32Array(memory.buffer, address + PART.listed, 1),
    address,
  };
}

/**
 * Takes this thread's part of step k and returns the network's fired count, or −1 when some
 * thread's neurons diverged (all threads see it at the same step).
 */
export function stepPart(part: SparseThreadPart, k: number): number {
  const { state, index, parties, bounds, control, dt, from, to, fired, kernels } = part;
  const parity = k & 1;
  const base = parity * state.n;
  const counts = CONTROL.counts + parity * parties;
  if (!part.noise) state.input.fill(0, from, to);
  else if (kernels !== undefined) kernels.noise(from, to);
  else part.noiseBlocks?.fill();
  const firedAt = fired.byteOffset + 4 * base;
  const listed = part.listed[0] as number;
  const count =
    kernels === undefined
      ? thresholdRange(state, from, to, fired, base + from)
      : listed < 0
        ? kernels.threshold(from, to, firedAt + 4 * from)
        : kernels.thresholdList(firedAt + 4 * from, listed);
  Atomics.store(control, counts + index, count);
  barrier(control, parties);
  const charge = 1 / dt;
  let total = 0;
  for (let t = 0; t < parties; t++) {
    const count = Atomics.load(control, counts + t);
    if (count < 0) return -1;
    const start = bounds[t] as number;
    if (kernels === undefined) deliverRange(state, part.split, fired, base + start, count, charge);
    else kernels.deliver(firedAt + 4 * start, count, charge);
    total += count;
  }
  if (kernels === undefined) {
    updateMembrane(state, dt, from, to);
    updateRecovery(state, dt, from, to);
  } else updateListing(part, kernels, k);
  if (part.record.length > 0) recordRange(part, k - 1);
  return total;
}

/**
 * Phases 4 and 5 with the kernels (`updateList` of step.wat), which also list the neurons the next
 * threshold can fire or find diverged into this thread's part of the next step's fired buffer.
 * Every thread has passed this step's barrier, so none still reads that buffer's spikes of the
 * step before.
 */
function updateListing(part: SparseThreadPart, kernels: SparseKernels, k: number): void {
  const { state, fired, from, to } = part;
  const next = ((k + 1) & 1) * state.n + from;
  part.listed[0] = kernels.update(from, to, fired.byteOffset + 4 * next);
}

/** Writes v, u and I of the recorded neurons of this thread's range at row `row`. */
function recordRange(part: SparseThreadPart, row: number): void {
  const { record, traces, steps, state, from, to } = part;
  for (let r = 0; r < record.length; r++) {
    const i = record[r] as number;
    if (i < from || i >= to) continue;
    traces[3 * r * steps + row] = state.v[i] as number;
    traces[(3 * r + 1) * steps + row] = state.u[i] as number;
    traces[(3 * r + 2) * steps + row] = state.input[i] as number;
  }
}

/**
 * Steps k = start … start + steps − 1 (stopping after a divergence), then waits for every
 * thread. Returns the step at which the network diverged, or 0.
 */
export function runSteps(
  part: SparseThreadPart,
  start: number,
  steps: number,
  onStep?: (k: number, total: number) => void,
): number {
  let diverged = 0;
  for (let k = start; k < start + steps; k++) {
    const total = stepPart(part, k);
    if (total < 0) {
      diverged = k;
      break;
    }
    onStep?.(k, total);
  }
  barrier(part.control, part.parties);
  return diverged;
}

/** A worker's loop: waits for a command, takes its part of the steps, until told to exit. */
export function serveSteps(part: SparseThreadPart): void {
  const { control } = part;
  let seen = 0;
  for (;;) {
    while (Atomics.load(control, CONTROL.command) === seen) {
      Atomics.wait(control, CONTROL.command, seen);
    }
    seen = Atomics.load(control, CONTROL.command);
    if (Atomics.load(control, CONTROL.kind) === COMMAND_EXIT) return;
    const start = Atomics.load(control, CONTROL.start);
    const steps = Atomics.load(control, CONTROL.steps);
    const threadSteps = part.kernels?.threadSteps;
    if (threadSteps !== undefined && part.record.length === 0) {
      // the whole chunk in WebAssembly (steps start … start + steps − 1); it stops by itself
      // at a divergence
      threadSteps(part.address, start - 1, steps);
      barrier(control, part.parties);
    } else runSteps(part, start, steps);
  }
}
