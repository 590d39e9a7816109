import { describe, expect, it } from 'vitest';
import { NetworkSimulation } from '../../src/network/simulation.js';
import { simulateNetwork, simulateNetworkAsync } from '../../src/network/simulate.js';
import { barrier, CONTROL, threadBounds } from '../../src/network/parallel.js';
import { bytesOf } from '../helpers/bytes.js';

async function threaded(options: object, threads: number) {
  const run = new NetworkSimulation({ ...options, threads });
  await run.ready;
  expect(run.threads).toBe(threads);
  while (!run.done) run.advance(37);
  return { run, result: run.result() };
}

describe('threadBounds(n, parties)', () => {
  it('splits the network at whole blocks of 256 neurons, as evenly as they come', () => {
    expect(Array.from(threadBounds(1000, 2))).toEqual([0, 512, 1000]);
    expect(Array.from(threadBounds(1000, 3))).toEqual([0, 256, 512, 1000]);
    expect(Array.from(threadBounds(10000, 2))).toEqual([0, 5120, 10000]);
  });
});

describe('barrier(control, parties)', () => {
  it('lets the last arrival through and starts a new generation', () => {
    const control = new Int32Array(new SharedArrayBuffer(4 * 16));
    barrier(control, 1);
    expect(control[CONTROL.generation]).toBe(1);
    expect(control[CONTROL.arrived]).toBe(0);
  });
});

describe('a network run on worker threads', () => {
  const options = { ne: 800, ni: 200, duration: 300, seed: 4, record: [3, 700, 999] };

  it('gives the spikes and traces of one thread for 2 and 3 threads, SIMD or not', async () => {
    const one = simulateNetwork({ ...options, threads: 1 });
    for (const simd of [true, false]) {
      for (const threads of [2, 3]) {
        const { run, result } = await threaded({ ...options, simd }, threads);
        expect(run.state.simd !== undefined).toBe(simd);
        expect(result.spikes.t.length).toBeGreaterThan(1000);
        expect(result.spikes).toEqual(one.spikes);
        expect(result.traces).toEqual(one.traces);
      }
    }
  });

  it('gives the spikes of one thread when a thread’s range ends on an odd neuron', async () => {
    const odd = { ...options, ne: 801, record: [1000] };
    const one = simulateNetwork({ ...odd, threads: 1 });
    const { result } = await threaded(odd, 2);
    expect(result.spikes.t.length).toBeGreaterThan(1000);
    expect(result.spikes).toEqual(one.spikes);
    expect(result.traces).toEqual(one.traces);
  });

  it('gives the same spikes whether the threads start at once or after a first chunk', async () => {
    const run = new NetworkSimulation({ ...options, threads: 2 });
    run.advance(50); // the workers are not running yet: this thread takes every part
    await run.ready;
    expect(run.threads).toBe(2);
    run.advance(Infinity);
    expect(run.result().spikes).toEqual(simulateNetwork({ ...options, threads: 1 }).spikes);
  });

  it('simulateNetworkAsync waits for the threads and reports a divergence from any of them', async () => {
    const result = await simulateNetworkAsync({ ...options, threads: 2 });
    expect(result.spikes).toEqual(simulateNetwork({ ...options, threads: 1 }).spikes);
    const wild = { ne: 600, ni: 0, scale: false, dt: 5, duration: 200, threads: 2 };
    const error = await simulateNetworkAsync(wild).catch((e: unknown) => e);
    const alone = (() => {
      try {
        simulateNetwork({ ...wild, threads: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe((alone as Error).message);
  });

  it('a run finished before its workers are up lets them go when they come', async () => {
    const run = new NetworkSimulation({ ...options, threads: 2 });
    run.advance(Infinity);
    const result = run.result();
    await run.ready;
    expect(run.threads).toBe(1);
    expect(result.spikes).toEqual(simulateNetwork({ ...options, threads: 1 }).spikes);
  });

  it('threads: 0 is refused', () => {
    expect(() => new NetworkSimulation({ threads: 0 })).toThrow(/threads must be at least 1/);
  });
});

describe('a run on worker threads without traces: each chunk in thread-steps.wat', () => {
  const options = { ne: 800, ni: 200, duration: 300, seed: 4 };

  it('gives the spikes of one thread for 2 and 3 threads, chunk after chunk', async () => {
    const one = simulateNetwork({ ...options, threads: 1 });
    for (const threads of [2, 3]) {
      const { run, result } = await threaded(options, threads);
      expect(run.state.simd?.kernels.threadSteps).toBeTypeOf('function');
      expect(result.spikes.t.length).toBeGreaterThan(1000);
      expect(result.spikes).toEqual(one.spikes);
      // the state each thread left is the state one thread leaves
      const alone = new NetworkSimulation({ ...options, threads: 1 });
      alone.advance(Infinity);
      expect(run.state.v).toEqual(alone.state.v);
      expect(run.state.u).toEqual(alone.state.u);
      expect(run.state.input).toEqual(alone.state.input);
    }
  });

  it('empties the spike log into the result when a chunk holds more spikes than the log', async () => {
    // about 7 spikes per neuron and second: 10 s of 1000 neurons give more than the log's 65 536
    const long = { ...options, duration: 10000, seed: 9 };
    const one = simulateNetwork({ ...long, threads: 1 });
    const run = new NetworkSimulation({ ...long, threads: 2 });
    await run.ready;
    expect(run.advance(Infinity)).toBe(10000);
    const result = run.result();
    expect(result.spikes.t.length).toBeGreaterThan(65536);
    // compared as bytes: a diff of two long arrays would take minutes to print
    expect(result.spikes.t.length).toBe(one.spikes.t.length);
    expect(bytesOf(result.spikes.t).equals(bytesOf(one.spikes.t))).toBe(true);
    expect(bytesOf(result.spikes.i).equals(bytesOf(one.spikes.i))).toBe(true);
  });

  it('stops at the step where some neuron diverged, as one thread does', async () => {
    const wild = { ne: 600, ni: 0, scale: false, dt: 5, duration: 200 };
    const alone = new NetworkSimulation({ ...wild, threads: 1 });
    const expected = (() => {
      try {
        alone.advance(Infinity);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(expected).toBeInstanceOf(Error);
    const run = new NetworkSimulation({ ...wild, threads: 2 });
    await run.ready;
    expect(run.threads).toBe(2);
    expect(() => run.advance(Infinity)).toThrow(expected?.message);
    expect(run.stepsDone).toBe(alone.stepsDone);
    expect(run.spikeCount).toBe(alone.spikeCount);
    expect(() => run.advance(1)).toThrow(expected?.message);
    run.close();
  });
});
