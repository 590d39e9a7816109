/**
 * A network run that advances in chunks of steps: the explorer's worker and the CLI step it,
 * report progress between chunks and may stop; any chunking gives the result of one whole run.
 */
import type { NetworkAnalysis, NetworkSpikes } from '../analysis/analyse.js';
import { buildNetwork, type NetworkState, type SharedNetworkMemory } from './build.js';
import { ChunkedNetworkRun } from './chunked-run.js';
import { allocateOrFail, checkNetworkMemory } from './memory.js';
import {
  resolveNetworkOptions,
  type NetworkOptions,
  type ResolvedNetworkOptions,
} from './options.js';
import {
  deliverSpikes,
  thalamicInput,
  thresholdAndReset,
  updateMembrane,
  updateRecovery,
} from './phases.js';
import {
  barrier,
  COMMAND_RUN,
  CONTROL,
  stepPart,
  threadBounds,
  type ThreadPart,
} from './parallel.js';
import { NetworkRandom, NOISE_BLOCK } from './random.js';
import { runKernelChunk, type ThreadSteps } from './thread-steps.js';
import {
  nodeThreads,
  sharedKernelModules,
  threadPart,
  threadsAvailable,
  type ThreadInit,
  type ThreadPool,
} from './threads.js';
import { sharedMemoryAvailable, type ThreadStarter } from './web-threads.js';

/** v, u and I of one recorded neuron after each step k = 1 … K, at t = k·dt. */
export interface NeuronTrace {
  /** Times t_k (ms); the same array for every recorded neuron. */
  readonly t: Float64Array;
  /** v after step k's update (≥ 30 means the neuron fires, and is reset, at step k + 1). */
  readonly v: Float64Array;
  readonly u: Float64Array;
  /** The input of step k: thalamic noise plus synaptic charge. */
  readonly I: Float64Array;
}

export interface NetworkResult extends NetworkAnalysis {
  readonly ne: number;
  readonly ni: number;
  readonly dt: number;
  readonly duration: number;
  readonly seed: number;
  /** Whether the weights were scaled by 800/Ne and 200/Ni. */
  readonly scaled: boolean;
  /** σ of the thalamic input of excitatory and inhibitory neurons (0 and 0 with noise off). */
  readonly noise: { readonly excitatory: number; readonly inhibitory: number };
  /** The weight scales before size scaling: from excitatory j, w·U(0,1); from inhibitory, −w·U(0,1). */
  readonly weightScale: { readonly excitatory: number; readonly inhibitory: number };
  /** Whether each neuron's parameters came from its own r (false: r = 0 for all). */
  readonly heterogeneity: boolean;
  /** Steps taken (K for a finished run). */
  readonly steps: number;
  /** The spike raster: time (ms) and neuron index of every spike, in time order. */
  readonly spikes: NetworkSpikes;
  /** Traces of the recorded neurons, by index. */
  readonly traces: Record<number, NeuronTrace>;
  /** Wall time of the time loop (ms), without building the network or analysing. */
  readonly elapsedMs: number;
  /** Wall time of building the network: parameters, weights, state (ms). */
  readonly setupMs: number;
}

/**
 * A network run stepped in chunks. Its threads are Node's worker threads, or those
 * `startThreads` starts (in a browser: `webWorkerThreads`); where memory cannot be shared the run
 * takes every step on one thread.
 *
 * ```ts
 * const run = new NetworkSimulation({ ne: 800, ni: 200, seed: 3 });
 * while (!run.done) { run.advance(100); report(run.progress); }
 * const result = run.result();
 * ```
 */
export class NetworkSimulation extends ChunkedNetworkRun {
  readonly options: ResolvedNetworkOptions;
  /** The live state (read it, do not write it). */
  readonly state: NetworkState;
  /** The run's shared memory, when it has one. */
  private readonly shared: SharedNetworkMemory | undefined;
  private readonly random: NetworkRandom;
  /** This thread's part when the run has worker threads. */
  private part: ThreadPart | undefined;
  private pool: ThreadPool | undefined;
  private closed = false;
  /**
   * Settles when the worker threads are running (at once for a run on one thread). Until then
   * `advance` takes every step on this thread, with the same spikes.
   */
  readonly ready: Promise<void>;

