/**
 * The f–I curve of a neuron of the 2007 form (input in pA), measured as for the 2003 form (see
 * fi-curve.ts) with the book's scheme: each point starts from rest at that input when there is
 * one, else from rest at 0, else at the reset c with u on the u-nullcline.
 */
import { DivergenceError } from '../errors.js';
import { BOOK_INTEGRATORS, recoveryDrive } from '../model/integrators-2007.js';
import {
  resolveBookParameters,
  type BookNeuronParameters,
  type BookParameters,
} from '../model/izhikevich-2007.js';
import { GrowableFloat64Array } from '../record/growable.js';
import { fiCurveOf, type FiCurve, type FiCurveOptions } from './fi-curve.js';
import type { FixedPoint } from './fixed-points.js';
import { findBookFixedPoints } from './phase-plane-2007.js';
import { startFromRest, type ConstantInputModel } from './rate-meter.js';

/** The resting state at input I: the stable fixed point of lowest v, if any. */
export function bookRestingState(neuron: BookNeuronParameters, I: number): FixedPoint | undefined {
  return findBookFixedPoints(neuron, I).find((point) => point.stable);
}

/**
 * Runs the book's scheme over `samples` grid times from (v0, u0) under the constant input I and
 * copies the spike times into `spikes` (at least `samples` long), using `scratch` as the
 * recording buffer. Returns the number of spikes, or −1 when v or u stopped being finite.
 */
export function runBookConstantInput(
  params: BookParameters,
  v0: number,
  u0: number,
  I: number,
  dt: number,
  samples: number,
  spikes: Float64Array,
  scratch: GrowableFloat64Array,
): number {
  scratch.clear();
  try {
    BOOK_INTEGRATORS.reference.run({
      params,
      v0,
      u0,
      dt,
      samples,
      substeps: 1,
      input: () => I,
      spikes: scratch,
      trace: undefined,
    });
  } catch (error) {
    if (error instanceof DivergenceError) return -1;
    throw error;
  }
  spikes.set(scratch.view());
  return scratch.length;
}

/** The 2007 form as a `ConstantInputModel`, run with the book's scheme. */
export function bookConstantInputModel(neuron: BookNeuronParameters): ConstantInputModel {
  const params = resolveBookParameters(neuron);
  const scratch = new GrowableFloat64Array(1024);
  return {
    start: (I) =>
      startFromRest(
        (input) => bookRestingState(params, input),
        I,
        () => ({ v: params.c, u: recoveryDrive(params, params.c) }),
      ),
    run: (v0, u0, I, dt, lastStep, spikes) =>
      runBookConstantInput(params, v0, u0, I, dt, lastStep + 1, spikes, scratch),
  };
}

/** The f–I curve of a neuron of the 2007 form, the rheobase in pA and the excitability class. */
export function bookFiCurve(neuron: BookNeuronParameters, options: FiCurveOptions): FiCurve {
  return fiCurveOf(bookConstantInputModel(neuron), options);
}
