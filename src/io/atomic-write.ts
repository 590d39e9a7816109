/**
 * All-or-nothing output (Node only). A file is written to a temporary name beside its target,
 * flushed to the disk and renamed over the target only when complete, so a failed write never
 * leaves a partial file and never destroys the file that was there. Several files are written
 * together: either every target gets its new content or none changes. Standard output (`-` or no
 * path) is written chunk by chunk with every error reported; a closed pipe is an `OutputError`
 * with code EPIPE, which the CLI turns into a quiet exit.
 *
 * The API other code calls:
 * - `writeOutput(target, content)`: one file, or standard output when target is undefined or `-`;
 * - `writeFilesAtomic([{ path, content }, ...])`: several files, all or nothing;
 * - `checkDistinctTargets({ '--plot': a, '--out': b })`: refuses two outputs that name one file.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, realpathSync, statSync, type Stats } from 'node:fs';
import { chmod, link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError, ParameterError } from '../errors.js';

/** What can be written: text, bytes, or chunks of either (a long CSV never sits in one string). */
export type OutputContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** One file of a group written all or nothing. */
export interface OutputFile {
  readonly path: string;
  readonly content: OutputContent;
}

/** True when `target` means standard output: no path, or `-` as Unix tools read it. */
export function isStandardOutput(target: string | undefined): target is undefined | '-' {
  return target === undefined || target === '-';
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large for the file system',
  EIO: 'an input/output error',
  EPIPE: 'the pipe was closed',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An `OutputError` for `target` from a system error, in one line. */
export function outputError(target: string, error: unknown): OutputError {
  if (error instanceof OutputError) return error;
  const code = codeOf(error);
  const reason =
    (code === undefined ? undefined : REASONS[code]) ??
    (error instanceof Error ? error.message : String(error));
  const where = target === '-' ? 'standard output' : `'${target}'`;
  return new OutputError(
    `cannot write ${where}: ${reason}${code === undefined ? '' : ` (${code})`}`,
    target,
    code,
  );
}

function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

function* chunksOf(content: OutputContent): Generator<Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    yield toBytes(content);
    return;
  }
  for (const chunk of content) yield toBytes(chunk);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The file a target really is: symbolic links followed, relative names resolved. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Refuses two outputs that name the same file (for example `--plot a.svg --out a.svg`), which
 * would otherwise overwrite one with the other. Keys are the option names used in the message.
 *
 * @throws ParameterError naming both options
 */
export function checkDistinctTargets(targets: Readonly<Record<string, string | undefined>>): void {
  const seen = new Map<string, string>();
  for (const [option, path] of Object.entries(targets)) {
    if (isStandardOutput(path)) continue;
    const key = realTarget(path);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new ParameterError(
        option.replace(/^-+/, ''),
        `${other} and ${option} name the same file '${path}': give each its own file`,
      );
    }
    seen.set(key, option);
  }
}

/** Writes chunks to an open file handle, checking that every byte went out. */
async function writeAll(
  handle: Awaited<ReturnType<typeof open>>,
  content: OutputContent,
): Promise<void> {
  for (const chunk of chunksOf(content)) {
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
      if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      offset += bytesWritten;
    }
  }
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch {
    // Already gone, or never created.
  }
}

/** A name beside `target` that no other writer uses. */
function temporaryName(target: string, suffix: string): string {
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return join(dirname(target), `.${basename(target)}.${tag}.${suffix}`);
}

interface Prepared {
  readonly user: string;
  readonly target: string;
  readonly temporary?: string;
  readonly existed: boolean;
}

/**
 * Checks a target and writes its content to a temporary file beside it, flushed to the disk. A
 * target that exists and is not a regular file (a device such as /dev/null, a named pipe) is
 * written in place, since it cannot be replaced.
 */
