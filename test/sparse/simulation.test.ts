import { describe, expect, it } from 'vitest';
import { DivergenceError, IzhikitError, MemoryLimitError } from '../../src/errors.js';
import {
  SparseNetworkSimulation,
  simulateSparseNetwork,
  type SparseNetworkResult,
} from '../../src/sparse/simulation.js';
import type { SparseNetworkOptions } from '../../src/sparse/options.js';
import { bytesOf } from '../helpers/bytes.js';

const small: SparseNetworkOptions = { ne: 1600, ni: 400, synapses: 100, duration: 300 };

function spikesOf(result: SparseNetworkResult) {
  return { t: Array.from(result.spikes.t), i: Array.from(result.spikes.i) };
}

describe('SparseNetworkSimulation', () => {
  it('the same seed gives the same spikes, another seed others', async () => {
    const first = await simulateSparseNetwork({ ...small, seed: 3 });
    const again = await simulateSparseNetwork({ ...small, seed: 3 });
    const other = await simulateSparseNetwork({ ...small, seed: 4 });
    expect(first.spikes.t.length).toBeGreaterThan(1000);
    expect(spikesOf(again)).toEqual(spikesOf(first));
    expect(spikesOf(other)).not.toEqual(spikesOf(first));
  });

  it('1, 2 and 3 threads give the same spikes and traces', async () => {
    const options = { ...small, seed: 8, record: [0, 700, 1999] };
    const results = [];
    for (const threads of [1, 2, 3]) {
      const run = new SparseNetworkSimulation({ ...options, threads });
      expect(run.threads).toBe(threads);
      await run.ready;
      // chunks of different sizes on the way
      run.advance(7);
      run.advance(100);
      run.advance(Infinity);
      results.push(run.result());
    }
    const [one, two, three] = results as [
      SparseNetworkResult,
      SparseNetworkResult,
      SparseNetworkResult,
    ];
    expect(one.spikes.t.length).toBeGreaterThan(1000);
    expect(spikesOf(two)).toEqual(spikesOf(one));
    expect(spikesOf(three)).toEqual(spikesOf(one));
    for (const index of [0, 700, 1999]) {
      expect(Array.from(two.traces[index]?.v ?? [])).toEqual(
        Array.from(one.traces[index]?.v ?? []),
      );
      expect(Array.from(three.traces[index]?.I ?? [])).toEqual(
        Array.from(one.traces[index]?.I ?? []),
      );
    }
    expect(one.traces[700]?.v).toHaveLength(300);
    expect([one.threads, two.threads, three.threads]).toEqual([1, 2, 3]);
  });

  it('without traces, 2 and 3 threads take each chunk in WebAssembly with the spikes of one', async () => {
    const options = { ...small, seed: 8 };
    const one = await simulateSparseNetwork({ ...options, threads: 1 });
    expect(one.spikes.t.length).toBeGreaterThan(1000);
    for (const threads of [2, 3]) {
      const run = new SparseNetworkSimulation({ ...options, threads });
      await run.ready;
      expect(run.kernels).toBe(true);
      run.advance(7);
      run.advance(100);
      run.advance(Infinity);
      const result = run.result();
      expect(result.threads).toBe(threads);
      expect(spikesOf(result)).toEqual(spikesOf(one));
    }
  });

  it('empties the spike log into the result when a chunk holds more spikes than the log', async () => {
    // the log holds 65 536 spikes: 2000 neurons for 6 s give more
    const options = { ...small, duration: 6000, seed: 2 };
    const one = await simulateSparseNetwork({ ...options, threads: 1 });
    expect(one.spikes.t.length).toBeGreaterThan(65536);
    const two = await simulateSparseNetwork({ ...options, threads: 2 });
    // compared as bytes: a diff of two long arrays would take minutes to print
    expect(two.spikes.t.length).toBe(one.spikes.t.length);
    expect(bytesOf(two.spikes.t).equals(bytesOf(one.spikes.t))).toBe(true);
    expect(bytesOf(two.spikes.i).equals(bytesOf(one.spikes.i))).toBe(true);
  });

  it('records traces that continue the state: v of step k is the v the next step starts from', () => {
    const run = new SparseNetworkSimulation({ ...small, record: [5], duration: 50 });
    run.advance(20);
    const trace = run.result().traces[5];
    expect(trace?.v[19]).toBe(run.state.v[5]);
    expect(trace?.u[19]).toBe(run.state.u[5]);
    expect(trace?.I[19]).toBe(run.state.input[5]);
    expect(trace?.t[19]).toBe(20);
  });

  it('takes no more threads than the network has blocks of 256 neurons', () => {
    expect(
      new SparseNetworkSimulation({ ne: 400, ni: 100, synapses: 10, threads: 4 }).threads,
    ).toBe(2);
  });

  it('advance asks to wait for the threads before they are ready', () => {
    const run = new SparseNetworkSimulation({ ...small, threads: 2 });
    expect(() => run.advance(1)).toThrow(IzhikitError);
    expect(() => run.advance(1)).toThrow(/await run\.ready/);
    return run.ready.then(() => run.close());
  });

  it('a network of 10 000 neurons × 1000 synapses fires at 3–15 Hz', async () => {
    const result = await simulateSparseNetwork({ ne: 8000, ni: 2000, synapses: 1000, threads: 2 });
    expect(result.rates.excitatory).toBeGreaterThan(3);
    expect(result.rates.excitatory).toBeLessThan(15);
    expect(result.rates.inhibitory).toBeGreaterThan(3);
    expect(result.rates.inhibitory).toBeLessThan(15);
    expect(result.synapses).toBe(1000);
    expect(result.excitatorySynapses).toBe(800);
  }, 120000);

  it('stops every thread at the step that diverged, then refuses to go on once closed', async () => {
    const one = new SparseNetworkSimulation({ ...small, dt: 4, duration: 400 });
    const two = new SparseNetworkSimulation({ ...small, dt: 4, duration: 400, threads: 2 });
    await two.ready;
    expect(() => one.advance(Infinity)).toThrow(DivergenceError);
    expect(() => two.advance(Infinity)).toThrow(DivergenceError);
    expect(two.stepsDone).toBe(one.stepsDone);
    expect(spikesOf(two.result())).toEqual(spikesOf(one.result()));
    const closed = new SparseNetworkSimulation({ ...small, threads: 2 });
    await closed.ready;
    closed.advance(10);
    closed.close();
    expect(() => closed.advance(10)).toThrow(/threads were closed/);
  });

  it('advance throws a DivergenceError naming the time when dt is too large', () => {
    const run = new SparseNetworkSimulation({ ...small, dt: 4, duration: 400 });
    expect(() => run.advance(Infinity)).toThrow(
      /^the network diverged at t = \d+ ms \(v became NaN or infinite\): try a smaller dt than 4 ms$/,
    );
    expect(() => run.advance(1)).toThrow(DivergenceError);
  });

  it('refuses a network whose synapses exceed the memory limit before allocating them', () => {
    // 4 million neurons × 1000 synapses would need 32 GB
    const huge = { ne: 3_200_000, ni: 800_000, synapses: 500 };
    expect(() => new SparseNetworkSimulation(huge)).toThrow(MemoryLimitError);
    expect(() => new SparseNetworkSimulation({ ...small, maxBytes: 1e6 })).toThrow(
      /^the network of 2000 neurons × 100 synapses needs 1\.\d+ MB, 1\.20 MB of it for the synapses \(limit 1\.00 MB\): use fewer neurons or synapses/,
    );
  });

  it('tells its build progress while drawing the synapses, on one thread or as the first of two', async () => {
    const heard: string[] = [];
    const listen = (phase: string, fraction: number): number =>
      heard.push(`${phase} ${fraction.toFixed(3)}`);
    const one = new SparseNetworkSimulation({ ...small, seed: 3, threads: 1 }, undefined, listen);
    expect(heard.splice(0)).toEqual([
      'counting 0.000',
      'counting 0.512',
      'placing 0.000',
      'placing 0.512',
      'placing 1.000',
    ]);
    // on two threads they draw once both run: the first thread's 1000 neurons
    const two = new SparseNetworkSimulation({ ...small, seed: 3, threads: 2 }, undefined, listen);
    expect(heard).toEqual([]);
    await two.ready;
    expect(heard).toEqual(['counting 0.000', 'placing 0.000', 'placing 1.000']);
    one.advance(Infinity);
    two.advance(Infinity);
    expect(spikesOf(two.result())).toEqual(spikesOf(one.result()));
  });

  it('its threads draw the synapses one thread draws, bit for bit, for 2- and 4-byte targets', async () => {
    for (const [options, threads] of [
      [{ ne: 2401, ni: 600, synapses: 37, seed: 11 }, 3],
      [{ ne: 60000, ni: 6000, synapses: 4, seed: 12 }, 2],
    ] as const) {
      const one = new SparseNetworkSimulation({ ...options, threads: 1 });
      const many = new SparseNetworkSimulation({ ...options, threads });
      await many.ready;
      expect(many.threads).toBe(threads);
      const [a, b] = [one.state, many.state];
      expect(b.synapses.target.BYTES_PER_ELEMENT).toBe(options.ne > 60000 - 1 ? 4 : 2);
      expect(bytesOf(b.synapses.groupStart).equals(bytesOf(a.synapses.groupStart))).toBe(true);
      expect(bytesOf(b.synapses.target).equals(bytesOf(a.synapses.target))).toBe(true);
      expect(bytesOf(b.weights).equals(bytesOf(a.weights))).toBe(true);
      many.close();
    }
  });
});
