/**
 * A sparse network run (SPEC §8) that advances in chunks of steps, on one thread or several:
 * any chunking and any number of threads give the spikes of one whole run on one thread.
 */
import { IzhikitError } from '../errors.js';
import { ChunkedNetworkRun } from '../network/chunked-run.js';
import { allocateOrFail } from '../network/memory.js';
import { NetworkRandom } from '../network/random.js';
import type { NetworkResult, NeuronTrace } from '../network/simulation.js';
import {
  allocateSparseNetwork,
  drawSparseSynapses,
  type SparseBuildProgress,
  type SparseNetworkState,
} from './build.js';
import {
  drawPart,
  parallelDrawWords,
  planParallelDraw,
  type SynapseDrawPart,
} from './parallel-build.js';
import { SparseArena, arenaArrays, arenaBytes, sparseBuffer } from './arena.js';
import { noiseTables, sparseKernelsFit, sparseMemory } from './kernels.js';
import { synapseSplit, type SynapseSplit } from './step.js';
import { checkSparseMemory } from './memory.js';
import {
  resolveSparseOptions,
  type ResolvedSparseOptions,
  type SparseNetworkOptions,
} from './options.js';
import { barrier, COMMAND_RUN, CONTROL, controlWords, threadBounds } from '../network/parallel.js';
import { threadRegion, type ThreadRegion } from '../network/simd.js';
import { runKernelChunk, type ThreadSteps } from '../network/thread-steps.js';
import { NOISE_BLOCK } from '../network/random.js';
import { runSteps, threadPart, type SparseThreadInit, type SparseThreadPart } from './parallel.js';
import { nodeThreads, threadsAvailable, type ThreadPool } from '../network/threads.js';
import { sharedMemoryAvailable, type ThreadStarter } from '../network/web-threads.js';

export interface SparseNetworkResult extends NetworkResult {
  /** K: incoming synapses per neuron. */
  readonly synapses: number;
  /** Ke: of them, from excitatory neurons. */
  readonly excitatorySynapses: number;
  /** Threads the run took its steps on. */
  readonly threads: number;
}

/**
 * A sparse network run stepped in chunks. With threads, wait for `ready` before `advance`.
 * Threads are Node's worker threads, or those `startThreads` starts (in a browser:
 * `webWorkerThreads`); where memory cannot be shared the run takes every step on one thread.
 *
 * ```ts
 * const run = new SparseNetworkSimulation({ ne: 8000, ni: 2000, synapses: 1000, threads: 2 });
 * await run.ready;
 * while (!run.done) run.advance(100);
 * const result = run.result();
 * ```
 */
export class SparseNetworkSimulation extends ChunkedNetworkRun {
  readonly options: ResolvedSparseOptions;
  /**
   * The live state (read it, do not write it). On several threads with the kernels its synapses
   * are drawn by the threads, and hold nothing until `ready` settles.
   */
  readonly state: SparseNetworkState;
  /**
   * Settles when the worker threads are ready (at once on one thread), and with the kernels have
   * drawn the synapses.
   */
  readonly ready: Promise<void>;
  /** Threads the run takes its steps on: fewer than asked when the network has fewer blocks. */
  readonly threads: number;
  private buildMs: number;
  /** Whether the steps run the WebAssembly kernels (else the JavaScript phases, same spikes). */
  readonly kernels: boolean;
  private readonly part: SparseThreadPart;
  private readonly firedNow: Int32Array;
  private pool: ThreadPool | undefined;
  private started: boolean;
  private closed = false;

