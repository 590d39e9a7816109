/**
 * One millisecond of the polychronization network as the published programs take it, in five
 * named phases, and the weight update that closes each second. Every loop follows spnet.m and
 * poly_spnet.cpp operation for operation, so that floating-point results are the programs' own.
 */
import {
  DEPRESSION_FACTOR,
  LTD_TABLE,
  NEVER_FIRED,
  THALAMIC_INPUT,
  TRACE_AT_SPIKE,
  TRACE_DECAY,
  type PolychronState,
} from './network.js';

/** Phase 1: I = 0, and one neuron drawn uniformly gets I = 20. */
export function thalamicInput(state: PolychronState): void {
  state.input.fill(0);
  state.input[Math.floor(state.n * state.random.uniform())] = THALAMIC_INPUT;
}

/**
 * Phases 2 and 3: every neuron with v ≥ 30 fires (in index order): v ← −65, u ← u + d, its trace
 * P(t) ← 0.1 (and its last spike time ← t, for `cpp`'s LTD), and each of its excitatory incoming synapses of delay δ
 * is potentiated by the presynaptic trace P(t − δ). Returns how many fired; their indices go to
 * the firing ring's slot of millisecond t.
 */
export function fireAndPotentiate(state: PolychronState, t: number): number {
  const { n, v, u, d, trace, traceOffset, lastSpike, weightChange, firedRing, firedCount } = state;
  const { start, synapse } = state.incoming;
  const maxDelay = state.options.maxDelay;
  const ring = maxDelay + 1;
  const traceBase = (t % ring) * n;
  const copyBase = traceBase + ring * n;
  const firedBase = (t % maxDelay) * n;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if ((v[i] as number) < 30) continue;
    v[i] = -65;
    u[i] = (u[i] as number) + (d[i] as number);
    trace[traceBase + i] = TRACE_AT_SPIKE;
    trace[copyBase + i] = TRACE_AT_SPIKE;
    lastSpike[i] = t;
    firedRing[firedBase + count] = i;
    count++;
  }
  // Potentiation reads the traces of earlier milliseconds only, so it may follow all the resets.
  for (let f = 0; f < count; f++) {
    const i = firedRing[firedBase + f] as number;
    const end = start[i + 1] as number;
    for (let k = start[i] as number; k < end; k++) {
      const s = synapse[k] as number;
      weightChange[s] =
        (weightChange[s] as number) + (trace[traceBase + (traceOffset[k] as number)] as number);
    }
  }
  firedCount[t % maxDelay] = count;
  return count;
}

/**
 * Phase 4: each spike fired at t_f > t − D delivers through its synapses of delay t − t_f + 1
 * (newest spikes first, within a millisecond the last-fired first, as the programs walk their
 * firing lists backwards): I(target) += s, and the synapse is depressed by the target's trace,
 * 1.2·P(t) in `matlab`, LTD in `cpp` (excitatory synapses only, as poly_spnet.cpp).
 */
export function deliverSpikes(state: PolychronState, t: number): void {
  const { n, input, weight, weightChange, shadowed, trace, lastSpike, firedRing, firedCount } =
    state;
  const { target, groupStart } = state.synapses;
  const { maxDelay, ne } = state.options;
  const traceBase = (t % (maxDelay + 1)) * n;
  const cpp = state.options.variant === 'cpp';
  const ltdLength = LTD_TABLE.length;
  const ltdFloor = LTD_TABLE[ltdLength - 1] as number;
  for (let age = 0; age < maxDelay && age <= t; age++) {
    const slot = (t - age) % maxDelay;
    const base = slot * n;
    for (let k = (firedCount[slot] as number) - 1; k >= 0; k--) {
      const j = firedRing[base + k] as number;
      const group = j * maxDelay + age;
      const end = groupStart[group + 1] as number;
      const first = groupStart[group] as number;
      if (cpp) {
        const excitatory = j < ne;
        for (let s = first; s < end; s++) {
          const i = target[s] as number;
          input[i] = (input[i] as number) + (weight[s] as number);
          if (excitatory) {
            const last = lastSpike[i] as number;
            const since = t - last;
            const ltd =
              since < ltdLength
                ? (LTD_TABLE[since] as number)
                : last === NEVER_FIRED
                  ? 0
                  : ltdFloor;
            weightChange[s] = (weightChange[s] as number) - ltd;
          }
        }
      } else {
        for (let s = first; s < end; s++) {
          const i = target[s] as number;
          if (shadowed[s] === 0) input[i] = (input[i] as number) + (weight[s] as number);
          weightChange[s] =
            (weightChange[s] as number) - DEPRESSION_FACTOR * (trace[traceBase + i] as number);
        }
      }
    }
  }
}

