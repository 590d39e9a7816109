/**
 * Names the firing pattern of a spike train recorded under a step input, from its inter-spike
 * intervals (ISIs) alone, with criteria that are the same for every neuron.
 *
 * **Assumption.** The input steps up at `onset` and stays constant until `end` (the end of the
 * window looked at); the neuron was at rest before. Only spikes with onset ≤ t ≤ end count. For
 * other protocols (pulses, ramps) the label describes the train but is not the papers' meaning.
 *
 * **Criteria** (thresholds in `DEFAULT_CLASSIFIER_THRESHOLDS`; ratios, so they hold at any time
 * scale):
 *
 * 1. No spike: **quiescent**.
 * 2. *Stopped firing*: the silence from the last spike to `end` is longer than `stopRatio` (2)
 *    times the longest ISI and the first-spike latency. A neuron that fires tonically is never
 *    silent that long, so the response was *phasic*.
 * 3. *Burst detection from the ISI distribution*: sort the ISIs (when the train stopped, the
 *    final silence joins them as one long interval) and find the largest ratio between two
 *    neighbours. If it is at least `splitRatio` (3), the ISIs have two scales, the split
 *    threshold θ is the geometric mean of the two neighbours, and spikes closer than θ form a
 *    group; a group of two or more spikes is a **burst** (Izhikevich counts doublets as bursts).
 *    Otherwise every ISI is of one scale and there are no bursts.
 * 4. Stopped: **phasic bursting** if there is a burst, **phasic spiking** if not.
 * 5. Still firing, no bursts: **spike-frequency adaptation** when the last ISI is at least
 *    `adaptationRatio` (3) times the first, otherwise **tonic spiking**.
 * 6. Still firing, with bursts:
 *    - every group is a burst (the last one excepted, which the window may cut short) and there
 *      are at least two bursts: **tonic bursting**;
 *    - one burst first, then single spikes: **mixed mode** when the pause after the burst is
 *      longer than the median of the later ISIs (the burst is followed by a recovery pause, then
 *      tonic spiking), **spike-frequency adaptation** when it is not (the intervals simply grow,
 *      a few fast spikes slowing down, as RS neurons do);
 *    - any other mixture of bursts and single spikes: **mixed mode**.
 *
 * Ambiguities, resolved as stated: a single spike late in the window counts as tonic spiking (too
 * slow to tell), a doublet followed by silence as phasic bursting.
 *
 * @module
 */
import { significant } from '../render/labels.js';
import { detectMeaninglessRun, type MeaninglessRun } from './meaningless.js';

// The parameter maps take the test of a meaningless train from here, beside the classifier.
export { isMeaninglessTrain } from './meaningless.js';

/** The firing patterns the classifier names, in code order (`FIRING_PATTERNS[code]`). */
export const FIRING_PATTERNS = [
  'quiescent',
  'tonic-spiking',
  'phasic-spiking',
  'tonic-bursting',
  'phasic-bursting',
  'mixed-mode',
  'spike-frequency-adaptation',
] as const;

export type FiringPattern = (typeof FIRING_PATTERNS)[number];

/** Names for people, as the papers write them. */
export const FIRING_PATTERN_LABELS: Readonly<Record<FiringPattern, string>> = {
  quiescent: 'quiescent',
  'tonic-spiking': 'tonic spiking',
  'phasic-spiking': 'phasic spiking',
  'tonic-bursting': 'tonic bursting',
  'phasic-bursting': 'phasic bursting',
  'mixed-mode': 'mixed mode',
  'spike-frequency-adaptation': 'spike-frequency adaptation',
};

/** The pattern with this code (its index in `FIRING_PATTERNS`). */
export function firingPatternOfCode(code: number): FiringPattern | undefined {
  return FIRING_PATTERNS[code];
}

/** The ratios the criteria use; see the module documentation. */
export interface ClassifierThresholds {
  /** Smallest ratio between neighbouring sorted ISIs that separates two time scales (bursts). */
  readonly splitRatio: number;
  /** Silence after the last spike, over the longest ISI (or latency), beyond which firing stopped. */
  readonly stopRatio: number;
  /** Last ISI over first ISI from which tonic spiking counts as adapting. */
  readonly adaptationRatio: number;
}

export const DEFAULT_CLASSIFIER_THRESHOLDS: ClassifierThresholds = {
  splitRatio: 3,
  stopRatio: 2,
  adaptationRatio: 3,
};

/** The window of the step input: it switches on at `onset` and lasts to `end` (ms). */
export interface StepWindow {
  readonly onset: number;
  readonly end: number;
}

