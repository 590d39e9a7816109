/**
 * The network's Web Worker: runs the chunked network simulation off the main thread (dense or
 * sparse, with more Web Workers on shared memory, this one taking the first part), posts its
 * progress between chunks, stops when asked, and sends the raster and analyses back as
 * transferred arrays.
 */
import {
  CancelledError,
  DivergenceError,
  IzhikitError,
  MemoryLimitError,
  NetworkSimulation,
  ParameterError,
  SparseNetworkSimulation,
  formatBytes,
  networkMemory,
  sparseNetworkMemory,
  webWorkerThreads,
} from 'izhikit';
import {
  BYTES_PER_SPIKE,
  MAX_BYTES,
  denseThreads,
  type FromWorker,
  type NetworkSettings,
  type ToWorker,
} from './protocol.js';
import { yieldToMessages } from '../ui/yield-to-messages.js';

/** The network neurons' spike cut-off (mV). */
const NETWORK_VPEAK = 30;

/** Wall time (ms) of work between two looks at the message queue. */
const SLICE_MS = 30;

const cancelled = new Set<number>();
const post = (message: FromWorker, transfer: Transferable[] = []): void =>
  (self as unknown as Worker).postMessage(message, transfer);

/** A network's other threads: Web Workers serving `thread.ts`. */
const threads = webWorkerThreads(
  () => new Worker(new URL('./thread.ts', import.meta.url), { type: 'module' }),
);

type Run = NetworkSimulation | SparseNetworkSimulation;

/** Stops a run whose spikes grew past what the page may hold (the estimate before it was low). */
function checkSpikeMemory(run: Run, fixedBytes: number): void {
  const bytes = fixedBytes + run.spikeCount * BYTES_PER_SPIKE;
  if (bytes > MAX_BYTES) {
    const t = run.stepsDone * run.options.dt;
    throw new MemoryLimitError(
      `the run had ${run.spikeCount} spikes by t = ${t} ms, more than the page's memory holds ` +
        `(limit ${formatBytes(MAX_BYTES)}): use a shorter duration or fewer neurons`,
      bytes,
      MAX_BYTES,
    );
  }
}

async function runChunked(
  id: number,
  settings: NetworkSettings,
  record: readonly number[],
  progress: boolean,
): Promise<Run> {
  const { synapses, threads: threadCount, ...network } = settings;
  const options = { ...network, record, maxBytes: MAX_BYTES };
  let run: Run;
  let fixedBytes: number;
  if (synapses === 'all') {
    // a step of a smaller dense network is too short to share: it runs in this worker
    const n = network.ne + network.ni;
    run = new NetworkSimulation({ ...options, threads: denseThreads(n, threadCount) }, threads);
    fixedBytes = networkMemory(run.options).total;
  } else {
    // counting the sources draws K per neuron, placing them 2K (targets and weights)
    const building = (phase: 'counting' | 'placing', fraction: number): void =>
      post({
        type: 'progress',
        id,
        phase: 'building',
        fraction: phase === 'counting' ? fraction / 3 : (1 + 2 * fraction) / 3,
      });
    run = new SparseNetworkSimulation(
      { ...options, synapses, threads: threadCount },
      threads,
      progress ? building : undefined,
    );
    fixedBytes = sparseNetworkMemory(run.options).total;
  }
  await run.ready;
  // Start with one step whatever the duration, then size chunks to take about SLICE_MS each
  // (growing at most fourfold at a time).
  let chunk = 1;
  try {
    while (!run.done) {
      await yieldToMessages();
      if (cancelled.has(id)) throw new CancelledError('the network run was cancelled');
      const start = performance.now();
      const taken = run.advance(chunk);
      const spent = performance.now() - start;
      const fitted = spent > 0 ? Math.round((taken * SLICE_MS) / spent) : chunk * 4;
      chunk = Math.max(1, Math.min(chunk * 4, fitted));
      checkSpikeMemory(run, fixedBytes);
      if (progress) post({ type: 'progress', id, phase: 'running', fraction: run.progress });
    }
  } catch (error) {
    // the run's threads wait for steps that will not come: let them go
    run.close();
    throw error;
  }
  return run;
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  const { id, settings } = message;
  try {
    if (message.type === 'run') {
      const run = await runChunked(id, settings, [], true);
      // before the result: a finished dense run lets its threads go there
      const threadCount = run.threads;
      const result = run.result();
      const summary = {
        settings,
        spikeTimes: result.spikes.t,
        spikeNeurons: result.spikes.i,
        excitatoryRate: result.rates.excitatory,
        inhibitoryRate: result.rates.inhibitory,
        populationRate: result.populationRate,
        frequency: result.spectrum.frequency,
        power: result.spectrum.power,
        dominantFrequency: result.dominantFrequency,
        elapsedMs: result.elapsedMs,
        setupMs: result.setupMs,
        threads: threadCount,
      };
      // A buffer may back more than one array: each is transferred once.
      const buffers = new Set<ArrayBufferLike>(
        [
          summary.spikeTimes,
          summary.spikeNeurons,
          summary.populationRate,
          summary.frequency,
          summary.power,
        ].map((array) => array.buffer),
      );
      post({ type: 'done', id, summary }, [...buffers] as Transferable[]);
    } else {
      const run = await runChunked(id, settings, [message.neuron], false);
      const trace = run.result().traces[message.neuron];
      if (trace === undefined) throw new Error(`neuron ${message.neuron} was not recorded`);
      const t = trace.t.slice();
      const v = trace.v.slice();
      // v ≥ 30 is a spike (reset at the next step): drawn at the cut-off, as the paper plots it.
      for (let k = 0; k < v.length; k++) if ((v[k] as number) > NETWORK_VPEAK) v[k] = NETWORK_VPEAK;
      post({ type: 'trace', id, neuron: message.neuron, t, v }, [t.buffer, v.buffer]);
    }
  } catch (error) {
    post({
      type: 'failed',
      id,
      kind:
        error instanceof CancelledError
          ? 'cancelled'
          : error instanceof MemoryLimitError
            ? 'memory'
            : error instanceof ParameterError
              ? 'parameter'
              : error instanceof DivergenceError
                ? 'diverged'
                : 'error',
      message:
        error instanceof IzhikitError
          ? error.message
          : `the run failed: ${error instanceof Error ? error.message : String(error)}`,
      ...(error instanceof ParameterError ? { parameter: error.parameter } : {}),
    });
  } finally {
    cancelled.delete(id);
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  void handle(event.data);
});
