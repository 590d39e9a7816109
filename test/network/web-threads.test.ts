import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { SparseNetworkSimulation, simulateSparseNetwork } from '../../src/sparse/simulation.js';
import { NetworkSimulation } from '../../src/network/simulation.js';
import {
  sharedMemoryAvailable,
  webWorkerThreads,
  type WebWorkerLike,
} from '../../src/network/web-threads.js';

/** A Node worker thread running serveNetworkThread, behind the Web Worker interface. */
function nodeWebWorker(): WebWorkerLike {
  const fixture = new URL('../fixtures/web-thread-node.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(fixture)}); });`,
    { eval: true },
  );
  return {
    postMessage: (message) => worker.postMessage(message),
    addEventListener: (type, listener) => {
      if (type === 'message') worker.on('message', () => listener({}));
      else worker.on('error', (error: Error) => listener({ message: error.message }));
    },
    terminate: () => void worker.terminate(),
  };
}

/** webWorkerThreads on Node worker threads, counting the workers it makes. */
function countingStarter() {
  const made = { count: 0 };
  const starter = webWorkerThreads(() => {
    made.count++;
    return nodeWebWorker();
  });
  return { made, starter };
}

describe('webWorkerThreads', () => {
  it('serveNetworkThread workers give the spikes of one thread, for 2 and 3 threads', async () => {
    expect(sharedMemoryAvailable()).toBe(true);
    const options = { ne: 1200, ni: 300, synapses: 80, duration: 250, seed: 6, record: [3, 1400] };
    const one = await simulateSparseNetwork(options);
    expect(one.spikes.t.length).toBeGreaterThan(500);
    for (const threads of [2, 3]) {
      const { made, starter } = countingStarter();
      const run = new SparseNetworkSimulation({ ...options, threads }, starter);
      expect(run.threads).toBe(threads);
      await run.ready;
      expect(made.count).toBe(threads - 1);
      run.advance(11);
      run.advance(Infinity);
      const result = run.result();
      expect(result.threads).toBe(threads);
      expect(Array.from(result.spikes.t)).toEqual(Array.from(one.spikes.t));
      expect(Array.from(result.spikes.i)).toEqual(Array.from(one.spikes.i));
      expect(result.traces[1400]?.v).toEqual(one.traces[1400]?.v);
    }
  }, 60000);

  it('serveNetworkThread workers run the paper’s dense network with the spikes of one thread', async () => {
    // with traces the steps are JavaScript's; without, each thread's chunk is thread-steps.wat's
    for (const record of [[5, 900], []]) {
      const options = { ne: 800, ni: 200, duration: 300, seed: 4, record };
      const one = new NetworkSimulation({ ...options, threads: 1 });
      one.advance(Infinity);
      const single = one.result();
      expect(single.spikes.t.length).toBeGreaterThan(1000);
      for (const threads of [2, 3]) {
        const { made, starter } = countingStarter();
        const run = new NetworkSimulation({ ...options, threads }, starter);
        await run.ready;
        expect(made.count).toBe(threads - 1);
        expect(run.threads).toBe(threads);
        run.advance(7);
        run.advance(Infinity);
        const result = run.result();
        expect(Array.from(result.spikes.t)).toEqual(Array.from(single.spikes.t));
        expect(Array.from(result.spikes.i)).toEqual(Array.from(single.spikes.i));
        for (const neuron of record) {
          expect(result.traces[neuron]?.v).toEqual(single.traces[neuron]?.v);
          expect(result.traces[neuron]?.I).toEqual(single.traces[neuron]?.I);
        }
      }
    }
  }, 60000);

  it('rejects, naming the failure, and ends every worker when one does not start', async () => {
    const ended: number[] = [];
    const fake = (index: number): WebWorkerLike => {
      const listeners = new Map<string, (event: { message?: string }) => void>();
      return {
        addEventListener: (type, listener) => listeners.set(type, listener),
        postMessage: () =>
          queueMicrotask(() =>
            index === 1
              ? listeners.get('error')?.({ message: 'blocked by its headers' })
              : listeners.get('message')?.({}),
          ),
        terminate: () => ended.push(index),
      };
    };
    let next = 0;
    const run = new SparseNetworkSimulation(
      { ne: 1200, ni: 300, synapses: 10, duration: 10, threads: 3 },
      webWorkerThreads(() => fake(next++)),
    );
    await expect(run.ready).rejects.toThrow('a thread did not start: blocked by its headers');
    expect(ended.sort()).toEqual([0, 1]);
  });

  it('where memory cannot be shared (a page without isolation), runs on one thread, the same spikes', async () => {
    const options = { ne: 1200, ni: 300, synapses: 40, duration: 100, seed: 2 };
    const one = await simulateSparseNetwork(options);
    vi.stubGlobal('SharedArrayBuffer', undefined);
    try {
      expect(sharedMemoryAvailable()).toBe(false);
      const { made, starter } = countingStarter();
      const result = await simulateSparseNetwork({ ...options, threads: 3 }, starter);
      expect(result.threads).toBe(1);
      expect(Array.from(result.spikes.i)).toEqual(Array.from(one.spikes.i));
      const dense = new NetworkSimulation({ ne: 800, ni: 200, duration: 50, threads: 3 }, starter);
      await dense.ready;
      expect(made.count).toBe(0);
      expect(dense.threads).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