/** The label and the quantities it was decided from. */
export interface PatternClassification {
  readonly pattern: FiringPattern;
  readonly label: string;
  /** Spikes in the window. */
  readonly spikeCount: number;
  /** Groups of spikes closer than the split threshold (single spikes are groups of one). */
  readonly groupCount: number;
  /** Groups of two or more spikes. */
  readonly burstCount: number;
  /** The split threshold θ (ms) between intra-burst and longer ISIs, when there are two scales. */
  readonly burstThreshold: number | undefined;
  /** True when the neuron fell silent before the end of the window. */
  readonly stopped: boolean;
  /** One sentence saying why, for people. */
  readonly reason: string;
}

/** The result of `classifyRun` for a run that spikes at (nearly) every step: no pattern. */
export interface MeaninglessClassification {
  readonly pattern: undefined;
  readonly label: 'numerically meaningless';
  readonly spikeCount: number;
  readonly meaningless: MeaninglessRun;
  readonly reason: string;
}

/** A pattern, or the finding that the run is numerically meaningless. */
export type RunClassification =
  (PatternClassification & { readonly meaningless?: undefined }) | MeaninglessClassification;

/**
 * `classifyPattern` for a run on a grid of step `window.dt`, first checking that the run means
 * something (see `detectMeaninglessRun`).
 */
export function classifyRun(
  spikes: ArrayLike<number>,
  window: StepWindow & { readonly dt: number },
  thresholds: ClassifierThresholds = DEFAULT_CLASSIFIER_THRESHOLDS,
): RunClassification {
  const meaningless = detectMeaninglessRun(spikes, window, window.dt);
  if (meaningless !== undefined) {
    return {
      pattern: undefined,
      label: 'numerically meaningless',
      spikeCount: meaningless.spikeCount,
      meaningless,
      reason: meaningless.message,
    };
  }
  return classifyPattern(spikes, window, thresholds);
}

interface Analysis {
  code: number;
  count: number;
  groups: number;
  bursts: number;
  threshold: number;
  stopped: boolean;
  latency: number;
  silence: number;
  rule: string;
}

let scratch = new Float64Array(256);

function sortedCopy(values: ArrayLike<number>, from: number, to: number): Float64Array {
  const length = to - from;
  if (scratch.length < length) scratch = new Float64Array(Math.max(length, scratch.length * 2));
  const view = scratch.subarray(0, length);
  for (let i = 0; i < length; i++) view[i] = values[from + i] as number;
  return view.sort();
}

/** The core shared by both entry points: fills `out` and returns the pattern code. */
function analyse(
  spikes: ArrayLike<number>,
  count: number,
  onset: number,
  end: number,
  thresholds: ClassifierThresholds,
  out: Analysis,
): number {
  let first = 0;
  while (first < count && (spikes[first] as number) < onset) first++;
  let last = first;
  while (last < count && (spikes[last] as number) <= end) last++;
  const n = last - first;
  out.count = n;
  out.groups = 0;
  out.bursts = 0;
  out.threshold = Number.NaN;
  out.stopped = false;
  out.latency = Number.NaN;
  out.silence = Number.NaN;
  if (n === 0) {
    out.rule = 'no spike';
    return (out.code = 0);
  }
  const firstSpike = spikes[first] as number;
  const lastSpike = spikes[last - 1] as number;
  out.latency = firstSpike - onset;
  out.silence = end - lastSpike;

  // Intervals: the ISIs, then (if the train stopped) the final silence.
  const isis = scratchIntervals(n);
  let longest = 0;
  for (let i = 1; i < n; i++) {
    const isi = (spikes[first + i] as number) - (spikes[first + i - 1] as number);
    isis[i - 1] = isi;
    if (isi > longest) longest = isi;
  }
  const stopped = out.silence > thresholds.stopRatio * Math.max(longest, out.latency);
  out.stopped = stopped;
  let intervals = n - 1;
  if (stopped) isis[intervals++] = out.silence;

  // The split threshold: the largest ratio between neighbouring sorted intervals.
  let threshold = Number.NaN;
  if (intervals >= 2) {
    const sorted = sortedCopy(isis, 0, intervals);
    let bestRatio = 0;
    for (let i = 1; i < intervals; i++) {
      const low = sorted[i - 1] as number;
      const ratio = low > 0 ? (sorted[i] as number) / low : Number.POSITIVE_INFINITY;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        threshold = Math.sqrt(low * (sorted[i] as number));
      }
    }
    if (!(bestRatio >= thresholds.splitRatio)) threshold = Number.NaN;
  }
  out.threshold = threshold;

  // Groups of spikes closer than the threshold.
  let groups = 1;
  let bursts = 0;
  let size = 1;
  let firstGroupSize = 0;
  let completeSingles = 0; // single-spike groups other than the last
  let laterBursts = 0; // bursts after the first group
  for (let i = 0; i < n - 1; i++) {
    if ((isis[i] as number) < threshold) {
      size++;
    } else {
      if (groups === 1) firstGroupSize = size;
      if (size >= 2) {
        bursts++;
        if (groups > 1) laterBursts++;
      } else completeSingles++;
      groups++;
      size = 1;
    }
  }
  if (groups === 1) firstGroupSize = size;
  if (size >= 2) {
    bursts++;
    if (groups > 1) laterBursts++;
  }
  out.groups = groups;
  out.bursts = bursts;

  if (stopped) {
    out.rule = bursts > 0 ? 'burst, then silence' : 'spikes, then silence';
    return (out.code = bursts > 0 ? 4 : 2);
  }
  if (bursts === 0) {
    if (n >= 3 && (isis[n - 2] as number) >= thresholds.adaptationRatio * (isis[0] as number)) {
      out.rule = 'single spikes, intervals growing';
      return (out.code = 6);
    }
    out.rule = 'single spikes, steady intervals';
    return (out.code = 1);
  }
  if (completeSingles === 0 && bursts >= 2) {
    out.rule = 'repeated bursts';
    return (out.code = 3);
  }
  if (firstGroupSize >= 2 && laterBursts === 0) {
    // One burst, then single spikes: a recovery pause after it (mixed mode) or steady slowing?
    const pauseIndex = firstGroupSize - 1;
    const later = n - 1 - (pauseIndex + 1);
    if (later === 0) {
      out.rule = 'a burst, then a single spike';
      return (out.code = 5);
    }
    const sortedLater = sortedCopy(isis, pauseIndex + 1, n - 1);
    const mid = later >> 1;
    const median =
      later % 2 === 1
        ? (sortedLater[mid] as number)
        : ((sortedLater[mid - 1] as number) + (sortedLater[mid] as number)) / 2;
    if ((isis[pauseIndex] as number) > median) {
      out.rule = 'a burst, a pause, then single spikes';
      return (out.code = 5);
    }
    out.rule = 'fast spikes, then intervals growing';
    return (out.code = 6);
  }
  out.rule = 'bursts and single spikes mixed';
  return (out.code = 5);
}

