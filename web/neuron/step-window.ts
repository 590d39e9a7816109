/**
 * Finds the step window of a recorded input, for the firing-pattern label: the classifier's
 * criteria hold for an input that switches once to a constant level and stays there.
 */
import type { StepWindow, TraceColumns } from 'izhikit';

/**
 * The window [onset, end of run] when I(t) is constant throughout or changes exactly once and
 * then stays constant; `undefined` for pulses, ramps and other protocols.
 */
export function stepWindow(trace: TraceColumns): StepWindow | undefined {
  const { t, I } = trace;
  const n = I.length;
  if (n === 0) return undefined;
  const end = t[n - 1] as number;
  let change = -1;
  for (let k = 1; k < n; k++) {
    if (I[k] !== I[k - 1]) {
      if (change >= 0) return undefined;
      change = k;
    }
  }
  return { onset: change < 0 ? 0 : (t[change] as number), end };
}
