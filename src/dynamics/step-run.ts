/**
 * A lean run of the reference scheme under a constant input that records spike times only, for
 * the analyses that run a neuron thousands of times (f–I curves, parameter maps).
 */
import type { ModelParameters } from '../model/izhikevich.js';

/**
 * Runs steps k = 0 … lastStep of the reference scheme (the same arithmetic as `simulate`) from
 * (v0, u0) with the constant input I and writes the spike times k·dt into `spikes`, which must
 * hold lastStep + 1 values. Returns the number of spikes, or −1 if v or u stopped being finite.
 * Allocates nothing.
 */
export function runConstantInput(
  params: ModelParameters,
  v0: number,
  u0: number,
  I: number,
  dt: number,
  lastStep: number,
  spikes: Float64Array,
): number {
  const { a, b, c, d, k2, k1, k0, vb, kappa, vpeak } = params;
  let v = v0;
  let u = u0;
  let count = 0;
  for (let k = 0; k <= lastStep; k++) {
    v = v + dt * (k2 * (v * v) + k1 * v + k0 - u + I);
    u = u + dt * a * (b * (v - vb) - kappa * u);
    if (!(Number.isFinite(v) && Number.isFinite(u))) return -1;
    if (v > vpeak) {
      spikes[count++] = k * dt;
      v = c;
      u = u + d;
    }
  }
  return count;
}