  /**
   * Validates the options, checks the memory, draws the parameters and synapses.
   *
   * @param startThreads starts the threads beside this one (default: Node's worker threads)
   * @param onBuildProgress hears how far drawing the synapses is (the constructor's long part)
   * @throws ParameterError for an option out of range
   * @throws MemoryLimitError when synapses, state and traces would exceed `maxBytes`
   */
  constructor(
    options: SparseNetworkOptions,
    startThreads?: ThreadStarter,
    onBuildProgress?: SparseBuildProgress,
  ) {
    super();
    const start = performance.now();
    this.options = resolveSparseOptions(options);
    const { n, steps, record, maxBytes } = this.options;
    const starter = startThreads ?? (threadsAvailable() ? nodeThreads : undefined);
    const parties =
      starter !== undefined && sharedMemoryAvailable()
        ? Math.min(this.options.threads, Math.ceil(n / NOISE_BLOCK))
        : 1;
    this.threads = parties;
    const shared = parties > 1;
    const arrays = arenaBytes(arenaArrays(n, this.options.synapses, parties, true));
    this.kernels = this.options.simd && sparseKernelsFit(arrays, shared);
    const memory = checkSparseMemory({ ...this.options, threads: parties }, this.kernels);
    const random = new NetworkRandom(this.options.seed);
    const { network, arena, wasm } = allocateOrFail(memory.total, maxBytes, () => {
      const wasm = this.kernels ? sparseMemory(arrays, shared) : undefined;
      const arena = new SparseArena(shared, wasm);
      return { network: allocateSparseNetwork(this.options, random, arena), arena, wasm };
    });
    const state = network.state;
    this.state = state;
    // the threads draw the synapses in the memory the fired buffers and splits take after them
    const scratch =
      wasm !== undefined && parties > 1 && parallelDrawWords(n, parties) <= 2 * n * (1 + parties)
        ? arena.scratch(parallelDrawWords(n, parties))
        : undefined;
    const draw =
      scratch === undefined
        ? undefined
        : planParallelDraw(this.options, random, network, scratch, parties);
    if (draw === undefined) {
      drawSparseSynapses(this.options, random, network, arena, onBuildProgress);
    }
    const bounds = threadBounds(n, parties);
    const fired = arena.int32(2 * n);
    const traces = new Float64Array(sparseBuffer(8 * 3 * record.length * steps, shared));
    const splits = Array.from({ length: parties }, () => ({
      first: arena.int32(n),
      last: arena.int32(n),
    }));
    const splitSynapses = (): void =>
      splits.forEach(({ first, last }, index) =>
        synapseSplit(
          state.synapses,
          bounds[index] as number,
          bounds[index + 1] as number,
          first,
          last,
        ),
      );
    if (draw === undefined) splitSynapses();
    const tables =
      wasm === undefined
        ? undefined
        : noiseTables(arena, state, this.options.seed, this.options.dt, this.options.noise);
    // with the kernels, the threads meet in their memory, where the thread steps kernel finds them
    const meeting =
      wasm === undefined || parties === 1
        ? undefined
        : threadRegion(n, parties, arena.take(threadRegion(n, parties, 0).bytes)[1]);
    const control =
      meeting === undefined
        ? new Int32Array(sparseBuffer(4 * controlWords(parties), shared))
        : new Int32Array(arena.buffer as ArrayBufferLike, meeting.control, controlWords(parties));
    const inits: SparseThreadInit[] = [];
    for (let index = 0; index < parties; index++) {
      inits.push({
        state,
        index,
        parties,
        bounds,
        fired,
        split: splits[index] as SynapseSplit,
        memory: wasm,
        tables,
        shared,
        threads: meeting,
        control,
        dt: this.options.dt,
        seed: this.options.seed,
        noise: this.options.noise,
        record: Int32Array.from(record),
        traces,
        steps,
      });
    }
    const first = inits[0] as SparseThreadInit;
    this.part = threadPart(first);
    this.firedNow = new Int32Array(n);
    this.started = parties === 1;
    const starts = inits.map((init, index) => ({ init, draw: draw?.parts[index] }));
    this.ready =
      parties === 1
        ? Promise.resolve()
        : (starter as ThreadStarter)('sparse', starts.slice(1), control).then((pool) => {
            this.pool = pool;
            if (draw !== undefined && wasm !== undefined) {
              drawPart(wasm, draw.parts[0] as SynapseDrawPart, draw.sum, onBuildProgress);
              draw.finish();
              splitSynapses();
              this.buildMs = performance.now() - start;
            }
            this.started = true;
          });
    this.buildMs = performance.now() - start;
  }

  /** Wall time of building the network, on its threads too once `ready` settles (ms). */
  get setupMs(): number {
    return this.buildMs;
  }