/** Phase 5: v ← v + 0.5·((0.04v + 5)v + 140 − u + I), twice; u ← u + a·(0.2v − u). */
export function updateNeurons(state: PolychronState): void {
  const { n, v, u, a, input } = state;
  for (let i = 0; i < n; i++) {
    const current = input[i] as number;
    const recovery = u[i] as number;
    let potential = v[i] as number;
    potential = potential + 0.5 * ((0.04 * potential + 5) * potential + 140 - recovery + current);
    potential = potential + 0.5 * ((0.04 * potential + 5) * potential + 140 - recovery + current);
    v[i] = potential;
    u[i] = recovery + (a[i] as number) * (0.2 * potential - recovery);
  }
}

/**
 * Phase 6: P(t + 1) = 0.95·P(t) for every neuron (written to both copies). poly_spnet.cpp's LTD
 * needs no pass: it is read from the time since the last spike.
 */
export function decayTraces(state: PolychronState, t: number): void {
  const { n, trace } = state;
  const ring = state.options.maxDelay + 1;
  const from = (t % ring) * n;
  const slot = (t + 1) % ring;
  const to = slot * n;
  const copy = (slot + ring) * n;
  for (let i = 0; i < n; i++) {
    const decayed = TRACE_DECAY * (trace[from + i] as number);
    trace[to + i] = decayed;
    trace[copy + i] = decayed;
  }
}

/**
 * One millisecond: the phases in order, in WebAssembly where the state has its kernels (the same
 * bits as the JavaScript loops above). Returns how many neurons fired.
 */
export function stepMillisecond(state: PolychronState): number {
  const t = state.time;
  thalamicInput(state);
  const kernels = state.kernels;
  let fired: number;
  if (kernels === null) {
    fired = fireAndPotentiate(state, t);
    deliverSpikes(state, t);
    updateNeurons(state);
    decayTraces(state, t);
  } else {
    fired = kernels.fireAndPotentiate(t);
    kernels.deliverSpikes(t);
    kernels.updateAndDecay(t);
  }
  state.time = t + 1;
  return fired;
}

/**
 * After each second, excitatory weights only: `matlab` s ← max(0, min(smax, 0.01 + s + sd)), then
 * sd ← 0.9·sd (every synapse); `cpp` sd ← 0.9·sd, then s ← s + (0.01 + sd) clipped to [0, smax].
 */
export function updateWeights(state: PolychronState): void {
  const { weight, weightChange } = state;
  const { ne, maxWeight } = state.options;
  const excitatoryEnd = state.synapses.groupStart[ne * state.options.maxDelay] as number;
  if (state.options.variant === 'cpp') {
    for (let s = 0; s < excitatoryEnd; s++) {
      const change = (weightChange[s] as number) * 0.9;
      weightChange[s] = change;
      let w = (weight[s] as number) + (0.01 + change);
      if (w > maxWeight) w = maxWeight;
      if (w < 0) w = 0;
      weight[s] = w;
    }
    return;
  }
  for (let s = 0; s < excitatoryEnd; s++) {
    const w = 0.01 + (weight[s] as number) + (weightChange[s] as number);
    weight[s] = Math.max(0, Math.min(maxWeight, w));
  }
  for (let s = 0; s < weightChange.length; s++) weightChange[s] = 0.9 * (weightChange[s] as number);
}
