/**
 * What a dense and a sparse network run share: the steps taken, the spike recorder, progress, the
 * divergence error and the fields of the result common to both.
 */
import { analyseNetwork } from '../analysis/analyse.js';
import { DivergenceError } from '../errors.js';
import type { ResolvedNetworkOptions } from './options.js';
import type { NetworkResult, NeuronTrace } from './simulation.js';
import { SpikeRecorder } from './spike-recorder.js';

/** A network run that advances in chunks of steps; `NetworkSimulation` and `SparseNetworkSimulation` extend it. */
export abstract class ChunkedNetworkRun {
  /** The options, checked and with their defaults filled in. */
  abstract readonly options: ResolvedNetworkOptions;
  /** Wall time of building the network (ms). */
  abstract readonly setupMs: number;
  private readonly spikes = new SpikeRecorder(1024);
  /** Steps taken so far. */
  protected step = 0;
  /** Wall time of the steps taken so far (ms). */
  protected loopMs = 0;
  /** The error of a run that diverged; every later `advance` throws it again. */
  protected failure: DivergenceError | undefined;

  /** Steps taken so far. */
  get stepsDone(): number {
    return this.step;
  }

  /** Spikes recorded so far. */
  get spikeCount(): number {
    return this.spikes.length;
  }

  /** K, the number of steps of the whole run. */
  get totalSteps(): number {
    return this.options.steps;
  }

  /** Whether every step of the run has been taken. */
  get done(): boolean {
    return this.step >= this.options.steps;
  }

  /** Fraction of the steps taken, 0 … 1. */
  get progress(): number {
    return this.step / this.options.steps;
  }

  /** Records the spikes `fired[0 … count)` of step k. */
  protected appendSpikes(k: number, fired: Int32Array, count: number): void {
    this.spikes.append(k, fired, count);
  }

  /** Records the spikes of a log: spike s is neuron `neurons[s]` at step `steps[s]`, s < count. */
  protected appendLog(steps: Int32Array, neurons: Int32Array, count: number): void {
    this.spikes.appendLog(steps, neurons, count);
  }

  /** Records that some v became NaN or infinite at step k; every later `advance` throws it again. */
  protected diverged(k: number): never {
    const t = k * this.options.dt;
    this.failure = new DivergenceError(
      `the network diverged at t = ${t} ms (v became NaN or infinite): try a smaller dt than ${this.options.dt} ms`,
      t,
    );
    throw this.failure;
  }

  /** The fields of the result both kinds of network give, for the steps taken so far. */
  protected networkResult(scaled: boolean, traces: Record<number, NeuronTrace>): NetworkResult {
    const { ne, ni, dt, duration, seed, noise } = this.options;
    const spikes = this.spikes.toSpikes(dt);
    const span = this.step === 0 ? dt : this.step * dt;
    return {
      ne,
      ni,
      dt,
      duration,
      seed,
      scaled,
      noise: {
        excitatory: noise ? this.options.excitatoryNoise : 0,
        inhibitory: noise ? this.options.inhibitoryNoise : 0,
      },
      weightScale: {
        excitatory: this.options.excitatoryWeight,
        inhibitory: this.options.inhibitoryWeight,
      },
      heterogeneity: this.options.heterogeneity,
      steps: this.step,
      spikes,
      ...analyseNetwork(spikes, ne, ni, span),
      traces,
      elapsedMs: this.loopMs,
      setupMs: this.setupMs,
    };
  }
}
