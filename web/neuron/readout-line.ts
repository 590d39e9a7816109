/**
 * The readout line over the neuron plot: spike count, first-spike latency (saying what it counts
 * from), mean rate, and the firing-pattern label for step inputs.
 */
import { PRESETS, classifyRun, detectMeaninglessRun, type SimulationResult } from 'izhikit';
import { formatNumber } from '../ui/dom.js';
import { readoutItem } from '../ui/readout-item.js';
import { spikeReadout } from './readout.js';
import type { NeuronState } from './state.js';
import { stepWindow } from './step-window.js';

/** The readout items of `run`, simulated from `state`. */
export function readoutItems(run: SimulationResult, state: NeuronState): HTMLElement[] {
  // A preset's own input has a known stimulus onset; an edited input gets it from I(t).
  const preset = PRESETS.find((p) => p.id === state.preset);
  const onset =
    preset !== undefined && preset.input === state.input ? preset.stimulus[0]?.start : undefined;
  const r = spikeReadout(run, onset);
  // Say what the latency counts from: a rebound burst (tc-burst) counts from t = 0, not from
  // the release of the inhibition, and "51 ms" alone read as the latter.
  const latency =
    r.latency === undefined
      ? '—'
      : r.latencyFrom === 0
        ? `${formatNumber(r.latency, 6)} ms (from t = 0)`
        : `${formatNumber(r.latency, 6)} ms (input onset ${formatNumber(r.latencyFrom, 6)} ms)`;
  return [
    readoutItem('spikes', String(r.count), 'count'),
    readoutItem('first-spike latency', latency, 'latency'),
    readoutItem('mean rate', `${formatNumber(r.rate, 4)} Hz`, 'rate'),
    patternItem(run),
  ];
}

/** The firing-pattern label, for step inputs (the classifier's assumption). */
function patternItem(run: SimulationResult): HTMLElement {
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
