/**
 * The 2007 form of the model ([2007], chapter 8): the same two variables in physical units, with
 * the terms some of the book's cell types add.
 *
 * ```text
 * C·dv/dt = k·(v − vr)·(v − vt) − u + I
 *   du/dt = a·(b·(v − vr) − u)
 * if v ≥ vpeak:  v ← c,  u ← u + d
 * ```
 *
 * | parameter | default | unit | meaning |
 * |---|---|---|---|
 * | C | (required) | pF | membrane capacitance |
 * | k | (required) | nS/mV | slope of the quadratic I–V curve: k·(v − vr)·(v − vt) |
 * | vr | (required) | mV | resting membrane potential |
 * | vt | (required) | mV | instantaneous threshold potential |
 * | vpeak | (required) | mV | spike cut-off: a spike when v reaches it |
 * | a | (required) | 1/ms | rate of the recovery current u |
 * | b | (required) | nS | how u follows v − vr (negative: amplifying, positive: resonant) |
 * | c | (required) | mV | after-spike reset value of v |
 * | d | (required) | pA | after-spike jump of u (net outward current of the spike) |
 * | vpeakU | 0 | mV/pA | the cut-off is vpeak + vpeakU·u (LTS: −0.1, TC: +0.1) |
 * | cU | 0 | mV/pA | the reset is c + cU·u (LTS: +0.04, TC: −0.1) |
 * | uMax | none | pA | u after a reset is at most uMax (LTS: 670) |
 * | bHyper, vHyper | none | nS, mV | b is bHyper where v ≤ vHyper (TC: 15 below −65, RTN: 10) |
 * | cubicVb | none | mV | FS: du/dt = a·(U(v) − u), U(v) = b·(v − vb)³ above vb, 0 below |
 * | v0 | vr | mV | initial membrane potential |
 * | u0 | 0 | pA | initial recovery current |
 *
 * Reference:
 * - [2007] E. M. Izhikevich, "Dynamical Systems in Neuroscience: The Geometry of Excitability and
 *   Bursting", MIT Press, 2007, chapter 8 ("Simple models"), section 8.2 and its figures.
 *
 * @module
 */
import { ParameterError } from '../errors.js';
import { requireFinite } from './izhikevich.js';

/** The nine numbers of the book's model. */
export interface BookCoreParameters {
  readonly C: number;
  readonly k: number;
  readonly vr: number;
  readonly vt: number;
  readonly vpeak: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

/** The cell-type terms of chapter 8; each absent (or 0 for the slopes) leaves the plain model. */
export interface BookSpecialTerms {
  /** Cut-off slope: a spike when v ≥ vpeak + vpeakU·u (mV/pA). */
  readonly vpeakU?: number;
  /** Reset slope: v ← c + cU·u, with u before its jump (mV/pA). */
  readonly cU?: number;
  /** Largest u after a reset (pA): u ← min(u + d, uMax). */
  readonly uMax?: number;
  /** b where v ≤ vHyper (nS); needs vHyper. */
  readonly bHyper?: number;
  /** The v at or below which b is bHyper (mV); needs bHyper. */
  readonly vHyper?: number;
  /** Cubic u-nullcline: du/dt = a·(U(v) − u), U(v) = b·(v − cubicVb)³ for v ≥ cubicVb, else 0. */
  readonly cubicVb?: number;
}

/** A neuron of the 2007 form as the user gives it. */
export type BookNeuronParameters = BookCoreParameters & BookSpecialTerms;

/** A checked neuron: slopes filled in, the optional terms kept only when given. */
export interface BookParameters extends BookCoreParameters {
  readonly vpeakU: number;
  readonly cU: number;
  readonly uMax?: number;
  readonly bHyper?: number;
  readonly vHyper?: number;
  readonly cubicVb?: number;
}

/** The core parameter names in the book's order. */
export const BOOK_CORE_NAMES = ['C', 'k', 'vr', 'vt', 'vpeak', 'a', 'b', 'c', 'd'] as const;

/** The optional cell-type terms. */
export const BOOK_TERM_NAMES = ['vpeakU', 'cU', 'uMax', 'bHyper', 'vHyper', 'cubicVb'] as const;

/** Unit of each parameter, for labels and help. */
export const BOOK_UNITS: Readonly<
  Record<(typeof BOOK_CORE_NAMES)[number] | (typeof BOOK_TERM_NAMES)[number], string>
> = {
  C: 'pF',
  k: 'nS/mV',
  vr: 'mV',
  vt: 'mV',
  vpeak: 'mV',
  a: '1/ms',
  b: 'nS',
  c: 'mV',
  d: 'pA',
  vpeakU: 'mV/pA',
  cU: 'mV/pA',
  uMax: 'pA',
  bHyper: 'nS',
  vHyper: 'mV',
  cubicVb: 'mV',
};

/**
 * Checks a neuron of the 2007 form and fills in the slopes: every value finite, C and k positive,
 * vpeak above the reset c, bHyper and vHyper given together.
 *
 * @throws ParameterError naming the first parameter at fault
 */
export function resolveBookParameters(given: BookNeuronParameters): BookParameters {
  const core = {} as Record<(typeof BOOK_CORE_NAMES)[number], number>;
  for (const name of BOOK_CORE_NAMES) core[name] = requireFinite(name, given[name]);
  if (!(core.C > 0)) {
    throw new ParameterError('C', `C must be a positive capacitance in pF, got ${core.C}`);
  }
  if (!(core.k > 0)) {
    throw new ParameterError('k', `k must be positive (nS/mV), got ${core.k}`);
  }
  if (!(core.vpeak > core.c)) {
    throw new ParameterError(
      'vpeak',
      `vpeak (${core.vpeak} mV) must be above the reset c (${core.c} mV), or every step would be a spike`,
    );
  }
  const optional: Record<string, number> = {};
  for (const name of ['uMax', 'bHyper', 'vHyper', 'cubicVb'] as const) {
    const value = given[name];
    if (value !== undefined) optional[name] = requireFinite(name, value);
  }
  if ((optional.bHyper === undefined) !== (optional.vHyper === undefined)) {
    const missing = optional.bHyper === undefined ? 'bHyper' : 'vHyper';
    throw new ParameterError(missing, 'bHyper and vHyper go together: give both or neither');
  }
  return {
    ...core,
    vpeakU: given.vpeakU === undefined ? 0 : requireFinite('vpeakU', given.vpeakU),
    cU: given.cU === undefined ? 0 : requireFinite('cU', given.cU),
    ...optional,
  };
}

/** The parameters of a checked neuron as a plain record (for JSON and labels). */
export function bookParameterRecord(params: BookParameters): Record<string, number> {
  const record: Record<string, number> = {};
  for (const name of BOOK_CORE_NAMES) record[name] = params[name];
  for (const name of BOOK_TERM_NAMES) {
    const value = params[name];
    if (value !== undefined && !((name === 'vpeakU' || name === 'cU') && value === 0)) {
      record[name] = value;
    }
  }
  return record;
}
