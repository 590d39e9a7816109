import { describe, it, expect } from 'vitest';
import { createSimdDelivery, deliveryModuleBytes } from '../../src/network/simd-delivery.js';
import { NetworkSimulation } from '../../src/network/simulation.js';

function run(options: object, simd: boolean) {
  const simulation = new NetworkSimulation({ ...options, simd, record: [0, 7, 1000] });
  simulation.advance(Infinity);
  return { simulation, result: simulation.result() };
}

describe('SIMD delivery', () => {
  it('deliveryModuleBytes() is a valid WebAssembly module', () => {
    expect(WebAssembly.validate(deliveryModuleBytes())).toBe(true);
  });

  it('createSimdDelivery(n) places I, the fired buffer and the weights in one memory', () => {
    const simd = createSimdDelivery(10)!;
    expect(simd.input.length).toBe(10);
    expect(simd.fired.length).toBe(10);
    expect(simd.weights.length).toBe(100);
    expect(simd.weights.buffer).toBe(simd.input.buffer);
    expect(simd.weights.byteOffset % 16).toBe(0);
    expect(simd.covered).toBe(8);
  });

  it('the kernel adds eight columns times 1/dt exactly as the JavaScript loop does', () => {
    const n = 10;
    const simd = createSimdDelivery(n)!;
    for (let k = 0; k < n * n; k++) simd.weights[k] = Math.fround(Math.sin(k) * 0.37);
    simd.fired.set([5, 0, 3, 3, 1, 4, 2, 5]);
    simd.input.set([1, -2, 3.5, 0.25, 7, 9, 11, -0.5, 4, 2]);
    const expected = Array.from(simd.input);
    const [j0, j1, j2, j3, j4, j5, j6, j7] = Array.from(simd.fired.subarray(0, 8));
    const w = (i: number, j: number) => simd.weights[j * n + i]!;
    for (let i = 0; i < simd.covered; i++) {
      const sum =
        w(i, j0!) +
        w(i, j1!) +
        (w(i, j2!) + w(i, j3!)) +
        (w(i, j4!) + w(i, j5!) + (w(i, j6!) + w(i, j7!)));
      expected[i] = expected[i]! + sum * (1 / 0.3);
    }
    simd.deliverEight(1, 1 / 0.3);
    // neurons 8 and 9 are beyond the kernel's multiple of 4: the JavaScript loop takes them
    expect(Array.from(simd.input)).toEqual(expected);
    expect(simd.input[8]).toBe(4);
  });

  it('a network with the kernel gives the same bits as one without (N not a multiple of 4)', () => {
    // unscaled, so that many neurons fire at once and most spikes go through the kernel
    const options = { ne: 2003, ni: 500, scale: false, dt: 0.5, duration: 50, seed: 8 };
    const withSimd = run(options, true);
    const without = run(options, false);
    expect(withSimd.simulation.state.simd).toBeDefined();
    expect(without.simulation.state.simd).toBeUndefined();
    expect(withSimd.result.spikes.t.length).toBeGreaterThan(20000);
    expect(withSimd.result.spikes).toEqual(without.result.spikes);
    expect(withSimd.result.traces).toEqual(without.result.traces);
    expect(Array.from(withSimd.simulation.state.v)).toEqual(Array.from(without.simulation.state.v));
  });
});
