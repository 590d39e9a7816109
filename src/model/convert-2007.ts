/**
 * Converting a neuron between the 2003 and the 2007 forms where the two describe the same
 * differential equations.
 *
 * 2003 → 2007: C = 1, k = k2, vr < vt the roots of k2·v² + k1·v + k0, a·κ and b/κ for a and b,
 * c, d and vpeak as they are. With u relaxing around vr instead of vb, the book's u is the 2003 u
 * shifted by b·(vr − vb) (b·vr for the default vb = 0), and so is the input:
 * u₂₀₀₇ = u − b·(vr − vb), I₂₀₀₇ = I − b·(vr − vb).
 *
 * 2007 → 2003: dividing by C, k2 = k/C, k1 = −k·(vr + vt)/C, k0 = k·vr·vt/C, b/C, d/C, κ = 1 and
 * u and I divided by C; shifted as above when another vb than vr is asked for.
 *
 * Not exact, and refused: a 2003 neuron whose quadratic has no real roots (k2 ≤ 0 or a negative
 * discriminant) or with κ ≤ 0 (the accommodation protocol: u does not decay); a 2007 neuron with
 * any of the book's cell-type terms (a u-dependent cut-off or reset, a cap on u, a v-dependent b,
 * a cubic u-nullcline), which the 2003 form cannot express. The conversion is of the equations:
 * the two reference schemes differ (the 2003 scheme updates u from the new v and tests v > vpeak,
 * the book's updates both from the old values and tests v ≥ vpeak), so spike times on a grid
 * differ slightly; with a fine rk4 the two forms agree.
 */
import { ParameterError } from '../errors.js';
import {
  resolveBookParameters,
  type BookCoreParameters,
  type BookNeuronParameters,
} from './izhikevich-2007.js';
import { resolveParameters, type ModelParameters, type NeuronParameters } from './izhikevich.js';

/** How the state and input carry over: x_target = scale·x + offset, for u and for I alike. */
export interface StateMap {
  readonly scale: number;
  readonly offset: number;
}

export interface ConvertedTo2007 {
  readonly params: BookCoreParameters;
  /** u and I of the 2007 form from those of the 2003 form. */
  readonly map: StateMap;
}

export interface ConvertedTo2003 {
  readonly params: ModelParameters;
  /** u and I of the 2003 form from those of the 2007 form. */
  readonly map: StateMap;
}

/**
 * The 2007 form of a 2003 neuron (see the module documentation).
 *
 * @throws ParameterError when the conversion is not exact (no real roots, κ ≤ 0)
 */
export function to2007(neuron: NeuronParameters): ConvertedTo2007 {
  const p = resolveParameters(neuron);
  if (!(p.kappa > 0)) {
    throw new ParameterError(
      'kappa',
      `κ = ${p.kappa}: the 2007 form has a decaying u (κ > 0), so this neuron has no exact 2007 form`,
    );
  }
  const discriminant = p.k1 * p.k1 - 4 * p.k2 * p.k0;
  if (!(p.k2 > 0) || discriminant < 0) {
    throw new ParameterError(
      'k2',
      `k2·v² + k1·v + k0 has no two real roots (k2 = ${p.k2}, k1 = ${p.k1}, k0 = ${p.k0}), so this neuron has no exact 2007 form`,
    );
  }
  // The numerically stable pair of roots (no cancellation between k1 and the square root).
  const q = -0.5 * (p.k1 + Math.sign(p.k1 || 1) * Math.sqrt(discriminant));
  const [vr, vt] = [q / p.k2, p.k0 / q].sort((x, y) => x - y) as [number, number];
  const a = p.a * p.kappa;
  const b = p.b / p.kappa;
  const shift = -b * (vr - p.vb);
  return {
    params: { C: 1, k: p.k2, vr, vt, vpeak: p.vpeak, a, b, c: p.c, d: p.d },
    map: { scale: 1, offset: shift },
  };
}

/** The book's cell-type terms, which the 2003 form cannot express. */
const TERMS = ['vpeakU', 'cU', 'uMax', 'bHyper', 'vHyper', 'cubicVb'] as const;

/**
 * The 2003 form of a 2007 neuron, with u relaxing around `vb` (vr when not given; 0 gives the
 * 2003 default).
 *
 * @throws ParameterError when the neuron has a cell-type term of the book
 */
export function to2003(neuron: BookNeuronParameters, vb?: number): ConvertedTo2003 {
  const p = resolveBookParameters(neuron);
  for (const term of TERMS) {
    const value = p[term];
    if (value !== undefined && value !== 0) {
      throw new ParameterError(
        term,
        `${term} is a cell-type term of the 2007 form that the 2003 form cannot express`,
      );
    }
  }
  const centre = vb ?? p.vr;
  const b = p.b / p.C;
  const shift = -b * (centre - p.vr);
  const params = resolveParameters({
    a: p.a,
    b,
    c: p.c,
    d: p.d / p.C,
    k2: p.k / p.C,
    k1: (-p.k * (p.vr + p.vt)) / p.C,
    k0: (p.k * p.vr * p.vt) / p.C,
    vb: centre,
    kappa: 1,
    vpeak: p.vpeak,
  });
  return { params, map: { scale: 1 / p.C, offset: shift } };
}
