/**
 * The readout line over the neuron plot: spike count, first-spike latency (saying what it counts
 * from), mean rate, and the firing-pattern label for step inputs.
 */
import { classifyRun, detectMeaninglessRun } from 'izhikit';
import { formatNumber } from '../ui/dom.js';
import { readoutItem } from '../ui/readout-item.js';
import { spikeReadout } from './readout.js';
import { ALL_PRESETS } from './models.js';
import type { NeuronRun, NeuronState } from './state.js';
import { stepWindow } from './step-window.js';

/** A time in ms to the microsecond (1.70515 shows as 1.705). */
const ms = (time: number): string => String(Number(time.toFixed(3)));

/** The readout items of `run`, simulated from `state`. */
export function readoutItems(run: NeuronRun, state: NeuronState): HTMLElement[] {
  // A preset's input has a known stimulus onset, whichever neuron it drives (the same run reads
  // the same as a preset and as a custom neuron); another input gets its onset from I(t).
  const own = ALL_PRESETS.find((p) => p.id === state.preset && p.input === state.input);
  const preset = own ?? ALL_PRESETS.find((p) => p.input === state.input);
  const onset = preset?.stimulus[0]?.start;
  const r = spikeReadout(run, onset);
  // Say what the latency counts from: a rebound burst (tc-burst) counts from t = 0, not from
  // the release of the inhibition, and "51 ms" alone read as the latter.
  const latency =
    r.latency === undefined
      ? '—'
      : r.latencyFrom === 0
        ? `${ms(r.latency)} ms (from t = 0)`
        : `${ms(r.latency)} ms (input onset ${ms(r.latencyFrom)} ms)`;
  return [
    readoutItem('spikes', String(r.count), 'count'),
    readoutItem('first-spike latency', latency, 'latency'),
    readoutItem('mean rate', `${formatNumber(r.rate, 4)} Hz`, 'rate'),
    patternItem(run),
  ];
}

/** The firing-pattern label, for step inputs (the classifier's assumption). */
function patternItem(run: NeuronRun): HTMLElement {
  const grid = run.dt / run.substeps;
  // A spike at nearly every step says nothing about the neuron, whatever the input.
  const meaningless = detectMeaninglessRun(run.spikes, { onset: 0, end: run.duration }, grid);
  if (meaningless !== undefined) {
    return readoutItem('pattern', 'numerically meaningless', 'pattern', {
      title: meaningless.message,
    });
  }
  const window = run.trace === undefined ? undefined : stepWindow(run.trace);
  if (window === undefined) {
    return readoutItem('pattern', 'not a step input', 'pattern', {
      title: 'The pattern label is for an input that steps once to a constant level.',
      muted: true,
    });
  }
  const pattern = classifyRun(run.spikes, { ...window, dt: grid });
  return readoutItem('pattern', pattern.label, 'pattern', { title: pattern.reason });
}