  private readonly traces: Record<number, NeuronTrace> = {};
  private readonly recorded: Int32Array;
  private readonly recordedTraces: NeuronTrace[];
  readonly setupMs: number;

  /**
   * Validates the options, checks the memory, draws the parameters and weights.
   *
   * @param startThreads starts the threads beside this one (default: Node's worker threads)
   * @throws ParameterError for an option out of range
   * @throws MemoryLimitError when weights, state and traces would exceed `maxBytes`
   */
  constructor(options: NetworkOptions = {}, startThreads?: ThreadStarter) {
    super();
    const start = performance.now();
    this.options = resolveNetworkOptions(options);
    const memory = checkNetworkMemory(this.options);
    this.random = new NetworkRandom(this.options.seed);
    const { n } = this.options;
    const starter = startThreads ?? (threadsAvailable() ? nodeThreads : undefined);
    const parties =
      starter !== undefined && sharedMemoryAvailable()
        ? Math.min(this.options.threads, Math.ceil(n / NOISE_BLOCK))
        : 1;
    const state = allocateOrFail(memory.total, this.options.maxBytes, () =>
      buildNetwork(this.options, this.random, parties),
    );
    this.state = state;
    this.shared = state.shared;
    this.ready =
      state.shared === undefined || starter === undefined
        ? Promise.resolve()
        : this.startThreads(starter, state.shared, parties);
    const { steps, dt, record } = this.options;
    this.recorded = Int32Array.from(record);
    this.recordedTraces = allocateOrFail(memory.traces, this.options.maxBytes, () => {
      const t = new Float64Array(record.length === 0 ? 0 : steps);
      for (let k = 0; k < t.length; k++) t[k] = (k + 1) * dt;
      return record.map((index) => {
        const trace = {
          t,
          v: new Float64Array(steps),
          u: new Float64Array(steps),
          I: new Float64Array(steps),
        };
        this.traces[index] = trace;
        return trace;
      });
    });
    this.setupMs = performance.now() - start;
  }

  private async startThreads(
    starter: ThreadStarter,
    shared: SharedNetworkMemory,
    parties: number,
  ): Promise<void> {
    const { n, ne, dt, noise } = this.options;
    const bounds = threadBounds(n, parties);
    const modules =
      shared.memory === undefined ? ([null, null, null] as const) : sharedKernelModules();
    const init = (index: number): ThreadInit => ({
      shared,
      modules,
      n,
      ne,
      dt,
      noise,
      index,
      parties,
      bounds,
    });
    const part = { ...threadPart(init(0)), state: this.state };
    const control = part.control;
    const inits = Array.from({ length: parties - 1 }, (_, t) => init(t + 1));
    try {
      const pool = await starter('dense', inits, control);
      if (this.closed) {
        pool.close(); // finished or closed before the workers were up: let them go at once
        return;
      }
      this.pool = pool;
      this.part = part;
    } catch {
      // no worker threads after all: this thread takes every step
    }
  }

  /**
   * Threads the run uses now: 1 until `ready`, then `threads` (fewer when the network has fewer
   * blocks of 256 neurons; 1 where there are no worker threads).
   */
  get threads(): number {
    return this.part === undefined ? 1 : this.part.parties;
  }

  /** Lets the worker threads go (a finished run does so itself). */
  close(): void {
    this.closed = true;
    this.pool?.close();
    this.pool = undefined;
    this.part = undefined;
  }

