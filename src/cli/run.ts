/** `izhikit run`: simulates one neuron, from a preset or from flags, and prints or saves the result. */
import type { Command } from 'commander';
import { addLimitOption, checkWork, timeSteps, type LimitFlags } from './limits.js';
import { detectMeaninglessRun, type MeaninglessRun } from '../dynamics/meaningless.js';
import { INTEGRATOR_NAMES } from '../model/integrators.js';
import {
  DEFAULT_MAX_TRACE_BYTES,
  simulate,
  TRACE_BYTES_PER_STEP,
  type SimulationResult,
} from '../model/simulate.js';
import type { Preset } from '../presets/presets.js';
import { runToCsv, runToJson } from '../record/run-export.js';
import { isBookRun, rejectBookFlags, runBookCommand, addBookOptions } from './run-2007.js';
import { spikeSummaryLines, withCliAdvice } from './run-shared.js';
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
  addBookOptions(addProtocolOptions(addNeuronOptions(command)))
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
Without --preset: ${DEFAULTS_HELP}.
With --model 2007 (or a preset of the book's types, see \`izhikit presets\`): the book form in pF, pA
and mV; without --preset, the book's RS neuron at rest (v0 = vr, u0 = 0), dt=1 duration=1000 input=0.`,
    )
    .action(async (flags: RunFlags) => {
      await checkOutputs(flags);
      if (isBookRun(flags)) return runBookCommand(flags);
      rejectBookFlags(flags);
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
      await writeResults(flags, runOutput(result, preset, flags.format), async () => {
        const { renderTraceFigure, runFigureData } = await import('../render/trace.js');
        return renderTraceFigure(runFigureData(result, preset));
      });
    });
  return command;
}

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
  const lines = [
    preset === undefined ? 'custom neuron' : `${preset.name} (${preset.id}), ${preset.source}`,
    `a=${p.a} b=${p.b} c=${p.c} d=${p.d} v0=${result.v0} u0=${formatNumber(result.u0)}  ` +
      `dt=${result.dt} ms  T=${result.duration} ms  I(t)=${result.input}` +
      (result.integrator === 'reference' ? '' : `  integrator=${result.integrator}`),
    ...spikeSummaryLines(result.spikes, result.duration),
  ];
  const meaningless = runMeaningless(result);
  if (meaningless !== undefined) lines.push(`warning: ${meaningless.message}`);
  return lines.join('\n') + '\n';
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
