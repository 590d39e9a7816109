/**
 * The search for polychronous groups of poly_spnet.cpp ([2006], its activity-triggered
 * definition), step for step: for each excitatory neuron, every 3 of its excitatory presynaptic
 * partners with s > 0.95·smax (the anchors) fire so that their spikes arrive together; the network
 * is simulated without noise from v = −70, u = 0.2·v, an excitatory neuron delivering only
 * through its synapses with s > 0.95·smax and an inhibitory one through all; the cascade's
 * firings and the links that caused them form a group when its longest path has at least 7
 * layers and no anchor drives exactly one excitatory link.
 *
 * Neurons that have received no input follow one trajectory per population from (−70, −14); the
 * search steps only the neurons that have, and gives the program's numbers bit for bit.
 */
import { CancelledError } from '../errors.js';
import type { GroupSearchOptions, GroupSearchResult, PolychronousGroup } from './group-types.js';
import type { PolychronState } from './network.js';

/** What the search reads of a network: its sizes, a and d, weights and synapses. */
export type GroupSearchNetwork = Pick<PolychronState, 'n' | 'a' | 'd' | 'weight'> & {
  readonly options: Pick<PolychronState['options'], 'ne' | 'maxDelay' | 'maxWeight'>;
  readonly synapses: Pick<PolychronState['synapses'], 'target' | 'groupStart'>;
  readonly incoming: PolychronState['incoming'];
};

/** Anchors per group: the program's W. */
const ANCHORS = 3;
/** Least number of layers of a group's longest path. */
const MIN_GROUP_PATH = 7;
/** The program's `latency`: how far back (ms) a firing looks for the spikes that caused it. */
const LATENCY_FACTOR = 1;

export type { GroupSearchOptions, GroupSearchResult, PolychronousGroup } from './group-types.js';

/**
 * findPolychronousGroups(state): every polychronous group of the network in its current weights;
 * a network with no strong synapses has none (count 0).
 */
export function findPolychronousGroups(
  state: PolychronState,
  options: GroupSearchOptions = {},
): GroupSearchResult {
  const search = searchNeurons(state, options);
  let step = search.next();
  while (step.done !== true) step = search.next();
  return step.value;
}

/** The same search, yielding to the event loop at least every 50 ms between neurons. */
export async function findPolychronousGroupsAsync(
  state: PolychronState,
  options: GroupSearchOptions = {},
): Promise<GroupSearchResult> {
  const search = searchNeurons(state, options);
  let lastYield = performance.now();
  let step = search.next();
  while (step.done !== true) {
    if (performance.now() - lastYield > 50) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      lastYield = performance.now();
    }
    step = search.next();
  }
  return step.value;
}

/** The search neuron by neuron: pauses after each one, returns the result at the end. */
function* searchNeurons(
  state: PolychronState,
  options: GroupSearchOptions,
): Generator<void, GroupSearchResult> {
  const search = new GroupSearch(state);
  const from = options.from ?? 0;
  const to = options.to ?? state.options.ne;
  const started = performance.now();
  const groups: PolychronousGroup[] = [];
  for (let neuron = from; neuron < to; neuron++) {
    if (options.signal?.aborted) throw new CancelledError('the group search was cancelled');
    search.searchFrom(neuron, groups);
    options.onProgress?.(neuron - from + 1, to - from, groups.length);
    yield;
  }
  return {
    count: groups.length,
    groups,
    neurons: to - from,
    elapsedMs: performance.now() - started,
  };
}

/** The program's buffers, kept across anchors and neurons as its global arrays are. */
export class GroupSearch {
  private readonly n: number;
  private readonly ne: number;
  private readonly maxDelay: number;
  private readonly strong: number;
  private readonly slots: number;
  /** Scheduled arrivals per millisecond slot: target, source, delay − 1, weight. */
  private readonly arrivals: Int32Array;
  private arrivalTarget: Int32Array;
  private arrivalSource: Int32Array;
  private arrivalDelay: Int32Array;
  private arrivalWeight: Float64Array;
  /** Arrivals a slot holds; the program's N, doubled when a cascade needs more. */
  private capacity: number;
  /** Trajectories of a neuron without input, per population, at the start of each step. */
  private readonly idleV: Float64Array[];
  private readonly idleU: Float64Array[];
  private readonly v: Float64Array;
  private readonly u: Float64Array;
  private readonly current: Float64Array;
  private readonly active: Uint8Array;
  private readonly activeList: Int32Array;
  private activeCount = 0;
  private readonly group: Int32Array;
  private readonly fired: Int32Array;
  private readonly layer: Int32Array;
  private readonly firedNow: Int32Array;
  private timing = 0;

