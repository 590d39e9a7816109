/** One-call network runs, synchronous or yielding to the event loop, with progress and cancelling. */
import { CancelledError } from '../errors.js';
import type { NetworkOptions } from './options.js';
import { NetworkSimulation, type NetworkResult } from './simulation.js';

export interface NetworkRunControl {
  /** Called after each chunk with the fraction of steps taken (0 … 1). */
  readonly onProgress?: (fraction: number) => void;
  /** Stops the run between chunks with a `CancelledError`. */
  readonly signal?: AbortSignal;
  /** Steps per chunk (default: about 1 % of the run, at least 10). */
  readonly chunkSteps?: number;
}

function chunkSize(run: NetworkSimulation, control: NetworkRunControl): number {
  return Math.max(
    1,
    Math.floor(control.chunkSteps ?? Math.max(10, Math.ceil(run.totalSteps / 100))),
  );
}

/**
 * Lets pending events through: a MessageChannel round trip where there is one (browsers clamp
 * repeated zero-delay timers to 4 ms), a zero-delay timer otherwise.
 */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError('the network run was cancelled');
}

/**
 * simulateNetwork(options, control?): builds and runs the network of [2003] and analyses its
 * spikes. The signal is checked between chunks (abort it from `onProgress` or beforehand; to
 * cancel from elsewhere use `simulateNetworkAsync`, which lets events through between chunks).
 *
 * @throws ParameterError, MemoryLimitError, DivergenceError, CancelledError
 */
export function simulateNetwork(
  options: NetworkOptions = {},
  control: NetworkRunControl = {},
): NetworkResult {
  checkCancelled(control.signal);
  const run = new NetworkSimulation(options);
  const chunk = chunkSize(run, control);
  while (!run.done) {
    checkCancelled(control.signal);
    run.advance(chunk);
    control.onProgress?.(run.progress);
  }
  return run.result();
}

/**
 * simulateNetworkAsync(options, control?): as `simulateNetwork`, but yields to the event loop
 * between chunks, so that a worker can receive a cancel message and abort the signal.
 */
export async function simulateNetworkAsync(
  options: NetworkOptions = {},
  control: NetworkRunControl = {},
): Promise<NetworkResult> {
  checkCancelled(control.signal);
  const run = new NetworkSimulation(options);
  await run.ready;
  const chunk = chunkSize(run, control);
  while (!run.done) {
    await yieldToEventLoop();
    checkCancelled(control.signal);
    run.advance(chunk);
    control.onProgress?.(run.progress);
  }
  return run.result();
}
