/** `izhikit fi`: the f–I curve of a neuron, its rheobase and its excitability class. */
import type { Command } from 'commander';
import { csvChunks } from '../record/csv.js';
import { fiCurve, type FiCurve, type FiCurveOptions } from '../dynamics/fi-curve.js';
import { renderFiCurve } from '../dynamics/render-fi.js';
import { parameterLine, presetTitle } from '../render/labels.js';
import { bookFiSubject, BOOK_FI_TO, type FiSubject } from './fi-2007.js';
import { addNeuronOptions, neuronFromFlags, presetOf, type NeuronFlags } from './neuron-options.js';
import { addBookOptions, isBookRun, rejectBookFlags } from './run-2007.js';
import {
  addFormatOption,
  addOutOption,
  addPlotOptions,
  checkPlotName,
  formatNumber,
  parseNumber,
  parseWholeNumber,
  writeChunks,
  writePlot,
  type OutputFlags,
  type PlotFlags,
} from './options.js';

interface FiFlags extends NeuronFlags, OutputFlags<'summary' | 'json' | 'csv'>, PlotFlags {
  from: number;
  to?: number;
  steps: number;
  duration: number;
  transient: number;
  dt: number;
  tolerance: number;
}

/** The JSON document of `fi --format json`. */
export function fiToJson(curve: FiCurve): object {
  return {
    rheobase: curve.rheobase ?? null,
    onsetRate: curve.onsetRate ?? null,
    excitabilityClass: curve.excitabilityClass ?? null,
    summary: curve.summary,
    points: curve.points,
  };
}

export function registerFi(program: Command): Command {
  const command = program
    .command('fi')
    .description('f–I curve: steady firing rate against constant input, rheobase and class');
  addNeuronOptions(command)
    .option('--from <I>', 'lowest input', parseNumber, 0)
    .option(
      '--to <I>',
      `highest input (default 20, or ${BOOK_FI_TO} pA for --model 2007)`,
      parseNumber,
    )
    .option('--steps <n>', 'number of inputs from --from to --to', parseWholeNumber, 41)
    .option('--duration <ms>', 'run length at each input', parseNumber, 1000)
    .option('--transient <ms>', 'time discarded before the rate is measured', parseNumber, 200)
    .option('--dt <ms>', 'time step', parseNumber, 0.25)
    .option('--tolerance <I>', 'bisection tolerance of the rheobase', parseNumber, 0.001);
  addPlotOptions(command, 'draw the curve');
  addFormatOption(command, ['summary', 'json', 'csv']);
  addOutOption(command);
  addBookOptions(command);
  return command.action(async (flags: FiFlags) => {
    checkPlotName(flags);
    const measure = {
      from: flags.from,
      steps: flags.steps,
      duration: flags.duration,
      transient: flags.transient,
      dt: flags.dt,
      tolerance: flags.tolerance,
    };
    const { curve, title, label, parameters } = isBookRun(flags)
      ? bookFiSubject(flags, measure)
      : paperFiSubject(flags, { ...measure, to: flags.to ?? 20 });
    await writePlot(flags, () =>
      renderFiCurve(curve, {
        title: `f–I curve: ${title}`,
        subtitle: `${parameters} · ${flags.steps} inputs from ${flags.from} to ${curve.points[curve.points.length - 1]?.I}`,
      }),
    );
    const points = curve.points;
    if (flags.format === 'json') {
      await writeChunks([JSON.stringify(fiToJson(curve)) + '\n'], flags.out);
    } else if (flags.format === 'csv') {
      await writeChunks(
        csvChunks('I,rate_hz,spikes,started_at_rest', points.length, (i) => {
          const p = points[i] as (typeof points)[number];
          return `${p.I},${p.rate},${p.spikeCount},${p.startedAtRest}`;
        }),
        flags.out,
      );
    } else {
      const rows = points.map(
        (p) => `${formatNumber(p.I, 6).padStart(10)}  ${formatNumber(p.rate, 5).padStart(9)}`,
      );
      await writeChunks(
        [
          [
            `${label}, ${parameters}`,
            curve.summary,
            `${'I'.padStart(10)}  ${'rate (Hz)'.padStart(9)}`,
            ...rows,
          ].join('\n') + '\n',
        ],
        flags.out,
      );
    }
  });
}

/** The f–I curve of the neuron the flags describe in the 2003 form. */
function paperFiSubject(flags: FiFlags, measure: FiCurveOptions): FiSubject {
  rejectBookFlags(flags);
  const preset = presetOf(flags);
  const neuron = neuronFromFlags(flags);
  return {
    curve: fiCurve(neuron, measure),
    title: preset === undefined ? 'custom neuron' : presetTitle(preset),
    label: preset === undefined ? 'custom neuron' : `${preset.name} (${preset.id})`,
    parameters: parameterLine(neuron),
  };
}