  constructor(private readonly state: GroupSearchNetwork) {
    const { ne, maxDelay, maxWeight } = state.options;
    this.n = state.n;
    this.ne = ne;
    this.maxDelay = maxDelay;
    this.strong = 0.95 * maxWeight;
    this.slots = state.n;
    this.capacity = state.n;
    const size = this.slots * this.capacity;
    this.arrivals = new Int32Array(this.slots);
    this.arrivalTarget = new Int32Array(size);
    this.arrivalSource = new Int32Array(size);
    this.arrivalDelay = new Int32Array(size);
    this.arrivalWeight = new Float64Array(size);
    this.idleV = [];
    this.idleU = [];
    for (const a of [0.02, 0.1]) {
      const idleV = new Float64Array(this.slots + 1);
      const idleU = new Float64Array(this.slots + 1);
      let v = -70;
      let u = 0.2 * v;
      for (let t = 0; t <= this.slots; t++) {
        idleV[t] = v;
        idleU[t] = u;
        v += 0.5 * ((0.04 * v + 5) * v + 140 - u + 0);
        v += 0.5 * ((0.04 * v + 5) * v + 140 - u + 0);
        u += a * (0.2 * v - u);
        if (v >= 30) throw new Error('a neuron without input fired in the group search');
      }
      this.idleV.push(idleV);
      this.idleU.push(idleU);
    }
    this.v = new Float64Array(this.n);
    this.u = new Float64Array(this.n);
    this.current = new Float64Array(this.n);
    this.active = new Uint8Array(this.n);
    this.activeList = new Int32Array(this.n);
    this.group = new Int32Array(this.slots);
    this.fired = new Int32Array(this.slots);
    this.layer = new Int32Array(this.slots);
    this.firedNow = new Int32Array(this.n);
  }

  private schedule(
    slot: number,
    target: number,
    source: number,
    delayIndex: number,
    weight: number,
  ): void {
    const count = this.arrivals[slot] as number;
    if (count >= this.capacity) this.grow();
    const at = slot * this.capacity + count;
    this.arrivalTarget[at] = target;
    this.arrivalSource[at] = source;
    this.arrivalDelay[at] = delayIndex;
    this.arrivalWeight[at] = weight;
    this.arrivals[slot] = count + 1;
  }

