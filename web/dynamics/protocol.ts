/** The messages between the dynamics view and its Web Workers (f–I curves and map rows). */
import type { FiCurve, FiCurveOptions, NeuronParameters, ResolvedMapSpec } from 'izhikit';

export type ToDynamicsWorker =
  | {
      readonly type: 'fi';
      readonly id: number;
      readonly neuron: NeuronParameters;
      readonly options: FiCurveOptions;
    }
  | {
      readonly type: 'rows';
      readonly id: number;
      readonly spec: ResolvedMapSpec;
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
