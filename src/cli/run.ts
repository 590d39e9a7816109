/** `izhikit run`: simulates one neuron, from a preset or from flags, and prints or saves the result. */
import type { Command } from 'commander';
import { addLimitOption, checkWork, timeSteps, type LimitFlags } from './limits.js';
import { detectMeaninglessRun, type MeaninglessRun } from '../dynamics/classify.js';
import { MemoryLimitError } from '../errors.js';
import { INTEGRATOR_NAMES } from '../model/integrators.js';
import {
  DEFAULT_MAX_TRACE_BYTES,
  simulate,
  TRACE_BYTES_PER_STEP,
  type SimulationResult,
} from '../model/simulate.js';
import type { Preset } from '../presets/presets.js';
import { runToCsv, runToJson } from '../record/run-export.js';
import { renderTraceFigure, runFigureData } from '../render/trace.js';
import {
  addNeuronOptions,
  addProtocolOptions,
  DEFAULTS_HELP,
  presetOf,
  simulationOptions,
  type SimulationFlags,
} from './neuron-options.js';
import {
  addFormatOption,
  addOutOption,
  addPlotOptions,
  formatNumber,
  parseChoice,
  parsePositiveNumber,
  parseWholeNumber,
  checkOutputs,
  writeResults,
  type OutputFlags,
  type PlotFlags,
} from './options.js';

type Format = 'summary' | 'json' | 'csv';

interface RunFlags extends SimulationFlags, OutputFlags<Format>, PlotFlags, LimitFlags {}

export function registerRun(program: Command): Command {
  const command = program
    .command('run')
    .description('simulate one neuron from a preset or from parameters');
  addProtocolOptions(addNeuronOptions(command))
    .option(
      '--integrator <name>',
      `integrator: ${INTEGRATOR_NAMES.join(', ')} (default reference)`,
      parseChoice(INTEGRATOR_NAMES),
    )
    .option('--substeps <n>', 'sub-steps per dt for euler and rk4', parseWholeNumber)
    .option('--spikes-only', 'record spike times only, no trace')
    .option(
      '--max-memory <MB>',
      'largest trace allowed, in MB (default 1000)',
      parsePositiveNumber,
    );
  addFormatOption(command, ['summary', 'json', 'csv']);
  addOutOption(command);
  addPlotOptions(command, 'also draw v(t) with I(t) underneath');
  addLimitOption(command);
  command
    .addHelpText(
      'after',
      `
Without --preset: ${DEFAULTS_HELP}.`,
    )
    .action(async (flags: RunFlags) => {
      await checkOutputs(flags);
      const preset = presetOf(flags);
      const options = simulationOptions(flags, preset);
      const cost = options.integrator === 'rk4' ? 4 : 1;
      const steps = timeSteps(options.duration, options.dt);
      // A trace too large for memory is refused by simulate() first, with its own advice.
      const traceFits =
        options.spikesOnly === true ||
        steps * TRACE_BYTES_PER_STEP <= (options.maxTraceBytes ?? DEFAULT_MAX_TRACE_BYTES);
      if (traceFits) {
        checkWork(
          steps * (options.substeps ?? 1) * cost,
          flags,
          'use a larger dt, a shorter duration or fewer --substeps',
        );
      }
      const result = withCliAdvice(() => simulate(options));
      const meaningless = runMeaningless(result);
      if (meaningless !== undefined && flags.format !== 'summary') {
        process.stderr.write(`izhikit: warning: ${meaningless.message}\n`);
      }
      await writeResults(flags, runOutput(result, preset, flags.format), () =>
        renderTraceFigure(runFigureData(result, preset)),
      );
    });
  return command;
}

/** How many spike times the summary lists. */
const SUMMARY_SPIKES = 30;

/** Whether the run spikes at (nearly) every step of its grid (dt, or dt/substeps). */
export function runMeaningless(result: SimulationResult): MeaninglessRun | undefined {
  return detectMeaninglessRun(
    result.spikes,
    { onset: 0, end: result.duration },
    result.dt / result.substeps,
  );
}

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
  const meaningless = runMeaningless(result);
  if (meaningless !== undefined) lines.push(`warning: ${meaningless.message}`);
  return lines.join('\n') + '\n';
}

/** Names the flag that records spike times only when a trace would not fit. */
function withCliAdvice<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MemoryLimitError) {
      throw new MemoryLimitError(
        `${error.message} (--spikes-only)`,
        error.requiredBytes,
        error.limitBytes,
      );
    }
    throw error;
  }
}

function runOutput(
  result: SimulationResult,
  preset: Preset | undefined,
  format: Format,
): Iterable<string> {
  if (format === 'json') {
    const meaningless = runMeaningless(result);
    const document = {
      ...runToJson(result, preset?.id),
      ...(meaningless === undefined ? {} : { meaningless }),
    };
    return [JSON.stringify(document) + '\n'];
  }
  if (format === 'csv') return runToCsv(result);
  return [runSummary(result, preset)];
}
