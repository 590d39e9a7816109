// The group search against the program's loop written here as poly_spnet.cpp writes it: every
// neuron stepped every millisecond, the arrival lists as its global arrays, cleared as it clears them.
import { describe, expect, it } from 'vitest';
import { learnedNetwork } from '../helpers/polychron.js';
import { findPolychronousGroups, findPolychronousGroupsAsync } from '../../src/polychron/groups.js';
import { buildPolychronNetwork, type PolychronState } from '../../src/polychron/network.js';
import { CancelledError } from '../../src/errors.js';

interface FoundGroup {
  neuron: number;
  members: number[];
  times: number[];
  links: number[][];
  layers: number;
}

/** poly_spnet.cpp's polychronous(nnum) for nnum = 0 … count − 1, its loops as written. */
function referenceSearch(state: PolychronState, count: number): FoundGroup[] {
  const Ne = 800;
  const N = 1000;
  const M = 100;
  const D = 20;
  const W = 3;
  const latency = D;
  const polylenmax = N;
  const C_rel = 9.5;
  const post = (j: number, k: number): number => state.synapses.target[j * M + k]!;
  const s = (j: number, k: number): number => state.weight[j * M + k]!;
  const delayIndex = (j: number, k: number): number => (j < Ne ? Math.floor(k / (M / D)) : 0);
  const N_post = new Array<number>(polylenmax).fill(0);
  const I_post: number[][] = Array.from({ length: polylenmax }, () => []);
  const J_post: number[][] = Array.from({ length: polylenmax }, () => []);
  const D_post: number[][] = Array.from({ length: polylenmax }, () => []);
  const C_post: number[][] = Array.from({ length: polylenmax }, () => []);
  const push = (at: number, target: number, source: number, dd: number, w: number): void => {
    const p = N_post[at]!;
    I_post[at]![p] = target;
    J_post[at]![p] = source;
    D_post[at]![p] = dd;
    C_post[at]![p] = w;
    N_post[at] = p + 1;
  };
  const found: FoundGroup[] = [];
  let timing = 0;
  for (let nnum = 0; nnum < count; nnum++) {
    const myPre: number[] = [];
    const myDelay: number[] = [];
    for (let j = 0; j < Ne; j++) {
      for (let k = 0; k < M; k++) {
        if (post(j, k) === nnum && s(j, k) > C_rel) {
          myPre.push(j);
          myDelay.push(delayIndex(j, k));
        }
      }
    }
    if (myPre.length < W) continue;
    const npre = [0, 1, 2];
    for (;;) {
      let Dmax = 0;
      for (let i = 0; i < W; i++) Dmax = Math.max(Dmax, myDelay[npre[i]!]!);
      const group: number[] = [];
      const tFired: number[] = [];
      for (let i = 0; i < W; i++) {
        group[i] = myPre[npre[i]!]!;
        tFired[i] = Dmax - myDelay[npre[i]!]!;
        for (let k = 0; k < M; k++) {
          const dd = delayIndex(group[i]!, k);
          if (s(group[i]!, k) > C_rel && dd >= myDelay[npre[i]!]!) {
            timing = tFired[i]! + dd + 1;
            push(timing, post(group[i]!, k), group[i]!, dd, s(group[i]!, k));
          }
        }
      }
      const v = new Array<number>(N).fill(-70);
      const u = v.map((x) => 0.2 * x);
      const I = new Array<number>(N).fill(0);
      let nFired = W;
      let tLast = D + D + latency + 1;
      let t = -1;
      while (++t < tLast && nFired < polylenmax) {
        for (let p = 0; p < N_post[t]!; p++)
          I[I_post[t]![p]!] = I[I_post[t]![p]!]! + C_post[t]![p]!;
        for (let i = 0; i < N; i++) {
          v[i] = v[i]! + 0.5 * ((0.04 * v[i]! + 5) * v[i]! + 140 - u[i]! + I[i]!);
          v[i] = v[i]! + 0.5 * ((0.04 * v[i]! + 5) * v[i]! + 140 - u[i]! + I[i]!);
          u[i] = u[i]! + state.a[i]! * (0.2 * v[i]! - u[i]!);
          I[i] = 0;
        }
        for (let i = 0; i < N; i++) {
          if (v[i]! < 30) continue;
          v[i] = -65;
          u[i] = u[i]! + state.d[i]!;
          if (nFired < polylenmax) {
            tFired[nFired] = t;
            group[nFired++] = i;
            for (let k = 0; k < M; k++) {
              if (s(i, k) > C_rel || i >= Ne) {
                timing = t + delayIndex(i, k) + 1;
                push(timing, post(i, k), i, delayIndex(i, k), s(i, k));
              }
            }
            if (tLast < timing + 1) {
              tLast = timing + 1;
              if (tLast > polylenmax - D - 1) tLast = polylenmax - D - 1;
            }
          }
        }
      }
      if (nFired > 2 * W) {
        const links: number[][] = [];
        const layer = [1, 1, 1];
        let lMax = 0;
        for (let i = W; i < nFired; i++) {
          layer[i] = 0;
          for (let p = tFired[i]!; p > tFired[i]! - latency && p >= 0; p--) {
            for (let j = 0; j < N_post[p]!; j++) {
              if (I_post[p]![j] === group[i] && J_post[p]![j]! < Ne) {
                for (let k = 0; k < i; k++) {
                  if (group[k] === J_post[p]![j] && layer[k]! + 1 > layer[i]!)
                    layer[i] = layer[k]! + 1;
                }
                links.push([J_post[p]![j]!, I_post[p]![j]!, D_post[p]![j]! + 1, layer[i]!]);
                lMax = Math.max(lMax, layer[i]!);
              }
            }
          }
        }
        let discard = false;
        for (let i = 0; i < W; i++) {
          const used = links.filter((l) => l[0] === group[i] && l[1]! < Ne).length;
          if (used === 1) discard = true;
        }
        if (!discard && lMax >= 7) {
          found.push({
            neuron: nnum,
            members: group.slice(0, nFired),
            times: tFired.slice(0, nFired),
            links,
            layers: lMax,
          });
        }
      }
      for (let dd = Dmax; dd < tLast; dd++) N_post[dd] = 0;
      if (tLast === polylenmax - D) for (let dd = tLast; dd < polylenmax; dd++) N_post[dd] = 0;
      let i = 1;
      let done = false;
      while (++npre[W - i]! > myPre.length - i) {
        if (++i > W) {
          done = true;
          break;
        }
      }
      if (done) break;
      while (i > 1) {
        npre[W - i + 1] = npre[W - i]! + 1;
        i--;
      }
    }
  }
  return found;
}

