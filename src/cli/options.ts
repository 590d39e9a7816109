/** Option parsers and output helpers shared by the CLI's commands. */
import { createWriteStream } from 'node:fs';
import { InvalidArgumentError } from 'commander';

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
