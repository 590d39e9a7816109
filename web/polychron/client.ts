/**
 * The main thread's side of the polychronization worker: starts it on first use and hands each
 * of its messages to the view.
 */
import type { FromWorker, ToWorker } from './protocol.js';

export class PolychronClient {
  private worker: Worker | undefined;

  constructor(
    private readonly onMessage: (message: FromWorker) => void,
    /** The worker stopped (for example out of memory): everything it held is gone. */
    private readonly onCrash: (message: string) => void,
  ) {}

  send(message: ToWorker, transfer: Transferable[] = []): void {
    if (this.worker === undefined) {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) =>
        this.onMessage(event.data),
      );
      worker.addEventListener('error', (event) => {
        worker.terminate();
        this.worker = undefined;
        this.onCrash(`the simulation worker stopped: ${event.message || 'out of memory?'}`);
      });
      this.worker = worker;
    }
    this.worker.postMessage(message, transfer);
  }
}
