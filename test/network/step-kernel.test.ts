import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleKernels, generatedKernelsSource } from '../../scripts/kernels-assemble.js';
import type { NetworkState } from '../../src/network/build.js';
import {
  deliverSpikes,
  thresholdRange,
  updateMembrane,
  updateRecovery,
} from '../../src/network/phases.js';
import {
  fillNoise,
  NetworkRandom,
  NOISE_BLOCK,
  noiseStreamWords,
  seedNoiseStreams,
} from '../../src/network/random.js';
import { createSimdKernels, type SimdKernels } from '../../src/network/simd.js';
import { stepModule, writeStepDescriptor } from '../../src/network/step-kernel.js';

/** The arrays of a network of n neurons in the kernels' memory, its descriptor written. */
function kernelNetwork(n: number, dt: number, noise = true): SimdKernels {
  const simd = createSimdKernels(n)!;
  writeStepDescriptor(simd.memory.buffer, simd.layout, dt, noise);
  return simd;
}

/** A JavaScript-only copy of the kernels' arrays, for the phases of `phases.ts`. */
function javascriptCopy(simd: SimdKernels, n: number): NetworkState {
  return {
    n,
    ne: n,
    a: simd.a.slice(),
    b: simd.b.slice(),
    c: simd.c.slice(),
    d: simd.d.slice(),
    v: simd.v.slice(),
    u: simd.u.slice(),
    input: simd.input.slice(),
    noiseScale: simd.noiseScale.slice(),
    weights: simd.weights.slice(),
    fired: simd.fired.slice(),
    firedCount: 0,
    firedAddress: 0,
    noiseStreams: simd.noiseStreams.slice(),
    simd: undefined,
  };
}