describe('findPolychronousGroups(state)', () => {
  it('finds the groups of the program, member for member and link for link', () => {
    const state = learnedNetwork(5);
    const expected = referenceSearch(state, 8);
    const result = findPolychronousGroups(state, { from: 0, to: 8 });
    expect(expected.length).toBeGreaterThan(3);
    expect(result.count).toBe(expected.length);
    const actual = result.groups.map((g) => ({
      neuron: g.neuron,
      members: Array.from(g.members),
      times: Array.from(g.times),
      links: Array.from(g.links.pre, (pre, k) => [
        pre,
        g.links.post[k]!,
        g.links.delay[k]!,
        g.links.layer[k]!,
      ]),
      layers: g.layers,
    }));
    expect(actual).toEqual(expected);
    for (const group of result.groups) {
      expect(group.layers).toBeGreaterThanOrEqual(7);
      expect(group.span).toBe(group.times[group.times.length - 1]);
    }
  }, 300000);

  it('finds no groups in a network that has not learned (no synapse above 0.95·smax)', () => {
    const result = findPolychronousGroups(buildPolychronNetwork({ seed: 2 }));
    expect(result.count).toBe(0);
    expect(result.groups).toEqual([]);
    expect(result.neurons).toBe(800);
  });

  it('reports progress per neuron and stops with CancelledError when cancelled', async () => {
    const state = learnedNetwork(5);
    const controller = new AbortController();
    const seen: number[] = [];
    const search = findPolychronousGroupsAsync(state, {
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 3) controller.abort();
      },
    });
    await expect(search).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toEqual([1, 2, 3]);
  });
});