  /**
   * Takes up to `steps` more steps (fewer at the end) and returns how many it took. The worker
   * threads exit when the run is done or fails.
   *
   * @throws DivergenceError when some v becomes NaN or infinite (dt too large)
   */
  advance(steps: number): number {
    if (this.failure !== undefined) throw this.failure;
    if (this.closed && this.threads > 1) {
      throw new IzhikitError('the run’s threads were closed: start a new run');
    }
    if (!this.started) throw new IzhikitError('the threads are starting: await run.ready first');
    const wanted = steps > 0 ? Math.floor(steps) : 0;
    const taken = Math.min(this.options.steps, this.step + wanted) - this.step;
    if (taken === 0) return 0;
    const first = this.step + 1;
    const start = performance.now();
    if (this.threads > 1) {
      const control = this.part.control;
      Atomics.store(control, CONTROL.kind, COMMAND_RUN);
      Atomics.store(control, CONTROL.start, first);
      Atomics.store(control, CONTROL.steps, taken);
      Atomics.add(control, CONTROL.command, 1);
      Atomics.notify(control, CONTROL.command);
    }
    const { threads: meeting, record } = this.part;
    const threadSteps = this.part.kernels?.threadSteps;
    const diverged =
      threadSteps !== undefined && meeting !== undefined && record.length === 0
        ? this.stepInKernel(threadSteps, meeting, first, taken)
        : runSteps(this.part, first, taken, (k, total) => this.recordSpikes(k, total));
    this.loopMs += performance.now() - start;
    this.step = diverged === 0 ? first + taken - 1 : diverged - 1;
    if (diverged !== 0) this.diverged(diverged);
    if (this.done) this.close();
    return taken;
  }

  /** Lets the worker threads go (a finished or failed run does so itself). */
  close(): void {
    this.pool?.close();
    this.pool = undefined;
    this.closed = true;
  }

  /**
   * Steps first … first + taken − 1 of this thread's part in WebAssembly (`thread-steps.wat`), its
   * spike log emptied into the recorder whenever the kernel stops for it to be; then waits for
   * every thread. Returns the step at which the network diverged, or 0.
   */
  private stepInKernel(
    threadSteps: ThreadSteps,
    meeting: ThreadRegion,
    first: number,
    taken: number,
  ): number {
    const { address, control, parties } = this.part;
    const buffer = this.part.memory?.buffer as ArrayBufferLike;
    const chunk = runKernelChunk(
      threadSteps,
      buffer,
      meeting,
      address,
      first - 1,
      taken,
      (steps, neurons, count) => this.appendLog(steps, neurons, count),
    );
    barrier(control, parties);
    return chunk.diverged;
  }

  /** Appends step k's spikes, gathered from every thread's part of the fired buffer. */
  private recordSpikes(k: number, total: number): void {
    if (total === 0) return;
    const { fired, bounds, control, parties } = this.part;
    const base = (k & 1) * this.state.n;
    const counts = CONTROL.counts + (k & 1) * parties;
    let size = 0;
    for (let t = 0; t < parties; t++) {
      const start = base + (bounds[t] as number);
      const count = Atomics.load(control, counts + t);
      this.firedNow.set(fired.subarray(start, start + count), size);
      size += count;
    }
    this.appendSpikes(k, this.firedNow, size);
  }

  protected override diverged(k: number): never {
    this.close();
    return super.diverged(k);
  }

  /** The spikes, traces and analyses of the steps taken so far (the whole run once `done`). */
  result(): SparseNetworkResult {
    const { dt, scale, steps, record } = this.options;
    const t = new Float64Array(record.length === 0 ? 0 : steps);
    for (let k = 0; k < t.length; k++) t[k] = (k + 1) * dt;
    const traces: Record<number, NeuronTrace> = {};
    const all = this.part.traces;
    record.forEach((index, r) => {
      traces[index] = {
        t,
        v: all.slice(3 * r * steps, (3 * r + 1) * steps),
        u: all.slice((3 * r + 1) * steps, (3 * r + 2) * steps),
        I: all.slice((3 * r + 2) * steps, (3 * r + 3) * steps),
      };
    });
    return {
      ...this.networkResult(scale, traces),
      synapses: this.options.synapses,
      excitatorySynapses: this.options.excitatorySynapses,
      threads: this.threads,
    };
  }
}

/**
 * simulateSparseNetwork(options, startThreads?): builds and runs a sparse network (SPEC §8) on `threads`
 * threads and analyses its spikes.
 *
 * @throws ParameterError, MemoryLimitError, DivergenceError
 */
export async function simulateSparseNetwork(
  options: SparseNetworkOptions,
  startThreads?: ThreadStarter,
): Promise<SparseNetworkResult> {
  const run = new SparseNetworkSimulation(options, startThreads);
  await run.ready;
  run.advance(run.totalSteps);
  return run.result();
}