describe('step kernel', () => {
  it('step.generated.ts holds the bytes wat2wasm makes of step.wat today', async () => {
    const here = (path: string) => new URL(path, import.meta.url);
    const kernels = await assembleKernels(readFileSync(here('../../src/network/step.wat'), 'utf8'));
    expect(readFileSync(here('../../src/network/step.generated.ts'), 'utf8')).toBe(
      generatedKernelsSource(kernels, 'step.wat'),
    );
    expect(stepModule()).not.toBeNull();
    expect(stepModule(true)).not.toBeNull();
  });

  it("begin(from, to) draws fillNoise's numbers bit for bit, wedge and tail cases included", () => {
    const n = 2 * NOISE_BLOCK + 37;
    const simd = kernelNetwork(n, 0.5);
    for (let i = 0; i < n; i++) simd.noiseScale[i] = 1 + (i % 5) * 0.25;
    seedNoiseStreams(simd.noiseStreams, 11);
    simd.v.fill(-70);
    const streams = new Int32Array(noiseStreamWords(n));
    seedNoiseStreams(streams, 11);
    const expected = new Float64Array(n);
    let tails = 0;
    let differing = 0;
    for (let step = 0; step < 2000; step++) {
      fillNoise(streams, expected, simd.noiseScale, 0, n);
      // two ranges, as two threads take them
      expect(simd.kernels.begin(NOISE_BLOCK, n, simd.layout.fired)).toBe(0);
      expect(simd.kernels.begin(0, NOISE_BLOCK, simd.layout.fired)).toBe(0);
      for (let i = 0; i < n; i++) {
        if (simd.input[i] !== expected[i]) differing += 1;
        // only the tail method returns |z| beyond r = 3.654…
        if (Math.abs(expected[i]! / simd.noiseScale[i]!) > 3.6541528853610088) tails += 1;
      }
    }
    expect(differing).toBe(0);
    expect(tails).toBeGreaterThan(100);
    expect(Array.from(simd.noiseStreams)).toEqual(Array.from(streams));
  });

  it('begin with the noise off sets I = 0', () => {
    const simd = kernelNetwork(9, 1, false);
    simd.input.fill(3);
    simd.v.fill(-65);
    expect(simd.kernels.begin(0, 9, simd.layout.fired)).toBe(0);
    expect(Array.from(simd.input)).toEqual(new Array(9).fill(0));
  });

  it('begin lists every v ≥ 30 in index order and resets it: v ← c, u ← u + d', () => {
    const simd = kernelNetwork(6, 1, false);
    simd.v.set([30, 29.999999, 45, -80, 1e300, 30.5]);
    simd.u.set([-13, -13, -10, -16, 2, 0.5]);
    simd.c.set([-65, -60, -55, -50, -45, -40]);
    simd.d.set([8, 7, 6, 5, 4, 3]);
    expect(simd.kernels.begin(0, 6, simd.layout.fired)).toBe(4);
    expect(Array.from(simd.fired.subarray(0, 4))).toEqual([0, 2, 4, 5]);
    expect(Array.from(simd.v)).toEqual([-65, 29.999999, -55, -80, -45, -40]);
    expect(Array.from(simd.u)).toEqual([-5, -13, -4, -16, 6, 3.5]);
  });

  it('begin returns −1 for a v that is NaN, +∞ or −∞', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const simd = kernelNetwork(5, 1, false);
      simd.v.set([-65, -65, bad, -65, -65]);
      expect(simd.kernels.begin(0, 5, simd.layout.fired), String(bad)).toBe(-1);
    }
  });

  it('finish delivers, then updates v and u, as the phases of phases.ts do, for any count and range', () => {
    const n = 23; // neither a multiple of 4 nor of 2: the scalar loops take the last neurons
    const dt = 0.3;
    for (const count of [0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 16, 19]) {
      for (const [from, to] of [
        [0, n],
        [4, 17],
        [8, n],
      ] as const) {
        const simd = kernelNetwork(n, dt);
        for (let k = 0; k < n * n; k++) simd.weights[k] = Math.fround(Math.sin(7 * k) * 0.55);
        const columns = [simd.v, simd.u, simd.input, simd.a, simd.b] as const;
        const values = [-70, -14, 6, 0.02, 0.25];
        const slopes = [3.1, 0.4, -0.7, 0.003, -0.002];
        columns.forEach((column, c) => {
          column.set(Array.from({ length: n }, (_, i) => values[c]! + slopes[c]! * i));
        });
        for (let f = 0; f < count; f++) simd.fired[f] = (f * 5 + 3) % n;
        const reference = javascriptCopy(simd, n);
        reference.firedCount = count;
        deliverSpikes(reference, dt, from, to);
        updateMembrane(reference, dt, from, to);
        updateRecovery(reference, dt, from, to);
        simd.kernels.finish(simd.layout.fired, count, from, to);
        const label = `count ${count}, neurons ${from} … ${to}`;
        expect(Array.from(simd.input), label).toEqual(Array.from(reference.input));
        expect(Array.from(simd.v), label).toEqual(Array.from(reference.v));
        expect(Array.from(simd.u), label).toEqual(Array.from(reference.u));
      }
    }
  });

  it("step() takes the five phases of phases.ts in their order, with thresholdRange's spikes", () => {
    const n = 301;
    const dt = 0.5;
    const simd = kernelNetwork(n, dt);
    for (let k = 0; k < n * n; k++) simd.weights[k] = Math.fround(Math.cos(k) * 0.8);
    for (let i = 0; i < n; i++) {
      simd.v[i] = -65 + (i % 11) * 9;
      simd.u[i] = -13;
      simd.a[i] = 0.02;
      simd.b[i] = 0.2;
      simd.c[i] = -65 + (i % 3);
      simd.d[i] = 8 - (i % 4);
      simd.noiseScale[i] = 5 / Math.sqrt(dt);
    }
    seedNoiseStreams(simd.noiseStreams, 4);
    const reference = javascriptCopy(simd, n);
    let spikes = 0;
    for (let k = 0; k < 50; k++) {
      fillNoise(reference.noiseStreams, reference.input, reference.noiseScale, 0, n);
      reference.firedCount = thresholdRange(reference, 0, n, reference.fired, 0);
      deliverSpikes(reference, dt);
      updateMembrane(reference, dt);
      updateRecovery(reference, dt);
      const fired = simd.kernels.step();
      expect(fired).toBe(reference.firedCount);
      expect(Array.from(simd.fired.subarray(0, fired))).toEqual(
        Array.from(reference.fired.subarray(0, fired)),
      );
      spikes += fired;
    }
    expect(spikes).toBeGreaterThan(100);
    expect(Array.from(simd.v)).toEqual(Array.from(reference.v));
    expect(Array.from(simd.u)).toEqual(Array.from(reference.u));
  });

  it("uniforms(random, …) stores fillUniform's float32 numbers and moves the generator as far", () => {
    const n = 37;
    const simd = kernelNetwork(n, 1);
    const viaKernel = new NetworkRandom(21);
    const viaJavaScript = new NetworkRandom(21);
    const expected = new Float32Array(n * n);
    for (let j = 0; j < n; j++) {
      const multiplier = j % 2 === 0 ? 0.5 * (800 / 3) : -1;
      viaJavaScript.fillUniform(expected, j * n, (j + 1) * n, multiplier);
      simd.kernels.uniforms(viaKernel, simd.weights.byteOffset + 4 * j * n, n, multiplier);
    }
    expect(Array.from(simd.weights)).toEqual(Array.from(expected));
    expect(viaKernel.uniform()).toBe(viaJavaScript.uniform());
  });
});
