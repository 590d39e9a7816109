/**
 * A polychronization run stepped in chunks of milliseconds: per-second reports, the spikes of the
 * last seconds for the raster and the spectrum, progress and cancelling; any chunking gives the
 * result of one whole run, and so does a run saved to a checkpoint and resumed.
 */
import { CancelledError } from '../errors.js';
import {
  analyseRhythm,
  strongPercent,
  weightHistogram,
  type RhythmAnalysis,
  type WeightHistogram,
} from './analysis.js';
import { buildPolychronNetwork, type PolychronState } from './network.js';
import type { PolychronOptions, PolychronVariant } from './options.js';
import { stepMillisecond, updateWeights } from './step.js';

/** One entry per simulated second, in order. */
export interface PolychronHistory {
  /** Mean rate (Hz) of the excitatory and the inhibitory neurons in that second. */
  readonly excitatoryRate: Float64Array;
  readonly inhibitoryRate: Float64Array;
  /** strongPercent at the end of that second, before its weight update (as poly_spnet.cpp logs). */
  readonly strongPercent: Float64Array;
}

export interface PolychronSpikes {
  /** Time (ms since the start of the run) and neuron of each spike, in time order. */
  readonly t: Int32Array;
  readonly i: Int32Array;
}

export interface PolychronResult {
  readonly seed: number;
  readonly variant: PolychronVariant;
  /** Whole seconds of model time simulated since the network was built. */
  readonly seconds: number;
  /** Wall time (ms) of the simulation loop in this process. */
  readonly elapsedMs: number;
  readonly history: PolychronHistory;
  readonly weights: WeightHistogram;
  /** Spectrum of the population rate over the last seconds kept (`spectrumSeconds`). */
  readonly rhythm: RhythmAnalysis;
  /** The spikes of the last whole second. */
  readonly lastSecond: PolychronSpikes;
}

/** Growable per-second history and spike window: the parts of a run a checkpoint also keeps. */
export interface PolychronRecord {
  history: { excitatory: Float64Array; inhibitory: Float64Array; strong: Float64Array };
  /** Spikes of the kept seconds and of the second under way. */
  spikeTimes: Int32Array;
  spikeNeurons: Int32Array;
  spikeCount: number;
  /** Index into the spike arrays where each kept whole second starts, oldest first. */
  secondStarts: number[];
}

function emptyRecord(): PolychronRecord {
  return {
    history: {
      excitatory: new Float64Array(64),
      inhibitory: new Float64Array(64),
      strong: new Float64Array(64),
    },
    spikeTimes: new Int32Array(4096),
    spikeNeurons: new Int32Array(4096),
    spikeCount: 0,
    secondStarts: [0],
  };
}

function grown<T extends Int32Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  let capacity = Math.max(16, array.length * 2);
  while (capacity < needed) capacity *= 2;
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

/**
 * ```ts
 * const run = new PolychronSimulation({ seed: 1 });
 * run.advance(60_000); // one minute of model time
 * const { history, weights, rhythm } = run.result();
 * ```
 */
export class PolychronSimulation {
  readonly state: PolychronState;
  readonly record: PolychronRecord;
  private loopMs = 0;

  constructor(options: PolychronOptions | { state: PolychronState; record: PolychronRecord }) {
    if ('state' in options) {
      this.state = options.state;
      this.record = options.record;
    } else {
      this.state = buildPolychronNetwork(options);
      this.record = emptyRecord();
    }
  }

  /** Milliseconds of model time simulated so far. */
  get time(): number {
    return this.state.time;
  }

  /** Whole seconds simulated so far. */
  get seconds(): number {
    return Math.floor(this.state.time / 1000);
  }

  /** Wall time (ms) spent in `advance` in this process. */
  get elapsedMs(): number {
    return this.loopMs;
  }

  /** Simulates `milliseconds` more (a whole number), closing each second as the programs do. */
  advance(milliseconds: number): void {
    const started = performance.now();
    const state = this.state;
    for (let step = 0; step < milliseconds; step++) {
      const t = state.time;
      const fired = stepMillisecond(state);
      if (fired > 0) this.recordSpikes(t, fired);
      if (state.time % 1000 === 0) this.closeSecond();
    }
    this.loopMs += performance.now() - started;
  }

