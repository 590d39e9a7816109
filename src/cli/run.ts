/** `izhikit run`: simulates one neuron, from a preset or from flags, and prints or saves the result. */
import type { Command } from 'commander';
import { INTEGRATOR_NAMES, type IntegratorName } from '../model/integrators.js';
import { PARAMETER_NAMES } from '../model/izhikevich.js';
import { simulate, type SimulationOptions, type SimulationResult } from '../model/simulate.js';
import { getPreset, presetOptions } from '../presets/lookup.js';
import type { Preset } from '../presets/presets.js';
import { writeFigure } from '../render/save.js';
import { renderTraceFigure, runFigureData } from '../render/trace.js';
import {
  chunkRows,
  formatNumber,
  parseChoice,
  parseNumber,
  parseWholeNumber,
  writeChunks,
} from './options.js';

type Format = 'summary' | 'json' | 'csv';

interface RunFlags {
  preset?: string;
  a?: number;
  b?: number;
  c?: number;
  d?: number;
  k2?: number;
  k1?: number;
  k0?: number;
  vb?: number;
  kappa?: number;
  vpeak?: number;
  v0?: number;
  u0?: number;
  dt?: number;
  duration?: number;
  input?: string;
  integrator?: IntegratorName;
  substeps?: number;
  spikesOnly?: boolean;
  maxMemory?: number;
  format: Format;
  out?: string;
  plot?: string;
  plotScale: number;
}

/** What `run` simulates without a preset: a regular-spiking neuron at rest, no input. */
export const RUN_DEFAULTS = {
  a: 0.02,
  b: 0.2,
  c: -65,
  d: 8,
  v0: -65,
  dt: 0.25,
  duration: 200,
  input: '0',
} as const;

const PARAMETER_HELP: Record<(typeof PARAMETER_NAMES)[number], string> = {
  a: 'recovery time scale a (1/ms)',
  b: 'recovery sensitivity b',
  c: 'reset potential c (mV)',
  d: 'reset jump of u, d',
  k2: 'quadratic coefficient k2 (default 0.04)',
  k1: 'linear coefficient k1 (default 5)',
  k0: 'constant term k0 (default 140)',
  vb: 'the v that u relaxes around, vb (default 0)',
  kappa: 'leak weight κ of u (default 1)',
  vpeak: 'spike cut-off vpeak (mV, default 30)',
};

export function registerRun(program: Command): Command {
  const command = program
    .command('run')
    .description('simulate one neuron from a preset or from parameters')
    .option(
      '--preset <id>',
      'start from a preset (see `izhikit presets`); flags override its values',
    );
  for (const name of PARAMETER_NAMES) {
    command.option(`--${name} <number>`, PARAMETER_HELP[name], parseNumber);
  }
  command
    .option('--v0 <mV>', 'initial membrane potential', parseNumber)
    .option('--u0 <number>', 'initial recovery variable (default b·v0)', parseNumber)
    .option('--dt <ms>', 'time step', parseNumber)
    .option('--duration <ms>', 'duration T', parseNumber)
    .option('--input <expr>', "input current I(t), e.g. '10*(t>20)'")
    .option(
      '--integrator <name>',
      `integrator: ${INTEGRATOR_NAMES.join(', ')} (default reference)`,
      parseChoice(INTEGRATOR_NAMES),
    )
    .option('--substeps <n>', 'sub-steps per dt for euler and rk4', parseWholeNumber)
    .option('--spikes-only', 'record spike times only, no trace')
    .option('--max-memory <MB>', 'largest trace allowed, in MB (default 1000)', parseNumber)
    .option(
      '--format <format>',
      'summary, json or csv',
      parseChoice(['summary', 'json', 'csv'] as const),
      'summary',
    )
    .option('--out <file>', 'write the output to a file instead of standard output')
    .option('--plot <file>', 'also draw v(t) with I(t) underneath to FILE.svg or FILE.png')
    .option('--plot-scale <n>', 'pixels per SVG unit for a PNG plot', parseNumber, 2)
    .addHelpText(
      'after',
      `\nWithout --preset: a=${RUN_DEFAULTS.a} b=${RUN_DEFAULTS.b} c=${RUN_DEFAULTS.c} d=${RUN_DEFAULTS.d} v0=${RUN_DEFAULTS.v0} dt=${RUN_DEFAULTS.dt} duration=${RUN_DEFAULTS.duration} input=${RUN_DEFAULTS.input}.`,
    )
    .action(async (flags: RunFlags) => {
      const preset = flags.preset === undefined ? undefined : getPreset(flags.preset);
      const result = simulate(runOptions(flags, preset));
      if (flags.plot !== undefined) {
        const svg = renderTraceFigure(runFigureData(result, preset));
        await writeFigure(flags.plot, svg, { scale: flags.plotScale });
      }
      await writeRun(result, preset, flags.format, flags.out);
    });
  return command;
}

