/** The messages between the dynamics view and its Web Workers (f–I curves and map rows). */
import type { FiCurve, FiCurveOptions } from 'izhikit';
import type { AnyMapSpec } from './map-model.js';
import type { DynamicsNeuron } from './state.js';

export type ToDynamicsWorker =
  | {
      readonly type: 'fi';
      readonly id: number;
      /** A neuron of either form (the 2007 form's has C, and its inputs are in pA). */
      readonly neuron: DynamicsNeuron;
      readonly options: FiCurveOptions;
    }
  | {
      readonly type: 'rows';
      readonly id: number;
      /** A map of either form (the 2007 form's base neuron has C). */
      readonly spec: AnyMapSpec;
      readonly rowStart: number;
      readonly rowEnd: number;
    };

/** Why a request failed; `parameter` names the field when the library said which one. */
export interface WorkerFailure {
  readonly type: 'failed';
  readonly id: number;
  readonly message: string;
  readonly parameter: string | undefined;
}

export type FromDynamicsWorker =
  | {
      readonly type: 'fi';
      readonly id: number;
      readonly curve: FiCurve;
      readonly elapsedMs: number;
    }
  | { readonly type: 'rows'; readonly id: number; readonly codes: Uint8Array }
  | WorkerFailure;