  /** Appends the `fired` neurons of millisecond t (from the firing ring) to the spike window. */
  private recordSpikes(t: number, fired: number): void {
    const record = this.record;
    const count = record.spikeCount;
    const needed = count + fired;
    if (needed > record.spikeTimes.length) {
      record.spikeTimes = grown(record.spikeTimes, needed);
      record.spikeNeurons = grown(record.spikeNeurons, needed);
    }
    const times = record.spikeTimes;
    const neurons = record.spikeNeurons;
    const ring = this.state.firedRing;
    const base = (t % this.state.options.maxDelay) * this.state.n;
    for (let k = 0; k < fired; k++) {
      times[count + k] = t;
      neurons[count + k] = ring[base + k] as number;
    }
    record.spikeCount = needed;
  }

  /**
   * Simulates `seconds` more seconds in chunks of `chunkMs`, yielding to the event loop between
   * chunks so that progress can be shown and `signal` can cancel (CancelledError).
   */
  async run(
    seconds: number,
    control: {
      signal?: AbortSignal;
      onProgress?: (done: number, total: number) => void;
      chunkMs?: number;
    } = {},
  ): Promise<PolychronResult> {
    const total = seconds * 1000;
    const chunk = control.chunkMs ?? 1000;
    for (let done = 0; done < total;) {
      if (control.signal?.aborted) throw new CancelledError();
      const steps = Math.min(chunk, total - done);
      this.advance(steps);
      done += steps;
      control.onProgress?.(done, total);
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    return this.result();
  }

  /** Per-second report, then the weight update; drops spikes older than the kept seconds. */
  private closeSecond(): void {
    const state = this.state;
    const record = this.record;
    const { ne, ni, spectrumSeconds } = state.options;
    const start = record.secondStarts[record.secondStarts.length - 1] as number;
    let excitatory = 0;
    for (let s = start; s < record.spikeCount; s++) {
      if ((record.spikeNeurons[s] as number) < ne) excitatory++;
    }
    const inhibitory = record.spikeCount - start - excitatory;
    const index = Math.floor(state.time / 1000) - 1;
    const history = record.history;
    history.excitatory = grown(history.excitatory, index + 1);
    history.inhibitory = grown(history.inhibitory, index + 1);
    history.strong = grown(history.strong, index + 1);
    history.excitatory[index] = excitatory / ne;
    history.inhibitory[index] = ni > 0 ? inhibitory / ni : Number.NaN;
    history.strong[index] = strongPercent(state);
    updateWeights(state);
    record.secondStarts.push(record.spikeCount);
    if (record.secondStarts.length > spectrumSeconds + 1) {
      const drop = record.secondStarts[1] as number;
      record.spikeTimes.copyWithin(0, drop, record.spikeCount);
      record.spikeNeurons.copyWithin(0, drop, record.spikeCount);
      record.spikeCount -= drop;
      record.secondStarts.shift();
      for (let k = 0; k < record.secondStarts.length; k++) {
        record.secondStarts[k] = (record.secondStarts[k] as number) - drop;
      }
    }
  }

  /** The report of the run so far (whole seconds only). */
  result(): PolychronResult {
    const state = this.state;
    const record = this.record;
    const seconds = this.seconds;
    const starts = record.secondStarts;
    const kept = starts.length - 1;
    const first = starts[0] as number;
    const end = starts[kept] as number;
    const lastStart = kept > 0 ? (starts[kept - 1] as number) : end;
    const times = record.spikeTimes.slice(first, end);
    const neurons = record.spikeNeurons.slice(first, end);
    const { ne, ni } = state.options;
    return {
      seed: state.options.seed,
      variant: state.options.variant,
      seconds,
      elapsedMs: this.loopMs,
      history: {
        excitatoryRate: record.history.excitatory.slice(0, seconds),
        inhibitoryRate: record.history.inhibitory.slice(0, seconds),
        strongPercent: record.history.strong.slice(0, seconds),
      },
      weights: weightHistogram(state),
      rhythm: analyseRhythm(times, neurons, (seconds - kept) * 1000, kept, ne, ne + ni),
      lastSecond: {
        t: record.spikeTimes.slice(lastStart, end),
        i: record.spikeNeurons.slice(lastStart, end),
      },
    };
  }
}
