import { describe, it, expect } from 'vitest';
import { MemoryLimitError } from '../../src/errors.js';
import { checkNetworkMemory, networkMemory, threadBytes } from '../../src/network/memory.js';
import { kernelLayout } from '../../src/network/simd.js';
import { resolveNetworkOptions } from '../../src/network/options.js';
import { NetworkSimulation } from '../../src/network/simulation.js';

describe('network memory guard', () => {
  it('networkMemory(options) counts 4 bytes per weight and 8 per traced value', () => {
    const memory = networkMemory(resolveNetworkOptions({ ne: 800, ni: 200, record: [0, 1] }));
    expect(memory.weights).toBe(4_000_000);
    expect(memory.traces).toBe(1000 * 8 * 7);
    expect(memory.analysis).toBe(1000 * 320);
    expect(memory.total).toBe(memory.weights + memory.state + memory.traces + memory.analysis);
  });

  it('networkMemory(options) counts what a run on several threads adds: lists, control and log', () => {
    const one = networkMemory(resolveNetworkOptions({ ne: 8000, ni: 2000, threads: 1 }));
    const two = networkMemory(resolveNetworkOptions({ ne: 8000, ni: 2000, threads: 2 }));
    expect(one.state).toBe(10000 * 68);
    expect(two.state - one.state).toBe(threadBytes(10000, 2));
    // three more fired lists of n, and the log's 65 536 steps and neurons (more than 2n here)
    expect(threadBytes(10000, 2)).toBeGreaterThan(3 * 4 * 10000 + 2 * 4 * 65536);
    expect(threadBytes(10000, 2)).toBeLessThan(3 * 4 * 10000 + 2 * 4 * 65536 + 1024);
    // exactly what the layout gives the threads beyond the one list the state counts
    const layout = kernelLayout(10000, 4, 2);
    expect(threadBytes(10000, 2)).toBe(layout.weights - layout.fired - 4 * 10000);
  });

  it('checkNetworkMemory(options) refuses 100 000 neurons before allocating, naming the size', () => {
    const options = resolveNetworkOptions({ ne: 80_000, ni: 20_000 });
    expect(() => checkNetworkMemory(options)).toThrow(MemoryLimitError);
    expect(() => checkNetworkMemory(options)).toThrow(
      /^the network of 100000 neurons needs 40\.0 GB for its weights \(40\.0 GB in all, limit 2\.00 GB\): use fewer neurons$/,
    );
  });

  it('new NetworkSimulation(options) honours maxBytes and names traces when they are the problem', () => {
    expect(() => new NetworkSimulation({ ne: 800, ni: 200, maxBytes: 1e6 })).toThrow(
      /needs 4\.00 MB for its weights \(4\.39 MB in all, limit 1\.00 MB\)/,
    );
    let thrown: unknown;
    try {
      new NetworkSimulation({
        ne: 8,
        ni: 2,
        dt: 0.001,
        duration: 10000,
        record: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MemoryLimitError);
    expect((thrown as MemoryLimitError).message).toMatch(
      /^the traces of 10 neurons over 10000000 steps need 2\.48 GB \(limit 2\.00 GB\): record fewer neurons/,
    );
    expect((thrown as MemoryLimitError).requiredBytes).toBeGreaterThan(1e9);
  });
});

describe('the analysis buffers are counted before a run starts', () => {
  it('refuses one neuron for 1e7 ms, naming the analysis, and allows 1e5 ms', () => {
    const long = resolveNetworkOptions({ ne: 1, ni: 0, duration: 1e7 });
    expect(networkMemory(long).analysis).toBe(1e7 * 320);
    expect(() => checkNetworkMemory(long)).toThrow(MemoryLimitError);
    expect(() => checkNetworkMemory(long)).toThrow(/the analysis of a 10000000 ms run/);
    expect(() =>
      checkNetworkMemory(resolveNetworkOptions({ ne: 1, ni: 0, duration: 1e5 })),
    ).not.toThrow();
  });
});