  /**
   * Takes up to `steps` more steps (fewer at the end of the run) and returns how many it took.
   *
   * @throws DivergenceError when some v becomes NaN or infinite (dt too large); the run then
   *   stays failed and every later call throws the same error
   */
  advance(steps: number): number {
    if (this.failure !== undefined) throw this.failure;
    const state = this.state;
    const { dt } = this.options;
    const wanted = steps > 0 ? Math.floor(steps) : 0;
    const last = Math.min(this.options.steps, this.step + wanted);
    const taken = last - this.step;
    const start = performance.now();
    if (this.part !== undefined && taken > 0) {
      this.advanceOnThreads(this.part, taken);
      this.loopMs += performance.now() - start;
      return taken;
    }
    const kernels = state.simd?.kernels;
    if (kernels !== undefined) {
      // the whole step in WebAssembly: compiled code from the first step of a fresh process
      while (this.step < last) {
        const k = ++this.step;
        const fired = kernels.step();
        if (fired < 0) this.diverged(k);
        state.firedCount = fired;
        if (fired > 0) this.appendSpikes(k, state.fired, fired);
        if (this.recorded.length > 0) this.record(k - 1);
      }
      this.loopMs += performance.now() - start;
      return taken;
    }
    while (this.step < last) {
      const k = ++this.step;
      thalamicInput(state, this.options.noise);
      const fired = thresholdAndReset(state);
      if (fired < 0) this.diverged(k);
      if (fired > 0) this.appendSpikes(k, state.fired, fired);
      deliverSpikes(state, dt);
      updateMembrane(state, dt);
      updateRecovery(state, dt);
      if (this.recorded.length > 0) this.record(k - 1);
    }
    this.loopMs += performance.now() - start;
    return taken;
  }

  /** `taken` steps with every thread taking its part (this one the first). */
  private advanceOnThreads(part: ThreadPart, taken: number): void {
    const { control, parties } = part;
    const recording = this.recorded.length > 0;
    Atomics.store(control, CONTROL.kind, COMMAND_RUN);
    Atomics.store(control, CONTROL.steps, taken);
    Atomics.store(control, CONTROL.start, this.step);
    Atomics.store(control, CONTROL.record, recording ? 1 : 0);
    Atomics.add(control, CONTROL.command, 1);
    Atomics.notify(control, CONTROL.command);
    const threadSteps = this.state.simd?.kernels.threadSteps;
    if (!recording && threadSteps !== undefined) {
      this.advanceInKernel(part, threadSteps, taken);
      return;
    }
    let diverged = 0;
    for (let s = 0; s < taken; s++) {
      const k = ++this.step;
      const fired = stepPart(part, k);
      if (fired < 0) {
        diverged = k;
        break;
      }
      if (fired > 0) this.appendSpikes(k, this.state.fired, fired);
      if (recording) {
        // every thread has finished step k; they wait again while the traces are copied
        barrier(control, parties);
        this.record(k - 1);
        barrier(control, parties);
      }
    }
    barrier(control, parties);
    if (diverged > 0) this.diverged(diverged);
  }

  /**
   * `taken` steps of this thread's part in WebAssembly (`thread-steps.wat`), its spike log
   * emptied into the recorder whenever the kernel stops for it to be.
   */
  private advanceInKernel(part: ThreadPart, threadSteps: ThreadSteps, taken: number): void {
    const { buffer, layout } = this.shared as SharedNetworkMemory;
    const chunk = runKernelChunk(
      threadSteps,
      buffer,
      layout.threads,
      part.address,
      this.step,
      taken,
      (steps, neurons, count) => this.appendLog(steps, neurons, count),
    );
    this.step += chunk.taken;
    barrier(part.control, part.parties);
    if (chunk.diverged > 0) {
      this.step = chunk.diverged;
      this.diverged(chunk.diverged);
    }
    this.state.firedCount = chunk.lastCount;
  }

  private record(row: number): void {
    const { v, u, input } = this.state;
    for (let r = 0; r < this.recorded.length; r++) {
      const index = this.recorded[r] as number;
      const trace = this.recordedTraces[r] as NeuronTrace;
      trace.v[row] = v[index] as number;
      trace.u[row] = u[index] as number;
      trace.I[row] = input[index] as number;
    }
  }

  /**
   * The spikes, traces and analyses of the steps taken so far (the whole run once `done`).
   * Traces hold zeros beyond the steps taken.
   */
  result(): NetworkResult {
    if (this.done) this.close();
    return this.networkResult(
      this.options.scale && this.options.weights === undefined,
      this.traces,
    );
  }
}
