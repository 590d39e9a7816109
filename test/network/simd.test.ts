import { describe, it, expect } from 'vitest';
import { createSimdKernels, kernelModuleBytes } from '../../src/network/simd.js';
import { NetworkSimulation } from '../../src/network/simulation.js';

function run(options: object, simd: boolean) {
  const simulation = new NetworkSimulation({ ...options, simd, record: [0, 7, 1000] });
  simulation.advance(Infinity);
  return { simulation, result: simulation.result() };
}

describe('SIMD kernels', () => {
  it('kernelModuleBytes(shared) are valid WebAssembly modules, importing a shared memory or not', () => {
    expect(WebAssembly.validate(kernelModuleBytes())).toBe(true);
    expect(WebAssembly.validate(kernelModuleBytes(true))).toBe(true);
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(kernelModuleBytes()));
    expect(exports.map((e) => e.name)).toEqual([
      'deliver8',
      'deliverRest',
      'membrane',
      'recovery',
      'recoverList',
    ]);
  });

  it('createSimdKernels(n) places the state and the weights in one memory, 16-byte aligned', () => {
    const simd = createSimdKernels(11)!;
    for (const array of [simd.input, simd.v, simd.u, simd.a, simd.b, simd.fired]) {
      expect(array.length).toBe(11);
      expect(array.buffer).toBe(simd.weights.buffer);
      expect(array.byteOffset % 16).toBe(0);
    }
    expect(simd.weights.length).toBe(121);
    expect(simd.weights.byteOffset % 16).toBe(0);
    expect(simd.covered).toBe(8);
    expect(simd.pairs).toBe(5);
  });

  it('updateMembrane(half) and updateRecovery(dt) compute the JavaScript formulas bit for bit', () => {
    const n = 7;
    const simd = createSimdKernels(n)!;
    for (let i = 0; i < n; i++) {
      simd.v[i] = -70 + 13.7 * i;
      simd.u[i] = -14 + 1.3 * i;
      simd.input[i] = Math.cos(i) * 9;
      simd.a[i] = 0.02 + 0.011 * i;
      simd.b[i] = 0.25 - 0.007 * i;
    }
    const v = Array.from(simd.v);
    const u = Array.from(simd.u);
    const half = 0.35;
    for (let i = 0; i < 6; i++) {
      for (let k = 0; k < 2; k++) {
        v[i] = v[i]! + half * (0.04 * (v[i]! * v[i]!) + 5 * v[i]! + 140 - u[i]! + simd.input[i]!);
      }
      u[i] = u[i]! + 0.7 * simd.a[i]! * (simd.b[i]! * v[i]! - u[i]!);
    }
    simd.updateMembrane(half);
    simd.updateRecovery(0.7);
    // the seventh neuron is beyond the last pair: the JavaScript loop takes it
    expect(Array.from(simd.v)).toEqual(v);
    expect(Array.from(simd.u)).toEqual(u);
  });

  it('the kernel adds eight columns times 1/dt exactly as the JavaScript loop does', () => {
    const n = 10;
    const simd = createSimdKernels(n)!;
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

  it('deliverRest adds the last 1 … 4 columns as the JavaScript loop sums them', () => {
    const n = 12;
    for (let count = 1; count <= 4; count++) {
      const simd = createSimdKernels(n)!;
      for (let k = 0; k < n * n; k++) simd.weights[k] = Math.fround(Math.cos(3 * k) * 0.61);
      simd.fired.set([7, 2, 11, 2]);
      simd.input.set(Array.from({ length: n }, (_, i) => 0.3 * i - 1));
      const expected = Array.from(simd.input);
      const w = (i: number, f: number) => simd.weights[simd.fired[f]! * n + i]!;
      for (let i = 0; i < 8; i++) {
        const sum =
          count === 4
            ? w(i, 0) + w(i, 1) + (w(i, 2) + w(i, 3))
            : count === 3
              ? w(i, 0) + w(i, 1) + w(i, 2)
              : count === 2
                ? w(i, 0) + w(i, 1)
                : w(i, 0);
        expected[i] = expected[i]! + sum * (1 / 0.7);
      }
      simd.kernels.deliverRest(simd.layout.fired, count, 1 / 0.7, 4, 8);
      simd.kernels.deliverRest(simd.layout.fired, count, 1 / 0.7, 0, 4);
      // neurons 8 … 11 are outside both ranges
      expect(Array.from(simd.input), `count ${count}`).toEqual(expected);
    }
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
