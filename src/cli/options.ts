/** Option parsers and output helpers shared by the CLI's commands. */
import { createWriteStream } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { figureFormat, writeFigure } from '../render/save.js';

/** Parses a finite number, or fails with a message commander prints on one line. */
export function parseNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) {
    throw new InvalidArgumentError(`expected a finite number, got '${value}'`);
  }
  return parsed;
}

/** Parses a whole number (for sizes, counts and seeds). */
export function parseWholeNumber(value: string): number {
  const parsed = parseNumber(value);
  if (!Number.isInteger(parsed))
    throw new InvalidArgumentError(`expected a whole number, got '${value}'`);
  return parsed;
}

/** Returns a parser that accepts one of `choices`. */
export function parseChoice<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, got '${value}'`);
    }
    return value as T;
  };
}

/** The flags of `--format` and `--out`. */
export interface OutputFlags<F extends string> {
  format: F;
  out?: string;
}

/** The flags of `--plot` and `--plot-scale`. */
export interface PlotFlags {
  plot?: string;
  plotScale: number;
}

/** `summary, json or csv`: the choices as a sentence. */
function choiceList(choices: readonly string[]): string {
  const last = choices[choices.length - 1] ?? '';
  return choices.length < 2 ? last : `${choices.slice(0, -1).join(', ')} or ${last}`;
}

/**
 * Adds `--format <format>`, one of `formats` with the first as the default; `note` follows the
 * list of choices in brackets in the help.
 */
export function addFormatOption<T extends string>(
  command: Command,
  formats: readonly [T, ...T[]],
  note?: string,
): Command {
  const help = choiceList(formats) + (note === undefined ? '' : ` (${note})`);
  return command.option('--format <format>', help, parseChoice(formats), formats[0]);
}

/** Adds `--out <file>`: where the output goes instead of standard output. */
export function addOutOption(command: Command): Command {
  return command.option('--out <file>', 'write the output to a file instead of standard output');
}

/**
 * Adds `--plot <file>` and `--plot-scale <n>`; `whatIsDrawn` starts the help of `--plot`, as in
 * "draw the curve" (followed by "to FILE.svg or FILE.png").
 */
export function addPlotOptions(command: Command, whatIsDrawn: string): Command {
  return command
    .option('--plot <file>', `${whatIsDrawn} to FILE.svg or FILE.png`)
    .option('--plot-scale <n>', 'pixels per SVG unit for a PNG plot', parseNumber, 2);
}

/** Fails early, before a long run, when --plot names a file that is neither .svg nor .png. */
export function checkPlotName(flags: PlotFlags): void {
  if (flags.plot !== undefined) figureFormat(flags.plot);
}

/** When --plot was given, draws the figure and writes it there at --plot-scale. */
export async function writePlot(
  flags: PlotFlags,
  draw: () => string | Promise<string>,
): Promise<void> {
  if (flags.plot !== undefined) {
    await writeFigure(flags.plot, await draw(), { scale: flags.plotScale });
  }
}

/**
 * Writes text chunks to a file, or to standard output when `path` is undefined, honouring
 * back-pressure so that a large CSV never sits in memory as one string.
 */
export async function writeChunks(chunks: Iterable<string>, path?: string): Promise<void> {
  const stream = path === undefined ? process.stdout : createWriteStream(path);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  for (const chunk of chunks) {
    if (!stream.write(chunk)) {
      await Promise.race([
        new Promise<void>((resolve) => stream.once('drain', () => resolve())),
        failed,
      ]);
    }
  }
  if (path !== undefined) {
    await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), failed]);
  }
}

/** Formats a number for people: up to `digits` significant digits, no trailing zeros. */
export function formatNumber(value: number, digits = 6): string {
  return String(Number(value.toPrecision(digits)));
}
