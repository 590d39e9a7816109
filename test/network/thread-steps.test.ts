import { describe, expect, it } from 'vitest';
import { CONTROL, controlWords } from '../../src/network/parallel.js';
import { kernelLayout, logCapacity, threadRegion } from '../../src/network/simd.js';
import {
  BARRIER_SPINS,
  PART,
  PART_BOUNDS,
  partAddress,
  threadStepsModule,
  writePart,
} from '../../src/network/thread-steps.js';

describe('threadRegion(n, parties, at)', () => {
  it('is empty for one thread', () => {
    expect(threadRegion(1000, 1, 4096).bytes).toBe(0);
    const layout = kernelLayout(1000, 1);
    expect(layout.weights).toBe(layout.threads.control);
  });

  it('lays out the control words, a descriptor per thread and the log, 16-byte aligned, apart', () => {
    const layout = kernelLayout(3000, 5, 3);
    const region = layout.threads;
    expect(region.parties).toBe(3);
    expect(region.logCapacity).toBe(logCapacity(3000));
    expect(logCapacity(3000)).toBe(65536);
    expect(logCapacity(40000)).toBe(80000);
    const starts = [region.control, region.parts, region.logSteps, region.logNeurons];
    for (const start of starts) expect(start % 16).toBe(0);
    expect(region.parts - region.control).toBeGreaterThanOrEqual(4 * controlWords(3));
    expect(region.partBytes).toBeGreaterThanOrEqual(PART_BOUNDS + 4 * 4);
    expect(region.logSteps - region.parts).toBe(3 * region.partBytes);
    expect(region.logNeurons - region.logSteps).toBeGreaterThanOrEqual(4 * region.logCapacity);
    expect(region.control + region.bytes).toBe(layout.weights);
    expect(region.logNeurons + 4 * region.logCapacity).toBeLessThanOrEqual(layout.weights);
    // after the fired lists, before the weights
    expect(region.control).toBeGreaterThanOrEqual(layout.fired + 5 * (4 * 3000));
  });
});

describe('writePart(buffer, layout, part)', () => {
  it('writes each thread’s descriptor where partAddress says, the log for thread 0 only', () => {
    const layout = kernelLayout(1000, 4, 2);
    const buffer = new SharedArrayBuffer(layout.bytes);
    const bounds = Int32Array.of(0, 512, 1000);
    const addresses = [0, 1].map((index) =>
      writePart(buffer, layout.threads, {
        index,
        bounds,
        buffers: [111, 222],
        fired: 333 + index,
      }),
    );
    expect(addresses).toEqual([partAddress(layout.threads, 0), partAddress(layout.threads, 1)]);
    for (const [index, address] of addresses.entries()) {
      const words = new Int32Array(buffer, address, layout.threads.partBytes / 4);
      expect(words[PART.index / 4]).toBe(index);
      expect(words[PART.parties / 4]).toBe(2);
      expect(words[PART.control / 4]).toBe(layout.threads.control);
      expect([words[PART.buffers / 4], words[PART.buffers / 4 + 1]]).toEqual([111, 222]);
      expect(words[PART.fired / 4]).toBe(333 + index);
      expect(words[PART.listed / 4]).toBe(-1);
      expect(words[PART.spins / 4]).toBe(BARRIER_SPINS);
      expect(words[PART.diverged / 4]).toBe(0);
      expect(Array.from(words.subarray(PART_BOUNDS / 4, PART_BOUNDS / 4 + 3))).toEqual([
        0, 512, 1000,
      ]);
      const log = index === 0;
      expect(words[PART.logSteps / 4]).toBe(log ? layout.threads.logSteps : 0);
      expect(words[PART.logNeurons / 4]).toBe(log ? layout.threads.logNeurons : 0);
      expect(words[PART.logCapacity / 4]).toBe(log ? layout.threads.logCapacity : 0);
    }
    // the control words a thread's barrier uses are CONTROL's
    expect(CONTROL.counts).toBe(8);
  });
});

describe('writePart with a sparse delivery', () => {
  it('marks the part sparse and writes deliver’s arguments, the charge as a double', () => {
    const layout = kernelLayout(600, 4, 3);
    const buffer = new SharedArrayBuffer(layout.bytes);
    const sparse = {
      first: 1000,
      last: 2000,
      targets: 3000,
      shift: 1,
      weights: 4000,
      input: 5000,
      charge: 1 / 0.3,
    };
    const bounds = Int32Array.of(0, 256, 512, 600);
    const address = writePart(buffer, layout.threads, {
      index: 2,
      bounds,
      buffers: [16, 32],
      fired: 0,
      sparse,
    });
    const words = new Int32Array(buffer, address, layout.threads.partBytes / 4);
    expect(words[PART.sparse / 4]).toBe(1);
    expect(
      [PART.first, PART.last, PART.targets, PART.shift, PART.weights, PART.input].map(
        (at) => words[at / 4],
      ),
    ).toEqual([1000, 2000, 3000, 1, 4000, 5000]);
    expect(new Float64Array(buffer, address + PART.charge, 1)[0]).toBe(1 / 0.3);
    expect(Array.from(words.subarray(PART_BOUNDS / 4, PART_BOUNDS / 4 + 4))).toEqual([
      0, 256, 512, 600,
    ]);
    // a dense part is not sparse
    const dense = writePart(buffer, layout.threads, {
      index: 1,
      bounds,
      buffers: [16, 32],
      fired: 48,
    });
    expect(new Int32Array(buffer, dense + PART.sparse, 1)[0]).toBe(0);
  });
});

describe('threadStepsModule()', () => {
  it('compiles the shared-memory module once', () => {
    const module = threadStepsModule();
    expect(module).not.toBeNull();
    expect(threadStepsModule()).toBe(module);
  });
});
