/** `izhikit classify`: names the firing pattern of a neuron's run under a step input. */
import type { Command } from 'commander';
import { ParameterError } from '../errors.js';
import { classifyPattern, type PatternClassification } from '../dynamics/classify.js';
import { classifyPreset, presetWindow, type PresetWindow } from '../dynamics/classify-preset.js';
import { PARAMETER_NAMES } from '../model/izhikevich.js';
import { simulate } from '../model/simulate.js';
import { PRESETS } from '../presets/presets.js';
import { classifyAllBookPresets, classifyBookFromFlags } from './classify-2007.js';
import { addFormatOption, formatNumber, parseNumber, writeChunks } from './options.js';
import { addBookOptions, isBookRun, rejectBookFlags } from './run-2007.js';
import {
  addNeuronOptions,
  addProtocolOptions,
  presetOf,
  RUN_DEFAULTS,
  simulationOptions,
  type ProtocolFlags,
} from './neuron-options.js';

interface ClassifyFlags extends ProtocolFlags {
  onset?: number;
  end?: number;
  all?: boolean;
  format: 'summary' | 'json';
}

/** One classified run: which neuron, over which window, and the verdict. */
export interface ClassifiedRow {
  readonly id: string;
  readonly name: string;
  readonly window: PresetWindow | { onset: number; end: number; kind: 'given' };
  readonly result: PatternClassification;
}

function classifyFromFlags(flags: ClassifyFlags): ClassifiedRow {
  const preset = presetOf(flags);
  const custom =
    flags.v0 !== undefined ||
    flags.u0 !== undefined ||
    flags.dt !== undefined ||
    flags.duration !== undefined ||
    flags.input !== undefined ||
    PARAMETER_NAMES.some((name) => flags[name] !== undefined);
  if (preset !== undefined && !custom && flags.onset === undefined && flags.end === undefined) {
    const result = classifyPreset(preset);
    return { id: preset.id, name: preset.name, window: result.window, result };
  }
  const options = simulationOptions({ ...flags, spikesOnly: true }, preset);
  const duration = options.duration;
  const onset = flags.onset ?? (preset !== undefined ? presetWindow(preset).onset : 0);
  const end = flags.end ?? duration;
  if (!(end > onset)) {
    throw new ParameterError('end', `the window must end after it starts (${onset} to ${end} ms)`);
  }
  const run = simulate(options);
  return {
    id: preset?.id ?? 'custom',
    name: preset?.name ?? 'custom neuron',
    window: { onset, end, kind: 'given' },
    result: classifyPattern(run.spikes, { onset, end }),
  };
}

function rowJson(row: ClassifiedRow): object {
  const r = row.result;
  return {
    id: row.id,
    name: row.name,
    pattern: r.pattern,
    label: r.label,
    window: row.window,
    spikeCount: r.spikeCount,
    burstCount: r.burstCount,
    groupCount: r.groupCount,
    burstThreshold: r.burstThreshold ?? null,
    stopped: r.stopped,
    reason: r.reason,
  };
}

export function registerClassify(program: Command): Command {
  const command = program
    .command('classify')
    .description('name the firing pattern of a run under a step input (ISI criteria)');
  addNeuronOptions(command);
  addProtocolOptions(command)
    .option(
      '--onset <ms>',
      'when the step input switches on (default: the preset\u2019s, or 0)',
      parseNumber,
    )
    .option('--end <ms>', 'end of the window classified (default: the end of the run)', parseNumber)
    .option('--all', 'classify every preset on its own protocol');
  addFormatOption(command, ['summary', 'json']);
  addBookOptions(command);
  return command
    .addHelpText(
      'after',
      `\nWithout --preset: a=${RUN_DEFAULTS.a} b=${RUN_DEFAULTS.b} c=${RUN_DEFAULTS.c} d=${RUN_DEFAULTS.d}, as \`run\`.\n` +
        'A preset alone runs its own protocol and is classified over its step (see the library docs of\n' +
        'classifyPreset); presets whose input is not a step are flagged "not a step".',
    )
    .action(async (flags: ClassifyFlags) => {
      const book = isBookRun(flags);
      if (!book) rejectBookFlags(flags);
      const rows = book
        ? flags.all
          ? classifyAllBookPresets()
          : [classifyBookFromFlags(flags)]
        : flags.all
          ? PRESETS.map((preset) => {
              const result = classifyPreset(preset);
              return { id: preset.id, name: preset.name, window: result.window, result };
            })
          : [classifyFromFlags(flags)];
      if (flags.format === 'json') {
        const body = flags.all ? rows.map(rowJson) : rowJson(rows[0] as ClassifiedRow);
        await writeChunks([JSON.stringify(body) + '\n']);
        return;
      }
      if (!flags.all) {
        const row = rows[0] as ClassifiedRow;
        const w = row.window;
        await writeChunks([
          `${row.result.label}\n${row.name} (${row.id}), window ${formatNumber(w.onset)}–${formatNumber(w.end)} ms` +
            `${w.kind === 'other' ? ' (not a step protocol: the label only describes the train)' : ''}\n` +
            `${row.result.reason}\n`,
        ]);
        return;
      }
      const idWidth = Math.max(...rows.map((r) => r.id.length));
      const labelWidth = Math.max(...rows.map((r) => r.result.label.length));
      const lines = rows.map(
        (r) =>
          `${r.id.padEnd(idWidth)}  ${r.result.label.padEnd(labelWidth)}  ${(r.window.kind === 'other' ? 'not a step' : r.window.kind).padEnd(10)}  ${r.name}`,
      );
      const header = `${'id'.padEnd(idWidth)}  ${'pattern'.padEnd(labelWidth)}  ${'protocol'.padEnd(10)}  name in the papers`;
      await writeChunks([[header, ...lines].join('\n') + '\n']);
    });
}
