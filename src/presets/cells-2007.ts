/**
 * The cortical and thalamic cell types of [2007] chapter 8 as presets of the 2007 form, each with
 * its figure, the source of its values and the step protocol it runs.
 *
 * Values: the book's figures and their MATLAB code (RS, Fig. 8.12, is the code printed in the
 * book) and the implementation of these cells in ModelDB accession 39948 (Izhi2007b.mod and
 * izhi.py, which give C in units of 100 pF; here in pF as in the book). The special terms (LTS's
 * u-dependent cut-off and reset, FS's cubic u-nullcline, TC's and RTN's v-dependent b) are
 * spelled as in that implementation. The late-spiking (LS) cell of the chapter has a second,
 * dendritic compartment and is not among them.
 */
import type { FiringPattern } from '../dynamics/classify.js';
import type { BookNeuronParameters } from '../model/izhikevich-2007.js';
import type { StimulusWindow } from './presets.js';

export interface BookPreset {
  readonly id: string;
  readonly name: string;
  readonly group: 'cells-2007';
  /** Figure of [2007] and where the values come from. */
  readonly source: string;
  /** What a student should see. */
  readonly description: string;
  readonly params: BookNeuronParameters;
  /** Initial v (mV); vr when absent. */
  readonly v0?: number;
  /** Initial u (pA); 0 when absent. */
  readonly u0?: number;
  readonly dt: number;
  readonly duration: number;
  /** I(t) in pA, in the expression language. */
  readonly input: string;
  readonly stimulus: readonly StimulusWindow[];
  /** The classifier's name for the pattern the book shows, checked by the tests. */
  readonly pattern: FiringPattern;
  /** Why the classifier's name differs from the book's, where it does. */
  readonly patternNote?: string;
}

const MODELDB = 'values as in ModelDB 39948 (Izhi2007b.mod)';
const STEP = [{ start: 100, end: 600 }];

/** The book's RS neuron, the one whose MATLAB code chapter 8 prints. */
export const BOOK_RS: BookNeuronParameters = {
  C: 100,
  k: 0.7,
  vr: -60,
  vt: -40,
  vpeak: 35,
  a: 0.03,
  b: -2,
  c: -50,
  d: 100,
};

const TC: BookNeuronParameters = {
  C: 200,
  k: 1.6,
  vr: -60,
  vt: -50,
  vpeak: 35,
  a: 0.01,
  b: 0,
  c: -60,
  d: 10,
  vpeakU: 0.1,
  cU: -0.1,
  bHyper: 15,
  vHyper: -65,
};

const RTN: BookNeuronParameters = {
  C: 40,
  k: 0.25,
  vr: -65,
  vt: -45,
  vpeak: 0,
  a: 0.015,
  b: 2,
  c: -55,
  d: 50,
  bHyper: 10,
  vHyper: -65,
};

/**
 * The current that holds a neuron at v (mV) with u at its steady state there: the resting state a
 * hyperpolarizing holding current gives before it is released.
 */
function holdingCurrent(p: BookNeuronParameters, v: number, u: number): number {
  return -(p.k * (v - p.vr) * (v - p.vt)) + u;
}

/** TC and RTN held at −80 mV, where b is bHyper: u = bHyper·(−80 − vr). */
const TC_HELD_U = 15 * (-80 - TC.vr);
const RTN_HELD_U = 10 * (-80 - RTN.vr);