let intervalScratch = new Float64Array(256);

function scratchIntervals(n: number): Float64Array {
  if (intervalScratch.length < n) intervalScratch = new Float64Array(2 * n);
  return intervalScratch;
}

function newAnalysis(): Analysis {
  return {
    code: 0,
    count: 0,
    groups: 0,
    bursts: 0,
    threshold: Number.NaN,
    stopped: false,
    latency: Number.NaN,
    silence: Number.NaN,
    rule: '',
  };
}

const shared = newAnalysis();

/**
 * The pattern code (index in `FIRING_PATTERNS`) of the first `count` spike times in `spikes`
 * (ascending, ms) within the step window. The fast path for maps: allocates nothing.
 */
export function classifyPatternCode(
  spikes: ArrayLike<number>,
  count: number,
  onset: number,
  end: number,
  thresholds: ClassifierThresholds = DEFAULT_CLASSIFIER_THRESHOLDS,
): number {
  return analyse(spikes, count, onset, end, thresholds, shared);
}

function round(value: number): string {
  return String(significant(value, 3));
}

/**
 * Names the firing pattern of a spike train (ascending times, ms) under a step input that is on
 * from `window.onset` to `window.end`; see the module documentation for the criteria.
 */
export function classifyPattern(
  spikes: ArrayLike<number>,
  window: StepWindow,
  thresholds: ClassifierThresholds = DEFAULT_CLASSIFIER_THRESHOLDS,
): PatternClassification {
  const result = newAnalysis();
  analyse(spikes, spikes.length, window.onset, window.end, thresholds, result);
  const pattern = FIRING_PATTERNS[result.code] as FiringPattern;
  const n = result.count;
  let reason: string;
  if (n === 0) reason = 'no spike in the window';
  else if (n === 1) {
    reason = result.stopped
      ? `1 spike, then silent for the last ${round(result.silence)} ms`
      : '1 spike, late in the window: too few to tell, counted as tonic';
  } else {
    reason = `${n} spikes: ${result.rule}`;
    if (result.code >= 3 && result.code <= 5) {
      reason += ` (${result.bursts} burst${result.bursts === 1 ? '' : 's'} of spikes closer than ${round(result.threshold)} ms)`;
    }
    if (result.stopped) reason += `; silent for the last ${round(result.silence)} ms`;
  }
  return {
    pattern,
    label: FIRING_PATTERN_LABELS[pattern],
    spikeCount: n,
    groupCount: result.groups,
    burstCount: result.bursts,
    burstThreshold: Number.isNaN(result.threshold) ? undefined : result.threshold,
    stopped: result.stopped,
    reason,
  };
}