async function prepare(file: OutputFile): Promise<Prepared> {
  const user = file.path;
  if (user === '') throw new OutputError('cannot write an empty file name', user);
  const target = realTarget(user);
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) {
    throw new OutputError(`cannot write '${user}': it is a folder`, user, 'EISDIR');
  }
  if (existing !== undefined && !existing.isFile()) {
    const handle = await open(target, fsConstants.O_WRONLY).catch((error: unknown) => {
      throw outputError(user, error);
    });
    try {
      await writeAll(handle, file.content);
    } catch (error) {
      throw outputError(user, error);
    } finally {
      await handle.close().catch(() => undefined);
    }
    return { user, target, existed: true };
  }
  const temporary = temporaryName(target, 'tmp');
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temporary, 'wx', existing === undefined ? 0o666 : existing.mode & 0o7777);
    await writeAll(handle, file.content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (existing !== undefined) await chmod(temporary, existing.mode & 0o7777);
  } catch (error) {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    await removeQuietly(temporary);
    throw outputError(user, error);
  }
  return { user, target, temporary, existed: existing !== undefined };
}

/**
 * Writes several files all or nothing: every content goes to a temporary file first; only when
 * all are complete are they renamed over their targets, and if one rename fails the targets
 * already replaced get their old content back.
 *
 * @throws OutputError for the first target that could not be written (none is changed)
 * @throws ParameterError when two entries name the same file
 */
export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  checkDistinctTargets(Object.fromEntries(files.map((f, i) => [`file ${i + 1}`, f.path])));
  const prepared: Prepared[] = [];
  try {
    for (const file of files) prepared.push(await prepare(file));
  } catch (error) {
    for (const p of prepared) if (p.temporary !== undefined) await removeQuietly(p.temporary);
    throw error;
  }
  const done: { target: string; backup?: string }[] = [];
  let failure: unknown;
  let failedAt = '';
  for (const p of prepared) {
    if (p.temporary === undefined) continue;
    let backup: string | undefined;
    try {
      if (p.existed && files.length > 1) {
        backup = temporaryName(p.target, 'old');
        await link(p.target, backup);
      }
      await rename(p.temporary, p.target);
      done.push({ target: p.target, ...(backup === undefined ? {} : { backup }) });
    } catch (error) {
      if (backup !== undefined) await removeQuietly(backup);
      failure = error;
      failedAt = p.user;
      break;
    }
  }
  if (failure !== undefined) {
    for (const d of done) {
      if (d.backup !== undefined) await rename(d.backup, d.target).catch(() => undefined);
      else await removeQuietly(d.target);
    }
    for (const p of prepared) if (p.temporary !== undefined) await removeQuietly(p.temporary);
    throw outputError(failedAt, failure);
  }
  for (const d of done) if (d.backup !== undefined) await removeQuietly(d.backup);
}

/** Writes one file atomically (see `writeFilesAtomic`). */
export async function writeFileAtomic(path: string, content: OutputContent): Promise<void> {
  await writeFilesAtomic([{ path, content }]);
}

/**
 * Writes to standard output, waiting for each chunk to be taken, so that every error (a full
 * device, a closed pipe) is reported as an `OutputError` rather than an unhandled event.
 */
export async function writeStandardOutput(
  content: OutputContent,
  stream: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  for (const chunk of chunksOf(content)) {
    await new Promise<void>((resolveWrite, reject) => {
      try {
        stream.write(chunk, (error) => (error ? reject(outputError('-', error)) : resolveWrite()));
      } catch (error) {
        reject(outputError('-', error));
      }
    });
  }
}

/** Writes `content` to the file `target`, atomically, or to standard output when it is undefined or `-`. */
export async function writeOutput(
  target: string | undefined,
  content: OutputContent,
): Promise<void> {
  if (isStandardOutput(target)) await writeStandardOutput(content);
  else await writeFileAtomic(target, content);
}

/** Checks that a path could be a file: not a folder, and its folder exists. For an early refusal. */
export async function checkWritableTarget(path: string): Promise<void> {
  if (isStandardOutput(path)) return;
  const target = realTarget(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory())
    throw new OutputError(`cannot write '${path}': it is a folder`, path, 'EISDIR');
  const folder = await stat(dirname(target)).catch(() => undefined);
  if (folder === undefined) {
    throw new OutputError(
      `cannot write '${path}': the folder does not exist (ENOENT)`,
      path,
      'ENOENT',
    );
  }
  if (!folder.isDirectory()) {
    throw new OutputError(
      `cannot write '${path}': a part of the path is not a folder (ENOTDIR)`,
      path,
      'ENOTDIR',
    );
  }
}
