/**
 * The Izhikevich model: its parameters, their defaults and their validation.
 *
 * ```text
 * dv/dt = k2·v² + k1·v + k0 − u + I(t)
 * du/dt = a·(b·(v − vb) − κ·u)
 * if v > vpeak:  v ← c,  u ← u + d
 * ```
 *
 * | parameter | default | unit | meaning |
 * |---|---|---|---|
 * | a | (required) | 1/ms | time scale of the recovery variable u: small a, slow recovery |
 * | b | (required) | — | sensitivity of u to the subthreshold fluctuations of v |
 * | c | (required) | mV | after-spike reset value of v |
 * | d | (required) | mV/ms | after-spike jump of u |
 * | k2 | 0.04 | 1/(mV·ms) | quadratic coefficient of dv/dt |
 * | k1 | 5 | 1/ms | linear coefficient of dv/dt |
 * | k0 | 140 | mV/ms | constant term of dv/dt |
 * | vb | 0 | mV | the v that u relaxes around: du/dt = a·(b·(v − vb) − κ·u) |
 * | κ (kappa) | 1 | — | weight of the leak −u in du/dt (0 for the accommodation protocol) |
 * | vpeak | 30 | mV | spike cut-off: a spike is recorded when v exceeds it |
 * | v0 | (required) | mV | initial membrane potential |
 * | u0 | b·v0 | mV/ms | initial recovery variable |
 *
 * The (0.04, 5, 140) polynomial was fitted so that v is in mV and t in ms. The defaults give the
 * model of [2003]; (k1, k0) = (4.1, 108) gives the class-1 and integrator protocols of [2004], and
 * (vb, κ) = (−65, 0) the accommodation protocol, whose u integrates a·b·(v + 65).
 *
 * References:
 * - [2003] E. M. Izhikevich, "Simple model of spiking neurons", IEEE Trans. Neural Networks
 *   14(6):1569–1572, 2003.
 * - [2004] E. M. Izhikevich, "Which model to use for cortical spiking neurons?", IEEE Trans.
 *   Neural Networks 15(5):1063–1070, 2004.
 *
 * @module
 */
import { ParameterError } from '../errors.js';

/** The ten numbers that define one Izhikevich neuron. */
export interface ModelParameters {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly k2: number;
  readonly k1: number;
  readonly k0: number;
  readonly vb: number;
  readonly kappa: number;
  readonly vpeak: number;
}

/** The values of the optional parameters when they are not given. */
export const DEFAULT_PARAMETERS = {
  k2: 0.04,
  k1: 5,
  k0: 140,
  vb: 0,
  kappa: 1,
  vpeak: 30,
} as const;

/** A neuron as the user gives it: a, b, c, d required, the others defaulted. */
export type NeuronParameters = Pick<ModelParameters, 'a' | 'b' | 'c' | 'd'> &
  Partial<Omit<ModelParameters, 'a' | 'b' | 'c' | 'd'>>;

/** The names of every parameter of `ModelParameters`, in display order. */
export const PARAMETER_NAMES = [
  'a',
  'b',
  'c',
  'd',
  'k2',
  'k1',
  'k0',
  'vb',
  'kappa',
  'vpeak',
] as const;

/** Throws a `ParameterError` unless `value` is a finite number. */
export function requireFinite(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const shown =
      typeof value === 'number'
        ? String(value)
        : value === undefined
          ? 'nothing'
          : JSON.stringify(value);
    throw new ParameterError(name, `${name} must be a finite number, got ${shown}`);
  }
  return value;
}

/** Fills in the defaults and checks that every parameter is a finite number. */
export function resolveParameters(given: NeuronParameters): ModelParameters {
  const merged = { ...DEFAULT_PARAMETERS, ...stripUndefined(given) } as Record<string, unknown>;
  const resolved = {} as Record<(typeof PARAMETER_NAMES)[number], number>;
  for (const name of PARAMETER_NAMES) resolved[name] = requireFinite(name, merged[name]);
  return resolved;
}

/**
 * Checks that `value` is a whole number from `least` to `most`.
 *
 * @throws ParameterError naming `name` when it is not
 */
export function requireWholeNumber(
  name: string,
  value: number,
  least: number,
  most: number,
): number {
  if (!Number.isInteger(value) || value < least || value > most) {
    throw new ParameterError(
      name,
      `${name} must be a whole number from ${least} to ${most}, got ${String(value)}`,
    );
  }
  return value;
}

/** The fields of `value` that are not undefined: what overrides may override. */
export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
