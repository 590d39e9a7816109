/** `izhikit phase --model 2007` (or a preset of the book's types): the phase plane of the 2007 form. */
import { bookPresetWindow } from '../dynamics/classify-preset-2007.js';
import { bookPhasePlane, type BookPhasePlane } from '../dynamics/phase-plane-2007.js';
import { renderPhasePlane } from '../dynamics/render-phase.js';
import { bookParameterRecord } from '../model/izhikevich-2007.js';
import { resolveInput } from '../model/simulate.js';
import { simulate2007 } from '../model/simulate-2007.js';
import { getBookPreset } from '../presets/lookup-2007.js';
import { bookParameterLine } from '../render/trace-2007.js';
import { formatNumber, writeChunks, writePlot, type PlotFlags } from './options.js';
import { fixedPointLines } from './fixed-point-lines.js';
import { bookSimulationOptions, type BookFlags } from './run-2007.js';

interface BookPhaseFlags extends BookFlags, PlotFlags {
  I?: number;
  trajectory: boolean;
  format: 'summary' | 'json';
}

/** The JSON document of `phase --model 2007 --format json`. */
export function bookPhaseToJson(plane: BookPhasePlane): object {
  return {
    model: '2007',
    I: plane.I,
    params: bookParameterRecord(plane.params),
    fixedPoints: plane.fixedPoints,
    saddleNodeInput: plane.saddleNodeInput ?? null,
    hopfInput: plane.hopfInput ?? null,
    reset: plane.reset,
    vpeak: plane.vpeak,
  };
}

/** The action of `izhikit phase` for the 2007 form. */
export async function bookPhaseCommand(flags: BookPhaseFlags): Promise<void> {
  const preset = flags.preset === undefined ? undefined : getBookPreset(flags.preset);
  const options = bookSimulationOptions(flags, preset);
  const input = typeof options.input === 'string' ? options.input : String(options.input ?? 0);
  const evaluate = resolveInput(input).evaluate;
  const window = preset === undefined ? undefined : bookPresetWindow(preset);
  const I =
    flags.I ?? evaluate(window === undefined ? options.duration : (window.onset + window.end) / 2);
  const trajectory =
    flags.trajectory && flags.plot !== undefined ? simulate2007(options).trace : undefined;
  const plane = bookPhasePlane(options, I, trajectory === undefined ? {} : { trajectory });
  const parameters = bookParameterLine(plane.params);
  await writePlot(flags, () =>
    renderPhasePlane(plane, {
      ...(trajectory === undefined ? {} : { trajectory }),
      title: `Phase plane: ${preset === undefined ? 'custom neuron, 2007 form' : preset.name}`,
      subtitle:
        `${parameters} · nullclines at I = ${formatNumber(I)} pA` +
        (trajectory === undefined ? '' : ` · trajectory of I(t) = ${input}`),
    }),
  );
  if (flags.format === 'json') {
    await writeChunks([JSON.stringify(bookPhaseToJson(plane)) + '\n']);
    return;
  }
  const name = preset === undefined ? 'custom neuron, 2007 form' : `${preset.name} (${preset.id})`;
  const onset = (value: number | undefined, what: string) =>
    value === undefined ? [] : [`${what} at I = ${formatNumber(value)} pA`];
  const lines = [
    `${name}, ${parameters}, at constant I = ${formatNumber(I)} pA`,
    plane.fixedPoints.length === 0
      ? 'fixed points: none (the nullclines do not cross)'
      : `fixed points (${plane.fixedPoints.length}), u in pA:`,
    ...fixedPointLines(plane),
    ...onset(plane.saddleNodeInput, 'saddle-node (rest vanishes)'),
    ...onset(plane.hopfInput, 'Andronov–Hopf (rest turns unstable)'),
  ];
  await writeChunks([lines.join('\n') + '\n']);
}
