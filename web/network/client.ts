/**
 * The main thread's side of the network worker: starts it on first use, numbers the requests,
 * and routes the worker's answers to the callbacks of the request they belong to.
 */
import type {
  FromWorker,
  NetworkSettings,
  NetworkSummary,
  RunPhase,
  ToWorker,
} from './protocol.js';

export interface RunCallbacks {
  readonly onProgress: (fraction: number, phase: RunPhase) => void;
  readonly onDone: (summary: NetworkSummary) => void;
  readonly onFailed: (failure: Extract<FromWorker, { type: 'failed' }>) => void;
}

export interface TraceCallbacks {
  readonly onTrace: (trace: Extract<FromWorker, { type: 'trace' }>) => void;
  readonly onFailed: (failure: Extract<FromWorker, { type: 'failed' }>) => void;
}

export class NetworkClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly runs = new Map<number, RunCallbacks>();
  private readonly traces = new Map<number, TraceCallbacks>();
  /** The requests not answered yet, to send again to a fresh worker. */
  private readonly pending = new Map<number, ToWorker>();

  private get connection(): Worker {
    if (this.worker === undefined) {
      this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      this.worker.addEventListener('message', (event: MessageEvent<FromWorker>) =>
        this.receive(event.data),
      );
      this.worker.addEventListener('error', (event) => {
        // A worker that died (for example out of memory) fails everything it had.
        const failure = {
          type: 'failed',
          id: 0,
          kind: 'error',
          message: `the simulation worker stopped: ${event.message || 'out of memory?'}`,
        } as const;
        for (const callbacks of [...this.runs.values(), ...this.traces.values()]) {
          callbacks.onFailed(failure);
        }
        this.runs.clear();
        this.traces.clear();
        this.pending.clear();
        this.worker?.terminate();
        this.worker = undefined;
      });
    }
    return this.worker;
  }

  private send(message: ToWorker): void {
    if (message.type !== 'cancel') this.pending.set(message.id, message);
    this.connection.postMessage(message);
  }

  /** Starts a run; returns its id (for `cancel`). */
  run(settings: NetworkSettings, callbacks: RunCallbacks): number {
    const id = this.nextId++;
    this.runs.set(id, callbacks);
    this.send({ type: 'run', id, settings });
    return id;
  }

  /** Asks for one neuron's v(t) of the network `settings` describe. */
  trace(settings: NetworkSettings, neuron: number, callbacks: TraceCallbacks): number {
    const id = this.nextId++;
    this.traces.set(id, callbacks);
    this.send({ type: 'trace', id, settings, neuron });
    return id;
  }

  /**
   * Stops request `id`. A run is stopped at once: the worker, busy in its time loop or still
   * building the weights, is ended and a fresh one takes the other requests; its `onFailed` is
   * called (kind `cancelled`) before this returns. A trace is dropped at the worker's next chunk.
   */
  cancel(id: number): void {
    const run = this.runs.get(id);
    if (run !== undefined) {
      this.runs.delete(id);
      this.pending.delete(id);
      this.worker?.terminate();
      this.worker = undefined;
      for (const message of this.pending.values()) this.connection.postMessage(message);
      run.onFailed({ type: 'failed', id, kind: 'cancelled', message: 'the run was cancelled' });
    } else if (this.traces.has(id)) this.send({ type: 'cancel', id });
  }

  private receive(message: FromWorker): void {
    if (message.type !== 'progress') this.pending.delete(message.id);
    const run = this.runs.get(message.id);
    const trace = this.traces.get(message.id);
    if (message.type === 'progress') run?.onProgress(message.fraction, message.phase);
    else if (message.type === 'done') {
      this.runs.delete(message.id);
      run?.onDone(message.summary);
    } else if (message.type === 'trace') {
      this.traces.delete(message.id);
      trace?.onTrace(message);
    } else {
      this.runs.delete(message.id);
      this.traces.delete(message.id);
      (run ?? trace)?.onFailed(message);
    }
  }
}