/** Merges a preset (or the defaults) with the flags given. */
export function runOptions(flags: RunFlags, preset: Preset | undefined): SimulationOptions {
  const overrides: Partial<SimulationOptions> = {
    a: flags.a,
    b: flags.b,
    c: flags.c,
    d: flags.d,
    k2: flags.k2,
    k1: flags.k1,
    k0: flags.k0,
    vb: flags.vb,
    kappa: flags.kappa,
    vpeak: flags.vpeak,
    v0: flags.v0,
    u0: flags.u0,
    dt: flags.dt,
    duration: flags.duration,
    input: flags.input,
    integrator: flags.integrator,
    substeps: flags.substeps,
    spikesOnly: flags.spikesOnly,
    maxTraceBytes: flags.maxMemory === undefined ? undefined : flags.maxMemory * 1e6,
  };
  if (preset !== undefined) return presetOptions(preset, overrides);
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...RUN_DEFAULTS, ...defined } as SimulationOptions;
}

/** The JSON document of a run, as `--format json` prints it. */
export function runToJson(result: SimulationResult, preset?: Preset): object {
  return {
    ...(preset === undefined ? {} : { preset: preset.id }),
    params: { ...result.params, v0: result.v0, u0: result.u0 },
    integrator: result.integrator,
    input: result.input,
    dt: result.dt,
    duration: result.duration,
    spikes: Array.from(result.spikes),
    ...(result.trace === undefined
      ? {}
      : {
          trace: {
            t: Array.from(result.trace.t),
            v: Array.from(result.trace.v),
            u: Array.from(result.trace.u),
            I: Array.from(result.trace.I),
          },
        }),
  };
}

/** How many spike times the summary lists. */
const SUMMARY_SPIKES = 30;

/** A few lines for people: what ran, how many spikes, when. */
export function runSummary(result: SimulationResult, preset?: Preset): string {
  const p = result.params;
  const n = result.spikes.length;
  const rate = (n / result.duration) * 1000;
  const lines = [
    preset === undefined ? 'custom neuron' : `${preset.name} (${preset.id}), ${preset.source}`,
    `a=${p.a} b=${p.b} c=${p.c} d=${p.d} v0=${result.v0} u0=${formatNumber(result.u0)}  ` +
      `dt=${result.dt} ms  T=${result.duration} ms  I(t)=${result.input}` +
      (result.integrator === 'reference' ? '' : `  integrator=${result.integrator}`),
    `${n} spike${n === 1 ? '' : 's'}, mean rate ${formatNumber(rate, 4)} Hz` +
      (n > 0 ? `, first spike at ${formatNumber(result.spikes[0] as number, 9)} ms` : ''),
  ];
  if (n > 0) {
    const shown = Array.from(result.spikes.subarray(0, SUMMARY_SPIKES), (t) => formatNumber(t, 9));
    const more =
      n > SUMMARY_SPIKES ? ` … (${n - SUMMARY_SPIKES} more: --format json lists all)` : '';
    lines.push(`spike times (ms): ${shown.join(' ')}${more}`);
  }
  return lines.join('\n') + '\n';
}

async function writeRun(
  result: SimulationResult,
  preset: Preset | undefined,
  format: Format,
  out: string | undefined,
): Promise<void> {
  if (format === 'json') {
    await writeChunks([JSON.stringify(runToJson(result, preset)) + '\n'], out);
  } else if (format === 'csv') {
    const trace = result.trace;
    if (trace === undefined) {
      const spikes = result.spikes;
      await writeChunks(
        chunkRows('spike_t', spikes.length, (i) => String(spikes[i])),
        out,
      );
    } else {
      const { t, v, u, I } = trace;
      await writeChunks(
        chunkRows('t,v,u,I', t.length, (i) => `${t[i]},${v[i]},${u[i]},${I[i]}`),
        out,
      );
    }
  } else {
    await writeChunks([runSummary(result, preset)], out);
  }
}
