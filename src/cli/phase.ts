/** `izhikit phase`: the phase plane at a constant input: fixed points, stability, and a figure. */
import type { Command } from 'commander';
import { presetWindow } from '../dynamics/classify-preset.js';
import { explainPhasePlane } from '../dynamics/phase-explanation.js';
import { phasePlane, type PhasePlane } from '../dynamics/phase-plane.js';
import { renderPhasePlane } from '../dynamics/render-phase.js';
import { resolveInput, simulate } from '../model/simulate.js';
import type { Preset } from '../presets/presets.js';
import { parameterLine, presetTitle } from '../render/labels.js';
import {
  addNeuronOptions,
  addProtocolOptions,
  neuronFromFlags,
  presetOf,
  simulationOptions,
  type ProtocolFlags,
} from './neuron-options.js';
import { fixedPointLines } from './fixed-point-lines.js';
import { bookPhaseCommand } from './phase-2007.js';
import { addBookOptions, isBookRun, rejectBookFlags } from './run-2007.js';
import {
  addFormatOption,
  addPlotOptions,
  checkPlotName,
  formatNumber,
  parseNumber,
  writeChunks,
  writePlot,
  type PlotFlags,
} from './options.js';

interface PhaseFlags extends ProtocolFlags, PlotFlags {
  I?: number;
  trajectory: boolean;
  format: 'summary' | 'json';
}

/**
 * The constant input the plane is drawn for when --I is not given: a preset's step value (the
 * middle of its step window), the input at the end of the run for other protocols (pulses and
 * ramps: where the neuron is left), or the run's input at its end without a preset.
 */
export function defaultPhaseInput(
  preset: Preset | undefined,
  input: string,
  duration: number,
): number {
  const evaluate = resolveInput(input).evaluate;
  if (preset === undefined) return evaluate(duration);
  const window = presetWindow(preset);
  return window.kind === 'other' ? evaluate(duration) : evaluate((window.onset + window.end) / 2);
}

/** The JSON document of `phase --format json`. */
export function phaseToJson(plane: PhasePlane, explanation: readonly string[]): object {
  return {
    I: plane.I,
    params: plane.params,
    fixedPoints: plane.fixedPoints,
    saddleNodeInput: plane.saddleNodeInput ?? null,
    hopfInput: plane.hopfInput ?? null,
    reset: plane.reset,
    vpeak: plane.vpeak,
    explanation,
  };
}

export function registerPhase(program: Command): Command {
  const command = program
    .command('phase')
    .description('phase plane at a constant input: nullclines, fixed points and their stability');
  addNeuronOptions(command);
  addProtocolOptions(command).option(
    '--I <number>',
    'the constant input (default: a preset\u2019s step value, else the input at the end of the run)',
    parseNumber,
  );
  addPlotOptions(command, 'draw the phase plane').option(
    '--no-trajectory',
    'do not draw the run\u2019s trajectory on the plot',
  );
  addFormatOption(command, ['summary', 'json']);
  addBookOptions(command);
  return command.action(async (flags: PhaseFlags) => {
    checkPlotName(flags);
    if (isBookRun(flags)) return bookPhaseCommand(flags);
    rejectBookFlags(flags);
    const preset = presetOf(flags);
    const neuron = neuronFromFlags(flags);
    const options = simulationOptions(flags, preset);
    const input = typeof options.input === 'string' ? options.input : String(options.input ?? 0);
    const I = flags.I ?? defaultPhaseInput(preset, input, options.duration);
    const run = flags.trajectory && flags.plot !== undefined ? simulate(options) : undefined;
    const trajectory = run?.trace;
    const plane = phasePlane(neuron, I, trajectory === undefined ? {} : { trajectory });
    const explanation = explainPhasePlane(plane, trajectory);
    await writePlot(flags, () => {
      const name = preset === undefined ? 'custom neuron' : presetTitle(preset);
      return renderPhasePlane(plane, {
        ...(trajectory === undefined ? {} : { trajectory }),
        title: `Phase plane: ${name}`,
        subtitle:
          `${parameterLine(neuron)} · nullclines at I = ${formatNumber(I)}` +
          (trajectory === undefined ? '' : ` · trajectory of I(t) = ${input}`),
      });
    });
    if (flags.format === 'json') {
      await writeChunks([JSON.stringify(phaseToJson(plane, explanation)) + '\n']);
      return;
    }
    const name = preset === undefined ? 'custom neuron' : `${preset.name} (${preset.id})`;
    const lines = [
      `${name}, ${parameterLine(neuron)}, at constant I = ${formatNumber(I)}`,
      plane.fixedPoints.length === 0
        ? 'fixed points: none (the nullclines do not cross)'
        : `fixed points (${plane.fixedPoints.length}):`,
      ...fixedPointLines(plane),
      ...explanation,
    ];
    await writeChunks([lines.join('\n') + '\n']);
  });
}
