/**
 * Where a failed run of the neuron view is reported: under the field at fault (where the user
 * can fix it), under the I(t) expression, or on the line above the plot; the plot is then marked
 * stale.
 */
import {
  DivergenceError,
  ExpressionError,
  IzhikitError,
  MemoryLimitError,
  ParameterError,
  TRACE_BYTES_PER_STEP,
  compileExpression,
  formatBytes,
} from 'izhikit';
import type { SliderField } from '../ui/slider-field.js';
import type { FieldKey } from './controls.js';
import type { ExpressionField } from './expression-field.js';

export interface ErrorDisplay {
  /** Whether a message is showing under a field or the expression. */
  readonly marked: boolean;
  /**
   * Shows `error` of a run of the I(t) `input`; `source` is the control just edited. Marks the
   * plot stale.
   */
  show(error: unknown, source: string, input: string): void;
  /**
   * Also marks field `key` with `text` (another field that is wrong on its own, beside the error
   * `show` reported).
   */
  markField(key: FieldKey, text: string): void;
  /** Whether the message under field `key` is showing. */
  isMarked(key: FieldKey): boolean;
  /** Clears every message and the stale mark. */
  clear(): void;
}

/** `fields()` gives the fields of the running form. */
export function createErrorDisplay(
  fields: () => ReadonlyMap<FieldKey, SliderField>,
  expression: ExpressionField,
  message: HTMLElement,
  setStale: (stale: boolean) => void,
): ErrorDisplay {
  // The marked fields themselves: the form may have switched (and its fields with it) since.
  const markedFields = new Set<SliderField | 'input'>();

  const fieldError = (key: FieldKey, text: string): void => {
    const field = fields().get(key);
    if (field !== undefined) markedFields.add(field);
    field?.setError(text);
    message.textContent = '';
  };

  return {
    get marked() {
      return markedFields.size > 0;
    },
    markField(key, text) {
      if (fields().has(key)) fieldError(key, text);
    },
    isMarked(key) {
      const field = fields().get(key);
      return field !== undefined && markedFields.has(field);
    },
    show(error, source, input) {
      if (error instanceof ExpressionError) {
        expression.setError({ message: error.message, position: error.position });
        markedFields.add('input');
        message.textContent = '';
      } else if (error instanceof ParameterError && fields().has(error.parameter as FieldKey)) {
        fieldError(error.parameter as FieldKey, error.message);
      } else if (error instanceof DivergenceError && !inputIsFinite(input, error.time)) {
        expression.setError({ message: error.message });
        markedFields.add('input');
        message.textContent = '';
      } else if (error instanceof DivergenceError) {
        // Under the value just changed (the user is looking there), else under dt, which it names.
        fieldError(fields().has(source as FieldKey) ? (source as FieldKey) : 'dt', error.message);
      } else if (error instanceof MemoryLimitError) {
        const steps = Math.round(error.requiredBytes / TRACE_BYTES_PER_STEP);
        fieldError(
          source === 'dt' ? 'dt' : 'duration',
          `duration/dt = ${steps} steps: the trace would need ${formatBytes(error.requiredBytes)}, ` +
            `more than the ${formatBytes(error.limitBytes)} the explorer draws; use a larger dt or a shorter duration`,
        );
      } else {
        message.textContent =
          error instanceof IzhikitError ? error.message : `unexpected error: ${String(error)}`;
      }
      setStale(true);
    },
    clear() {
      for (const marked of markedFields) {
        if (marked === 'input') expression.setError(undefined);
        else marked.setError(undefined);
      }
      markedFields.clear();
      message.textContent = '';
      setStale(false);
    },
  };
}

/** Whether I(t) is finite at `time`: a run that diverged with a finite input needs a smaller dt. */
function inputIsFinite(input: string, time: number): boolean {
  try {
    return Number.isFinite(compileExpression(input).evaluate(time));
  } catch {
    return true;
  }
}
