/** `izhikit run`: simulates one neuron, from a preset or from flags, and prints or saves the result. */
import type { Command } from 'commander';
import { INTEGRATOR_NAMES } from '../model/integrators.js';
import { simulate, type SimulationResult } from '../model/simulate.js';
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
  parseNumber,
  parseWholeNumber,
  writeChunks,
  writePlot,
  type OutputFlags,
  type PlotFlags,
} from './options.js';

type Format = 'summary' | 'json' | 'csv';

interface RunFlags extends SimulationFlags, OutputFlags<Format>, PlotFlags {}

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
    .option('--max-memory <MB>', 'largest trace allowed, in MB (default 1000)', parseNumber);
  addFormatOption(command, ['summary', 'json', 'csv']);
  addOutOption(command);
  addPlotOptions(command, 'also draw v(t) with I(t) underneath');
  command
    .addHelpText(
      'after',
      `
Without --preset: ${DEFAULTS_HELP}.
With --model 2007 (or a preset of the book's types, see \`izhikit presets\`): the book form in pF, pA
and mV; without --preset, the book's RS neuron at rest (v0 = vr, u0 = 0), dt=1 duration=1000 input=0.`,
    )
    .action(async (flags: RunFlags) => {
      if (isBookRun(flags)) return runBookCommand(flags);
      rejectBookFlags(flags);
      const preset = presetOf(flags);
      const result = withCliAdvice(() => simulate(simulationOptions(flags, preset)));
      await writePlot(flags, async () => {
        const { renderTraceFigure, runFigureData } = await import('../render/trace.js');
        return renderTraceFigure(runFigureData(result, preset));
      });
      await writeRun(result, preset, flags.format, flags.out);
    });
  return command;
}

/** A few lines for people: what ran, how many spikes, when. */
export function runSummary(result: SimulationResult, preset?: Preset): string {
  const p = result.params;
  return (
    [
      preset === undefined ? 'custom neuron' : `${preset.name} (${preset.id}), ${preset.source}`,
      `a=${p.a} b=${p.b} c=${p.c} d=${p.d} v0=${result.v0} u0=${formatNumber(result.u0)}  ` +
        `dt=${result.dt} ms  T=${result.duration} ms  I(t)=${result.input}` +
        (result.integrator === 'reference' ? '' : `  integrator=${result.integrator}`),
      ...spikeSummaryLines(result.spikes, result.duration),
    ].join('\n') + '\n'
  );
}

async function writeRun(
  result: SimulationResult,
  preset: Preset | undefined,
  format: Format,
  out: string | undefined,
): Promise<void> {
  if (format === 'json') {
    await writeChunks([JSON.stringify(runToJson(result, preset?.id)) + '\n'], out);
  } else if (format === 'csv') {
    await writeChunks(runToCsv(result), out);
  } else {
    await writeChunks([runSummary(result, preset)], out);
  }
}
