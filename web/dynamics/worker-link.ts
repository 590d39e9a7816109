/**
 * One dynamics worker seen from the main thread: numbered requests answered by promises, and
 * every pending request rejected when the worker dies or is stopped.
 */
import type { FiCurveOptions } from 'izhikit';
import type { AnyMapSpec } from './map-model.js';
import type { FromDynamicsWorker, ToDynamicsWorker, WorkerFailure } from './protocol.js';
import type { DynamicsNeuron } from './state.js';

type Answer = Exclude<FromDynamicsWorker, WorkerFailure>;
type FiAnswer = Extract<Answer, { type: 'fi' }>;
type RowsAnswer = Extract<Answer, { type: 'rows' }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request the worker refused: the library's message, and the parameter it named. */
export class WorkerRequestError extends Error {
  override name = 'WorkerRequestError';
  readonly parameter: string | undefined;
  constructor(message: string, parameter: string | undefined) {
    super(message);
    this.parameter = parameter;
  }
}

export class WorkerLink {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (answer: Answer) => void; reject: (error: Error) => void }
  >();

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<FromDynamicsWorker>) => {
      const message = event.data;
      const request = this.pending.get(message.id);
      if (request === undefined) return;
      this.pending.delete(message.id);
      if (message.type === 'failed') {
        request.reject(new WorkerRequestError(message.message, message.parameter));
      } else request.resolve(message);
    });
    this.worker.addEventListener('error', (event) => {
      this.failAll(`the worker stopped: ${event.message || 'out of memory?'}`);
    });
  }

  /** The f–I curve of a neuron. */
  fi(neuron: DynamicsNeuron, options: FiCurveOptions): Promise<FiAnswer> {
    return this.request({ type: 'fi', neuron, options }) as Promise<FiAnswer>;
  }

  /** Rows `rowStart` … `rowEnd − 1` of a map of either form. */
  async rows(spec: AnyMapSpec, rowStart: number, rowEnd: number): Promise<Uint8Array> {
    const answer = (await this.request({ type: 'rows', spec, rowStart, rowEnd })) as RowsAnswer;
    return answer.codes;
  }

  /** Sends a request (its id is filled in) and resolves with the worker's answer. */
  private request(message: DistributiveOmit<ToDynamicsWorker, 'id'>): Promise<Answer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** Stops the worker at once; what it was computing is rejected. */
  terminate(): void {
    this.worker.terminate();
    this.failAll('the worker was stopped');
  }

  private failAll(message: string): void {
    for (const request of this.pending.values()) request.reject(new Error(message));
    this.pending.clear();
  }
}
