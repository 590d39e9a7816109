/**
 * The dynamics view's Web Worker: computes f–I curves and blocks of parameter-map rows (of either
 * form) with the library, off the main thread, and posts the results back (map codes as
 * transferred buffers).
 */
import {
  IzhikitError,
  ParameterError,
  bookFiCurve,
  computeBookMapRows,
  computeMapRows,
  fiCurve,
} from 'izhikit';
import { isBookSpec } from './map-model.js';
import type { FromDynamicsWorker, ToDynamicsWorker } from './protocol.js';

const post = (message: FromDynamicsWorker, transfer: Transferable[] = []): void =>
  (self as unknown as Worker).postMessage(message, transfer);

self.addEventListener('message', (event: MessageEvent<ToDynamicsWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'fi') {
      const start = performance.now();
      const neuron = message.neuron;
      const curve =
        'C' in neuron ? bookFiCurve(neuron, message.options) : fiCurve(neuron, message.options);
      post({ type: 'fi', id: message.id, curve, elapsedMs: performance.now() - start });
    } else {
      const { spec, rowStart, rowEnd } = message;
      const codes = isBookSpec(spec)
        ? computeBookMapRows(spec, rowStart, rowEnd)
        : computeMapRows(spec, rowStart, rowEnd);
      post({ type: 'rows', id: message.id, codes }, [codes.buffer]);
    }
  } catch (error) {
    post({
      type: 'failed',
      id: message.id,
      message: error instanceof IzhikitError ? error.message : `unexpected error: ${String(error)}`,
      parameter: error instanceof ParameterError ? error.parameter : undefined,
    });
  }
});
