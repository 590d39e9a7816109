import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { assembleKernels, generatedKernelsSource } from '../../scripts/kernels-assemble.js';
import { NOISE_BLOCK, NetworkRandom, noiseStreamWords } from '../../src/network/random.js';
import { threadRegion } from '../../src/network/simd.js';
import { NoiseBlocks } from '../../src/sparse/noise.js';
import { SparseArena, arenaArrays, arenaBytes } from '../../src/sparse/arena.js';
import { buildSparseNetwork } from '../../src/sparse/build.js';
import { bindSparseKernels, noiseTables, sparseMemory } from '../../src/sparse/kernels.js';
import { sparseNetworkMemory } from '../../src/sparse/memory.js';
import { resolveSparseOptions, type SparseNetworkOptions } from '../../src/sparse/options.js';
import { SparseNetworkSimulation, type SparseNetworkResult } from '../../src/sparse/simulation.js';
import { deliverRange, synapseSplit } from '../../src/sparse/step.js';
import { thresholdRange, updateMembrane, updateRecovery } from '../../src/network/phases.js';
import { bytesOf } from '../helpers/bytes.js';

async function run(options: SparseNetworkOptions): Promise<SparseNetworkResult> {
  const simulation = new SparseNetworkSimulation(options);
  expect(simulation.kernels).toBe(options.simd !== false);
  await simulation.ready;
  simulation.advance(13);
  simulation.advance(Infinity);
  return simulation.result();
}

/** A network in a kernels memory, its split for neurons [from, to), its noise tables. */
function kernelNetwork(options: SparseNetworkOptions, from: number, to: number) {
  const resolved = resolveSparseOptions(options);
  const { n, synapses, seed } = resolved;
  const bytes = arenaBytes(arenaArrays(n, synapses, 1, true));
  const memory = sparseMemory(bytes, false);
  const arena = new SparseArena(false, memory);
  const state = buildSparseNetwork(resolved, new NetworkRandom(seed), false, arena);
  arena.int32(2 * n);
  const split = synapseSplit(state.synapses, from, to, arena.int32(n), arena.int32(n));
  const tables = noiseTables(arena, state, seed, resolved.dt);
  return { state, split, kernels: bindSparseKernels(memory, false, state, split, tables), arena };
}