export const CELLS_2007: readonly BookPreset[] = [
  {
    id: 'rs-2007',
    name: 'regular spiking (RS), layer 5 pyramidal',
    group: 'cells-2007',
    source: "[2007] Fig. 8.12 and the chapter's MATLAB code",
    description:
      'The RS neuron of the book on its own code: 70 pA from t = 100 ms, spikes at 203, 350, 499, 649, 796 and 943 ms.',
    params: BOOK_RS,
    dt: 1,
    duration: 1000,
    input: '70*(t>=100)',
    stimulus: [{ start: 100, end: 1000 }],
    pattern: 'tonic-spiking',
  },
  {
    id: 'ib-2007',
    name: 'intrinsically bursting (IB), layer 5',
    group: 'cells-2007',
    source: `[2007] Fig. 8.19; ${MODELDB}`,
    description:
      'A high threshold and a large d: a fast doublet at the onset of the step, then single spikes that slow down.',
    params: { C: 150, k: 1.2, vr: -75, vt: -45, vpeak: 50, a: 0.01, b: 5, c: -56, d: 130 },
    dt: 0.25,
    duration: 600,
    input: '550*(t>=100)',
    stimulus: STEP,
    pattern: 'spike-frequency-adaptation',
    patternNote:
      "the onset burst is a doublet whose intervals (14 and 29 ms) are within the classifier's split ratio of 3, so it is named by the slowing single spikes that follow",
  },
  {
    id: 'ch-2007',
    name: 'chattering (CH), cat visual cortex',
    group: 'cells-2007',
    source: `[2007] Fig. 8.23; ${MODELDB}`,
    description: 'A high reset c = −40 mV: repetitive bursts of closely spaced spikes.',
    params: { C: 50, k: 1.5, vr: -60, vt: -40, vpeak: 25, a: 0.03, b: 1, c: -40, d: 150 },
    dt: 0.25,
    duration: 600,
    input: '400*(t>=100)',
    stimulus: STEP,
    pattern: 'tonic-bursting',
  },
  {
    id: 'lts-2007',
    name: 'low-threshold spiking (LTS) interneuron',
    group: 'cells-2007',
    source: `[2007] Fig. 8.25; ${MODELDB}: cut-off 40 − 0.1u, reset −53 + 0.04u, u at most 670 pA`,
    description:
      'Rat barrel cortex. Spike height and reset follow u: as u builds up the spikes get shorter and the reset higher.',
    params: {
      C: 100,
      k: 1,
      vr: -56,
      vt: -42,
      vpeak: 40,
      a: 0.03,
      b: 8,
      c: -53,
      d: 20,
      vpeakU: -0.1,
      cU: 0.04,
      uMax: 670,
    },
    dt: 0.25,
    duration: 600,
    input: '200*(t>=100)',
    stimulus: STEP,
    pattern: 'tonic-spiking',
  },
  {
    id: 'fs-2007',
    name: 'fast spiking (FS) interneuron',
    group: 'cells-2007',
    source: `[2007] Fig. 8.27; ${MODELDB}: u-nullcline 0 below vb = −55 mV, 0.025·(v − vb)³ above`,
    description:
      'Rat visual cortex, layer 5. A cubic u-nullcline: u stays at 0 below −55 mV, so the cell fires fast, regular spikes without adaptation.',
    params: {
      C: 20,
      k: 1,
      vr: -55,
      vt: -40,
      vpeak: 25,
      a: 0.2,
      b: 0.025,
      c: -45,
      d: 0,
      cubicVb: -55,
    },
    dt: 0.25,
    duration: 600,
    input: '100*(t>=100)',
    stimulus: STEP,
    pattern: 'tonic-spiking',
  },
  {
    id: 'tc-2007',
    name: 'thalamocortical (TC), tonic mode',
    group: 'cells-2007',
    source: `[2007] Fig. 8.31; ${MODELDB}: b = 15 nS below −65 mV, 0 above; cut-off 35 + 0.1u, reset −60 − 0.1u`,
    description: 'Cat dorsal LGN. At rest (−60 mV) a depolarizing step gives tonic single spikes.',
    params: TC,
    dt: 0.25,
    duration: 600,
    input: '100*(t>=100)',
    stimulus: STEP,
    pattern: 'tonic-spiking',
  },
  {
    id: 'tc-burst-2007',
    name: 'thalamocortical (TC), burst mode',
    group: 'cells-2007',
    source: `[2007] Fig. 8.31; ${MODELDB}`,
    description:
      'Held at −80 mV (u = −300 pA) and released at t = 100 ms: a rebound burst, then silence at rest.',
    params: TC,
    v0: -80,
    u0: TC_HELD_U,
    dt: 0.25,
    duration: 600,
    input: `(t<100) ? ${holdingCurrent(TC, -80, TC_HELD_U)} : 0`,
    stimulus: [{ start: 0, end: 100 }],
    pattern: 'phasic-bursting',
  },
  {
    id: 'rtn-2007',
    name: 'reticular thalamic (RTN), tonic mode',
    group: 'cells-2007',
    source: `[2007] Fig. 8.32; ${MODELDB}: b = 10 nS at or below −65 mV, 2 above`,
    description:
      'Rat reticular thalamic nucleus. At rest (−65 mV) a depolarizing step gives slow tonic spikes.',
    params: RTN,
    dt: 0.25,
    duration: 600,
    input: '60*(t>=100)',
    stimulus: STEP,
    pattern: 'tonic-spiking',
  },
  {
    id: 'rtn-burst-2007',
    name: 'reticular thalamic (RTN), burst mode',
    group: 'cells-2007',
    source: `[2007] Fig. 8.32; ${MODELDB}`,
    description:
      'Held at −80 mV (u = −150 pA) and released at t = 100 ms: a rebound burst, then rest.',
    params: RTN,
    v0: -80,
    u0: RTN_HELD_U,
    dt: 0.25,
    duration: 600,
    input: `(t<100) ? ${holdingCurrent(RTN, -80, RTN_HELD_U)} : 0`,
    stimulus: [{ start: 0, end: 100 }],
    pattern: 'phasic-bursting',
  },
];
