/** `izhikit run --model 2007`: the flags of the 2007 form, its defaults, and the run itself. */
import type { Command } from 'commander';
import { ParameterError } from '../errors.js';
import {
  bookParameterRecord,
  BOOK_CORE_NAMES,
  BOOK_TERM_NAMES,
  BOOK_UNITS,
} from '../model/izhikevich-2007.js';
import {
  simulate2007,
  type BookSimulationOptions,
  type BookSimulationResult,
} from '../model/simulate-2007.js';
import type { BookPreset } from '../presets/cells-2007.js';
import {
  bookPresetOptions,
  getBookPreset,
  isBookPresetId,
  type BookProtocol,
} from '../presets/lookup-2007.js';
import { runToCsv, runToJson } from '../record/run-export.js';
import { formatNumber, parseChoice, parseNumber, writeChunks, writePlot } from './options.js';
import type { PlotFlags } from './options.js';
import { pickFlags, runControlOverrides, type RunControlFlags } from './neuron-options.js';
import { spikeSummaryLines, withCliAdvice } from './run-shared.js';

/** The forms of the model `--model` accepts. */
export const MODEL_FORMS = ['2003', '2007'] as const;

/** Flags of the 2007 form (those shared with the 2003 form: a, b, c, d, vpeak, v0, u0, grid). */
export interface BookFlags extends RunControlFlags {
  model?: (typeof MODEL_FORMS)[number];
  preset?: string;
  C?: number;
  k?: number;
  vr?: number;
  vt?: number;
  vpeak?: number;
  a?: number;
  b?: number;
  c?: number;
  d?: number;
  vpeakU?: number;
  cU?: number;
  uMax?: number;
  bHyper?: number;
  vHyper?: number;
  cubicVb?: number;
  format: string;
  out?: string;
  /** Flags of the 2003 form only. */
  k2?: number;
  k1?: number;
  k0?: number;
  vb?: number;
  kappa?: number;
}

/** The flags that only the 2007 form has, with their option names. */
const BOOK_ONLY = {
  C: '--C',
  k: '--k',
  vr: '--vr',
  vt: '--vt',
  vpeakU: '--vpeak-u',
  cU: '--c-u',
  uMax: '--u-max',
  bHyper: '--b-hyper',
  vHyper: '--v-hyper',
  cubicVb: '--cubic-vb',
} as const;

/** The flags that only the 2003 form has. */
const FORM_2003_ONLY = {
  k2: '--k2',
  k1: '--k1',
  k0: '--k0',
  vb: '--vb',
  kappa: '--kappa',
} as const;

/** What runs with --model 2007 and no --preset: the book's RS neuron at rest, on its code's grid. */
export const BOOK_RUN_DEFAULTS: BookProtocol = {
  params: getBookPreset('rs-2007').params,
  dt: 1,
  duration: 1000,
  input: '0',
};

/** Adds --model and the flags of the 2007 form. */
export function addBookOptions(command: Command): Command {
  const help = (name: keyof typeof BOOK_UNITS, what: string) =>
    `${what} (${BOOK_UNITS[name]}, --model 2007)`;
  return command
    .option(
      '--model <form>',
      'form of the model: 2003 (default) or 2007, the book form in pF, pA, mV',
      parseChoice(MODEL_FORMS),
    )
    .option('--C <pF>', help('C', 'membrane capacitance C'), parseNumber)
    .option('--k <nS/mV>', help('k', 'slope k of k·(v − vr)·(v − vt)'), parseNumber)
    .option('--vr <mV>', help('vr', 'resting potential vr'), parseNumber)
    .option('--vt <mV>', help('vt', 'threshold potential vt'), parseNumber)
    .option(
      '--vpeak-u <mV/pA>',
      help('vpeakU', 'cut-off slope: spike at vpeak + vpeakU·u'),
      parseNumber,
    )
    .option('--c-u <mV/pA>', help('cU', 'reset slope: v ← c + cU·u'), parseNumber)
    .option('--u-max <pA>', help('uMax', 'largest u after a reset'), parseNumber)
    .option('--b-hyper <nS>', help('bHyper', 'b at or below --v-hyper'), parseNumber)
    .option('--v-hyper <mV>', help('vHyper', 'where b switches to --b-hyper'), parseNumber)
    .option(
      '--cubic-vb <mV>',
      help('cubicVb', 'cubic u-nullcline b·(v − vb)³ above vb, 0 below'),
      parseNumber,
    );
}