describe('the sparse network’s WebAssembly kernels', () => {
  it('give the spikes and traces of the JavaScript phases, on 1, 2 and 3 threads', async () => {
    const options = {
      ne: 1600,
      ni: 400,
      synapses: 100,
      duration: 200,
      seed: 21,
      record: [3, 1999],
    };
    const plain = await run({ ...options, simd: false, threads: 1 });
    expect(plain.spikes.t.length).toBeGreaterThan(500);
    for (const threads of [1, 2, 3]) {
      const fast = await run({ ...options, threads });
      expect(fast.threads).toBe(threads);
      expect(Array.from(fast.spikes.i)).toEqual(Array.from(plain.spikes.i));
      expect(Array.from(fast.spikes.t)).toEqual(Array.from(plain.spikes.t));
      for (const index of [3, 1999]) {
        for (const key of ['v', 'u', 'I'] as const) {
          expect(Array.from(fast.traces[index]?.[key] ?? [])).toEqual(
            Array.from(plain.traces[index]?.[key] ?? []),
          );
        }
      }
    }
  });

  it('take 1-, 2- and 4-byte targets and an odd last neuron, as the JavaScript loop does', async () => {
    for (const [ne, ni] of [
      [200, 50],
      [800, 200],
      [801, 200],
      [60000, 6000],
    ] as const) {
      const options = { ne, ni, synapses: ne > 1000 ? 3 : 40, duration: 40, seed: 4 };
      const fast = await run({ ...options, threads: 2 });
      const plain = await run({ ...options, simd: false, threads: 2 });
      expect(fast.spikes.t.length).toBeGreaterThan(0);
      expect(Array.from(fast.spikes.i)).toEqual(Array.from(plain.spikes.i));
    }
  });

  it('noise draws each block’s stream as fillNoise does, slow path included', () => {
    const { state, kernels } = kernelNetwork({ ne: 700, ni: 300, synapses: 5, seed: 6 }, 256, 1000);
    const expected = new Float64Array(1000);
    const blocks = new NoiseBlocks(6, expected, state.noiseScale, 256, 1000);
    for (let step = 0; step < 20; step++) {
      kernels.noise(256, 1000);
      blocks.fill();
      expect(Array.from(state.input.subarray(256))).toEqual(Array.from(expected.subarray(256)));
    }
    // neurons below the range are not drawn; 20·744 numbers take the wedge and tail (1.2 % of
    // them) about 180 times, and a wrong stream after one of them would show in every later number
    expect(Array.from(state.input.subarray(0, 256)).every((x) => x === 0)).toBe(true);
  });

  it('threshold and deliver match thresholdRange and deliverRange on a hand-made state', () => {
    const { state, split, kernels, arena } = kernelNetwork(
      { ne: 400, ni: 112, synapses: 30, seed: 5 },
      256,
      512,
    );
    const n = 512;
    const random = new NetworkRandom(3);
    for (let i = 0; i < n; i++) state.v[i] = -70 + 110 * random.uniform();
    const v = state.v.slice();
    const u = state.u.slice();
    const fired = arena.int32(n);
    const count = kernels.threshold(0, n, fired.byteOffset);
    const expected = new Int32Array(n);
    const jsState = { ...state, v, u };
    expect(count).toBe(thresholdRange(jsState, 0, n, expected, 0));
    expect(count).toBeGreaterThan(50);
    expect(Array.from(fired.subarray(0, count))).toEqual(Array.from(expected.subarray(0, count)));
    expect(Array.from(state.v)).toEqual(Array.from(v));
    expect(Array.from(state.u)).toEqual(Array.from(u));

    for (let i = 0; i < n; i++) state.input[i] = random.uniform();
    const before = state.input.slice();
    const input = state.input.slice();
    kernels.deliver(fired.byteOffset, count, 1 / 0.7);
    deliverRange({ ...state, input }, split, fired, 0, count, 1 / 0.7);
    expect(Array.from(state.input)).toEqual(Array.from(input));
    // only the split's neurons, 256 … 511, receive
    expect(Array.from(state.input.subarray(0, 256))).toEqual(Array.from(before.subarray(0, 256)));
    expect(state.input.subarray(256).some((x, i) => x !== before[256 + i])).toBe(true);

    state.v[7] = NaN;
    expect(kernels.threshold(0, n, fired.byteOffset)).toBe(-1);
    state.v[7] = Infinity;
    expect(kernels.threshold(0, n, fired.byteOffset)).toBe(-1);
  });

  it('update lists exactly the neurons the next threshold fires or finds diverged', () => {
    const { state, kernels, arena } = kernelNetwork(
      { ne: 400, ni: 112, synapses: 30, seed: 5, dt: 0.5 },
      0,
      512,
    );
    const n = 512;
    const random = new NetworkRandom(8);
    for (let i = 0; i < n; i++) {
      state.v[i] = -70 + 105 * random.uniform();
      state.u[i] = -15 + 5 * random.uniform();
      state.input[i] = 20 * random.uniform() - 5;
    }
    state.v[10] = NaN;
    state.v[11] = -Infinity;
    state.v[300] = Infinity;
    // an odd range, 0 … 510: its last neuron takes the scalar update, and is listed
    const end = n - 1;
    state.v[510] = 31;
    const v = state.v.slice();
    const u = state.u.slice();
    updateMembrane({ ...state, v, u }, 0.5, 0, end);
    updateRecovery({ ...state, v, u }, 0.5, 0, end);
    const list = arena.int32(n);
    const listed = kernels.update(0, end, list.byteOffset);
    expect(bytesOf(state.v).equals(bytesOf(v))).toBe(true);
    expect(bytesOf(state.u).equals(bytesOf(u))).toBe(true);
    const expected = Array.from(v.keys()).filter(
      (i) => i < end && (!((v[i] as number) < 30) || v[i] === -Infinity),
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(expected).toContain(510);
    expect(Array.from(list.subarray(0, listed))).toEqual(expected);
    // NaN and ±∞ stop the threshold over the list, as they stop the threshold over the range
    expect(kernels.thresholdList(list.byteOffset, listed)).toBe(-1);
    // (it fired and reset the neurons before 10 first: start again from the updated state)
    v[10] = -60;
    v[11] = -60;
    v[300] = 35;
    state.v.set(v);
    state.u.set(u);
    const kept = expected.filter((i) => i !== 10 && i !== 11);
    list.set(kept);
    const fired = kernels.thresholdList(list.byteOffset, kept.length);
    const out = new Int32Array(n);
    expect(fired).toBe(thresholdRange({ ...state, v, u }, 0, n, out, 0));
    expect(Array.from(list.subarray(0, fired))).toEqual(Array.from(out.subarray(0, fired)));
    expect(bytesOf(state.v).equals(bytesOf(v))).toBe(true);
    expect(bytesOf(state.u).equals(bytesOf(u))).toBe(true);
  });

  it('draw the synapses of buildSparseNetwork as its JavaScript loops do, 1-, 2- and 4-byte targets', () => {
    for (const [ne, ni, synapses] of [
      [200, 50, 30],
      [700, 300, 57],
      [60000, 6000, 4],
    ] as const) {
      const options = resolveSparseOptions({ ne, ni, synapses, seed: 12 });
      const bytes = arenaBytes(arenaArrays(ne + ni, synapses, 1, true));
      const kernelRandom = new NetworkRandom(12);
      const fast = buildSparseNetwork(
        options,
        kernelRandom,
        false,
        new SparseArena(false, sparseMemory(bytes, false)),
      );
      const plainRandom = new NetworkRandom(12);
      const plain = buildSparseNetwork(options, plainRandom, false);
      expect(fast.synapses.target.BYTES_PER_ELEMENT).toBe(plain.synapses.target.BYTES_PER_ELEMENT);
      expect(bytesOf(fast.synapses.groupStart).equals(bytesOf(plain.synapses.groupStart))).toBe(
        true,
      );
      expect(bytesOf(fast.synapses.target).equals(bytesOf(plain.synapses.target))).toBe(true);
      expect(bytesOf(fast.weights).equals(bytesOf(plain.weights))).toBe(true);
      expect(bytesOf(fast.c).equals(bytesOf(plain.c))).toBe(true);
      expect(kernelRandom.getState()).toEqual(plainRandom.getState());
    }
  });

  it('the memory guard counts exactly what the arena takes, in whole pages', () => {
    const resolved = resolveSparseOptions({ ne: 800, ni: 300, synapses: 70, threads: 2 });
    const bytes = arenaBytes(arenaArrays(1100, 70, 2, true));
    const arena = new SparseArena(false, sparseMemory(bytes, false));
    const state = buildSparseNetwork(resolved, new NetworkRandom(1), false, arena);
    arena.int32(2 * 1100);
    for (let t = 0; t < 2; t++)
      synapseSplit(state.synapses, 0, 1100, arena.int32(1100), arena.int32(1100));
    noiseTables(arena, state, 1, 1);
    // where the two threads meet: control words, descriptors, the spike log
    arena.take(threadRegion(1100, 2, 0).bytes);
    expect(arena.taken).toBe(bytes);
    const memory = sparseNetworkMemory(resolved, true);
    expect(memory.synapses + memory.state).toBe(Math.ceil(bytes / 65536) * 65536);
    const plain = sparseNetworkMemory(resolved, false);
    expect(plain.state).toBe(
      1100 * 8 * 8 + 4 * 1101 + 4 * 2 * 1100 + 2 * 2 * 4 * 1100 + 2 * 4 * noiseStreamWords(1100),
    );
    expect(NOISE_BLOCK).toBe(256);
  });

  it('kernels.generated.ts holds the bytes wat2wasm makes of kernels.wat today', async () => {
    const wat = readFileSync(new URL('../../src/sparse/kernels.wat', import.meta.url), 'utf8');
    const generated = readFileSync(
      new URL('../../src/sparse/kernels.generated.ts', import.meta.url),
      'utf8',
    );
    expect(generatedKernelsSource(await assembleKernels(wat), 'kernels.wat')).toBe(generated);
  });
});
