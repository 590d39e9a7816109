/** Option parsers and output helpers shared by the CLI's commands. */
import { significant } from '../render/labels.js';
import { InvalidArgumentError, type Command } from 'commander';
import { printable } from '../errors.js';
import {
  checkDistinctTargets,
  checkWritableTarget,
  isStandardOutput,
  writeFilesAtomic,
  writeOutput,
  writeStandardOutput,
  type OutputContent,
  type OutputFile,
} from '../io/atomic-write.js';
import { figureContent, figureFormat } from '../render/save.js';

/** A decimal number as people write it: 12, -0.5, .5, 1e-3. No hex, no spaces, no Infinity. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a finite decimal number, or fails with a message commander prints on one line. */
export function parseNumber(value: string): number {
  if (!DECIMAL.test(value)) {
    throw new InvalidArgumentError(
      `expected a finite number such as 12, -0.5 or 1e-3, got '${printable(value)}'`,
    );
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) {
    throw new InvalidArgumentError(
      `'${printable(value)}' is too large: numbers must be below about 1.8e308`,
    );
  }
  return parsed;
}

/** Parses a finite number above zero (for sizes, limits and scales). */
export function parsePositiveNumber(value: string): number {
  const parsed = parseNumber(value);
  if (!(parsed > 0)) {
    throw new InvalidArgumentError(`expected a number above 0, got '${printable(value)}'`);
  }
  return parsed;
}

/** Parses a whole number (for sizes, counts and seeds). */
export function parseWholeNumber(value: string): number {
  const parsed = parseNumber(value);
  if (!Number.isInteger(parsed))
    throw new InvalidArgumentError(`expected a whole number, got '${printable(value)}'`);
  return parsed;
}

/** Returns a parser that accepts one of `choices`. */
export function parseChoice<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(
        `expected one of ${choices.join(', ')}, got '${printable(value)}'`,
      );
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
  return command.option(
    '--out <file>',
    'write the output to a file (written whole or not at all; - is standard output)',
  );
}

/**
 * Adds `--plot <file>` and `--plot-scale <n>`; `whatIsDrawn` starts the help of `--plot`, as in
 * "draw the curve" (followed by "to FILE.svg or FILE.png").
 */
export function addPlotOptions(command: Command, whatIsDrawn: string): Command {
  return command
    .option('--plot <file>', `${whatIsDrawn} to FILE.svg or FILE.png`)
    .option('--plot-scale <n>', 'pixels per SVG unit for a PNG plot', parsePositiveNumber, 2);
}

/**
 * Fails early, before a long run: a --plot name that is neither .svg nor .png, --plot and --out
 * naming one file, or a target that cannot be a file (a folder, a missing folder).
 */
export async function checkOutputs(flags: Partial<PlotFlags> & { out?: string }): Promise<void> {
  if (flags.plot !== undefined) figureFormat(flags.plot);
  checkDistinctTargets({ '--plot': flags.plot, '--out': flags.out });
  for (const target of [flags.plot, flags.out]) {
    if (target !== undefined) await checkWritableTarget(target);
  }
}

/**
 * Writes a command's results: the figure drawn by `draw` to --plot (when given) and `data` to
 * --out, both files or neither (see src/io/atomic-write.ts); `data` goes to standard output when
 * --out is absent or `-`. `others` (a checkpoint, say) join the same all-or-nothing group.
 */
export async function writeResults(
  flags: Partial<PlotFlags> & { out?: string },
  data: OutputContent,
  draw?: () => string | Promise<string>,
  others: readonly OutputFile[] = [],
): Promise<void> {
  const files: OutputFile[] = [...others];
  if (flags.plot !== undefined && draw !== undefined) {
    const scale = flags.plotScale ?? 2;
    files.push({
      path: flags.plot,
      content: await figureContent(flags.plot, await draw(), { scale }),
    });
  }
  if (!isStandardOutput(flags.out)) files.push({ path: flags.out, content: data });
  if (files.length > 0) await writeFilesAtomic(files);
  if (isStandardOutput(flags.out)) await writeStandardOutput(data);
}

/**
 * Fails early when --plot names a file that is neither .svg nor .png. Prefer `checkOutputs`,
 * which also refuses --plot and --out naming one file and targets that cannot be written.
 */
export function checkPlotName(flags: PlotFlags): void {
  if (flags.plot !== undefined) figureFormat(flags.plot);
}

/**
 * When --plot was given, draws the figure and writes it there atomically. Prefer
 * `writeResults`, which writes the figure and the data all or nothing.
 */
export async function writePlot(
  flags: PlotFlags,
  draw: () => string | Promise<string>,
): Promise<void> {
  if (flags.plot === undefined) return;
  const content = await figureContent(flags.plot, await draw(), { scale: flags.plotScale });
  await writeFilesAtomic([{ path: flags.plot, content }]);
}

/**
 * Writes text chunks to the file `path` atomically, or to standard output when `path` is
 * undefined or `-`, reporting every error (see src/io/atomic-write.ts).
 */
export async function writeChunks(chunks: Iterable<string>, path?: string): Promise<void> {
  await writeOutput(path, chunks);
}

/** Formats a number for people: up to `digits` significant digits, no trailing zeros. */
export function formatNumber(value: number, digits = 6): string {
  return String(significant(value, digits));
}