/** Whether the flags ask for the 2007 form: --model 2007, or a preset of the book's types. */
export function isBookRun(flags: { model?: string; preset?: string }): boolean {
  if (flags.model === '2007') return true;
  const bookPreset = flags.preset !== undefined && isBookPresetId(flags.preset);
  if (bookPreset && flags.model === '2003') {
    throw new ParameterError(
      'model',
      `preset '${flags.preset}' is of the 2007 form: use --model 2007 or leave --model out`,
    );
  }
  return bookPreset;
}

/** A 2003 run given a flag of the 2007 form fails with a message naming it. */
export function rejectBookFlags(flags: object): void {
  rejectFlags(flags, BOOK_ONLY, 'the 2007 form: add --model 2007');
}

function rejectFlags(flags: object, names: Readonly<Record<string, string>>, which: string): void {
  for (const [key, option] of Object.entries(names)) {
    if ((flags as Record<string, unknown>)[key] !== undefined) {
      throw new ParameterError(key, `${option} is a parameter of ${which}`);
    }
  }
}

/** Merges a book preset (or the defaults) with the flags given. */
export function bookSimulationOptions(
  flags: BookFlags,
  preset: BookPreset | undefined,
): BookSimulationOptions {
  rejectFlags(flags, FORM_2003_ONLY, 'the 2003 form, not of --model 2007');
  const overrides: Partial<BookSimulationOptions> = {
    ...pickFlags(flags, BOOK_CORE_NAMES),
    ...pickFlags(flags, BOOK_TERM_NAMES),
    ...runControlOverrides(flags),
  };
  return bookPresetOptions(preset ?? BOOK_RUN_DEFAULTS, overrides);
}

/** A few lines for people: what ran, in the book's units, how many spikes, when. */
export function bookRunSummary(result: BookSimulationResult, preset?: BookPreset): string {
  const record = bookParameterRecord(result.params);
  const parameters = Object.entries(record)
    .map(
      ([name, value]) =>
        `${name}=${formatNumber(value)} ${BOOK_UNITS[name as keyof typeof BOOK_UNITS]}`,
    )
    .join('  ');
  return (
    [
      preset === undefined
        ? 'custom neuron, 2007 form'
        : `${preset.name} (${preset.id}), ${preset.source}`,
      parameters,
      `v0=${formatNumber(result.v0)} mV  u0=${formatNumber(result.u0)} pA  dt=${result.dt} ms  ` +
        `T=${result.duration} ms  I(t)=${result.input} pA` +
        (result.integrator === 'reference' ? '' : `  integrator=${result.integrator}`),
      ...spikeSummaryLines(result.spikes, result.duration),
    ].join('\n') + '\n'
  );
}

/** The action of `izhikit run` for the 2007 form. */
export async function runBookCommand(flags: BookFlags & PlotFlags): Promise<void> {
  const preset = flags.preset === undefined ? undefined : getBookPreset(flags.preset);
  const result = withCliAdvice(() => simulate2007(bookSimulationOptions(flags, preset)));
  // the renderers (and d3) load only when a figure is asked for
  await writePlot(flags, async () => {
    const [{ renderTraceFigure }, { bookFigureData }] = await Promise.all([
      import('../render/trace.js'),
      import('../render/trace-2007.js'),
    ]);
    return renderTraceFigure(bookFigureData(result, preset));
  });
  if (flags.format === 'json') {
    await writeChunks([JSON.stringify(runToJson(result, preset?.id)) + '\n'], flags.out);
  } else if (flags.format === 'csv') {
    await writeChunks(runToCsv(result), flags.out);
  } else {
    await writeChunks([bookRunSummary(result, preset)], flags.out);
  }
}