  /** Doubles the room of every slot (the program's fixed arrays would overflow here). */
  private grow(): void {
    const old = this.capacity;
    const capacity = 2 * old;
    const move = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const next = make(this.slots * capacity);
      for (let slot = 0; slot < this.slots; slot++) {
        next.set(
          array.subarray(slot * old, slot * old + (this.arrivals[slot] as number)),
          slot * capacity,
        );
      }
      return next;
    };
    this.arrivalTarget = move(this.arrivalTarget, (n) => new Int32Array(n));
    this.arrivalSource = move(this.arrivalSource, (n) => new Int32Array(n));
    this.arrivalDelay = move(this.arrivalDelay, (n) => new Int32Array(n));
    this.arrivalWeight = move(this.arrivalWeight, (n) => new Float64Array(n));
    this.capacity = capacity;
  }

  /** Schedules neuron j's spike at t through its strong synapses (all, if inhibitory) of delay index ≥ minDelayIndex. */
  private scheduleSpike(j: number, t: number, minDelayIndex: number): void {
    const { target, groupStart } = this.state.synapses;
    const weight = this.state.weight;
    const inhibitory = j >= this.ne;
    for (let dd = minDelayIndex; dd < this.maxDelay; dd++) {
      const g = j * this.maxDelay + dd;
      for (let s = groupStart[g] as number; s < (groupStart[g + 1] as number); s++) {
        const w = weight[s] as number;
        if (w > this.strong || inhibitory) {
          this.timing = t + dd + 1;
          this.schedule(this.timing, target[s] as number, j, dd, w);
        }
      }
    }
  }

  private activate(i: number, t: number): void {
    const population = i < this.ne ? 0 : 1;
    this.v[i] = (this.idleV[population] as Float64Array)[t] as number;
    this.u[i] = (this.idleU[population] as Float64Array)[t] as number;
    this.current[i] = 0;
    this.active[i] = 1;
    this.activeList[this.activeCount++] = i;
  }

  searchFrom(neuron: number, groups: PolychronousGroup[]): void {
    const state = this.state;
    const { start, synapse, source, delay } = state.incoming;
    const anchorsOf: number[] = [];
    const anchorDelay: number[] = [];
    for (let k = start[neuron] as number; k < (start[neuron + 1] as number); k++) {
      if ((state.weight[synapse[k] as number] as number) > this.strong) {
        anchorsOf.push(source[k] as number);
        anchorDelay.push((delay[k] as number) - 1);
      }
    }
    const count = anchorsOf.length;
    if (count < ANCHORS) return;
    const npre = [0, 1, 2];
    for (;;) {
      this.tryAnchors(neuron, npre, anchorsOf, anchorDelay, groups);
      let i = 1;
      for (;;) {
        const next = (npre[ANCHORS - i] as number) + 1;
        npre[ANCHORS - i] = next;
        if (next <= count - i) break;
        if (++i > ANCHORS) return;
      }
      while (i > 1) {
        npre[ANCHORS - i + 1] = (npre[ANCHORS - i] as number) + 1;
        i--;
      }
    }
  }

  private tryAnchors(
    neuron: number,
    npre: number[],
    anchorsOf: number[],
    anchorDelay: number[],
    groups: PolychronousGroup[],
  ): void {
    const { maxDelay, slots, group, fired, layer, v, u, current, active, activeList, firedNow } =
      this;
    const a = this.state.a;
    const d = this.state.d;
    const latency = LATENCY_FACTOR * maxDelay;
    let dMax = 0;
    for (let i = 0; i < ANCHORS; i++)
      dMax = Math.max(dMax, anchorDelay[npre[i] as number] as number);
    for (let i = 0; i < ANCHORS; i++) {
      const k = npre[i] as number;
      group[i] = anchorsOf[k] as number;
      fired[i] = dMax - (anchorDelay[k] as number);
      layer[i] = 1;
      this.scheduleSpike(group[i] as number, fired[i] as number, anchorDelay[k] as number);
    }
    this.activeCount = 0;
    let firedCount = ANCHORS;
    let tLast = maxDelay + maxDelay + latency + 1;
    let t = -1;
    while (++t < tLast && firedCount < slots) {
      const base = t * this.capacity;
      const arrivals = this.arrivals[t] as number;
      for (let p = 0; p < arrivals; p++) {
        const target = this.arrivalTarget[base + p] as number;
        if (active[target] === 0) this.activate(target, t);
        current[target] = (current[target] as number) + (this.arrivalWeight[base + p] as number);
      }
      let firing = 0;
      for (let q = 0; q < this.activeCount; q++) {
        const i = activeList[q] as number;
        let vi = v[i] as number;
        const ui = u[i] as number;
        const ii = current[i] as number;
        vi += 0.5 * ((0.04 * vi + 5) * vi + 140 - ui + ii);
        vi += 0.5 * ((0.04 * vi + 5) * vi + 140 - ui + ii);
        v[i] = vi;
        u[i] = ui + (a[i] as number) * (0.2 * vi - ui);
        current[i] = 0;
        if (vi >= 30) firedNow[firing++] = i;
      }
      if (firing > 1) firedNow.subarray(0, firing).sort();
      for (let f = 0; f < firing; f++) {
        const i = firedNow[f] as number;
        v[i] = -65;
        u[i] = (u[i] as number) + (d[i] as number);
        if (firedCount < slots) {
          fired[firedCount] = t;
          group[firedCount++] = i;
          this.scheduleSpike(i, t, 0);
          if (tLast < this.timing + 1) {
            tLast = this.timing + 1;
            if (tLast > slots - maxDelay - 1) tLast = slots - maxDelay - 1;
          }
        }
      }
    }
    if (firedCount > 2 * ANCHORS) this.collectGroup(neuron, firedCount, latency, groups);
    for (let q = 0; q < this.activeCount; q++) active[activeList[q] as number] = 0;
    for (let slot = dMax; slot < tLast; slot++) this.arrivals[slot] = 0;
    if (tLast === slots - maxDelay)
      for (let slot = tLast; slot < slots; slot++) this.arrivals[slot] = 0;
  }

  private collectGroup(
    neuron: number,
    firedCount: number,
    latency: number,
    groups: PolychronousGroup[],
  ): void {
    const { ne, group, fired, layer } = this;
    const pre: number[] = [];
    const post: number[] = [];
    const delays: number[] = [];
    const layers: number[] = [];
    let longest = 0;
    for (let i = ANCHORS; i < firedCount; i++) {
      layer[i] = 0;
      const member = group[i] as number;
      for (let p = fired[i] as number; p > (fired[i] as number) - latency && p >= 0; p--) {
        const base = p * this.capacity;
        const arrivals = this.arrivals[p] as number;
        for (let j = 0; j < arrivals; j++) {
          const from = this.arrivalSource[base + j] as number;
          if (this.arrivalTarget[base + j] !== member || from >= ne) continue;
          for (let k = 0; k < i; k++) {
            if (group[k] === from && (layer[k] as number) + 1 > (layer[i] as number))
              layer[i] = (layer[k] as number) + 1;
          }
          pre.push(from);
          post.push(member);
          delays.push((this.arrivalDelay[base + j] as number) + 1);
          layers.push(layer[i] as number);
          if (longest < (layer[i] as number)) longest = layer[i] as number;
        }
      }
    }
    for (let i = 0; i < ANCHORS; i++) {
      let used = 0;
      for (let j = 0; j < pre.length; j++)
        if (pre[j] === group[i] && (post[j] as number) < ne) used++;
      if (used === 1) return;
    }
    if (longest < MIN_GROUP_PATH) return;
    groups.push({
      neuron,
      members: group.slice(0, firedCount),
      times: fired.slice(0, firedCount),
      links: {
        pre: Int32Array.from(pre),
        post: Int32Array.from(post),
        delay: Int32Array.from(delays),
        layer: Int32Array.from(layers),
      },
      layers: longest,
      span: fired[firedCount - 1] as number,
    });
  }
}
