import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutputError, ParameterError } from '../../src/errors.js';
import {
  checkDistinctTargets,
  isStandardOutput,
  writeFileAtomic,
  writeFilesAtomic,
  writeStandardOutput,
} from '../../src/io/atomic-write.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'izhikit-atomic-'));

/** Makes every FileHandle write fail with ENOSPC once `budget` bytes were written. */
async function injectFullDisk(budget: number): Promise<() => void> {
  const probe = await open(join(fresh(), 'probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as {
    write: (...args: unknown[]) => Promise<unknown>;
  };
  await probe.close();
  const original = prototype.write;
  let written = 0;
  const spy = vi.spyOn(prototype, 'write').mockImplementation(async function (
    this: unknown,
    ...args: unknown[]
  ) {
    const buffer = args[0] as Uint8Array;
    const length = (args[2] as number | undefined) ?? buffer.length;
    if (written + length > budget) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    written += length;
    return original.apply(this, args);
  });
  return () => spy.mockRestore();
}

afterEach(() => vi.restoreAllMocks());

describe('writeFileAtomic(path, content)', () => {
  it('writes text, bytes and chunks, and replaces a file keeping its mode', async () => {
    const dir = fresh();
    const file = join(dir, 'a.txt');
    await writeFileAtomic(file, 'one');
    expect(readFileSync(file, 'utf8')).toBe('one');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, ['t', Buffer.from('wo')]);
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('refuses a folder and a missing folder with an OutputError, leaving nothing behind', async () => {
    const dir = fresh();
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow(/it is a folder/);
    const error = await writeFileAtomic(join(dir, 'nodir', 'x.txt'), 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).code).toBe('ENOENT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('on a full disk (injected) leaves the old file intact and no temporary file', async () => {
    const dir = fresh();
    const file = join(dir, 'data.csv');
    writeFileSync(file, 'precious');
    const restore = await injectFullDisk(10);
    const error = await writeFileAtomic(file, ['0123456789', 'abcdef']).catch((e: unknown) => e);
    restore();
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe(
      `cannot write '${file}': no space left on the device (ENOSPC)`,
    );
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['data.csv']);
  });

  it('writes a device in place and reports its errors (/dev/full)', async () => {
    await expect(writeFileAtomic('/dev/null', 'x')).resolves.toBeUndefined();
    await expect(writeFileAtomic('/dev/full', 'x')).rejects.toThrow(
      /no space left on the device \(ENOSPC\)/,
    );
  });
});

describe('writeFilesAtomic(files): all or nothing', () => {
  it('writes every file, or none when one fails', async () => {
    const dir = fresh();
    const a = join(dir, 'a.svg');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'old figure');
    await expect(
      writeFilesAtomic([
        { path: a, content: 'new figure' },
        { path: join(dir, 'missing', 'b.csv'), content: 'data' },
      ]),
    ).rejects.toThrow(OutputError);
    expect(readFileSync(a, 'utf8')).toBe('old figure');
    expect(readdirSync(dir)).toEqual(['a.svg']);
    await writeFilesAtomic([
      { path: a, content: 'new figure' },
      { path: b, content: 'data' },
    ]);
    expect(readFileSync(a, 'utf8')).toBe('new figure');
    expect(readFileSync(b, 'utf8')).toBe('data');
    expect(readdirSync(dir).sort()).toEqual(['a.svg', 'b.csv']);
  });

  it('puts back the files already replaced when a later rename fails', async () => {
    const dir = fresh();
    const a = join(dir, 'a.txt');
    writeFileSync(a, 'old a');
    // b's target becomes a folder after the check, so its rename fails.
    const b = join(dir, 'b');
    const files = [
      { path: a, content: 'new a' },
      {
        path: b,
        get content() {
          mkdirSync(join(dir, 'b'));
          writeFileSync(join(dir, 'b', 'inside'), '');
          return 'new b';
        },
      },
    ];
    await expect(writeFilesAtomic(files)).rejects.toThrow(OutputError);
    expect(readFileSync(a, 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b']);
  });
});

describe('checkDistinctTargets and isStandardOutput', () => {
  it('refuses two options naming one file, however written', () => {
    expect(() => checkDistinctTargets({ '--plot': 'same.svg', '--out': './same.svg' })).toThrow(
      ParameterError,
    );
    expect(() => checkDistinctTargets({ '--plot': 'a.svg', '--out': 'b.svg' })).not.toThrow();
    expect(() => checkDistinctTargets({ '--plot': '-', '--out': '-' })).not.toThrow();
  });

  it('reads - and no path as standard output', () => {
    expect(isStandardOutput('-')).toBe(true);
    expect(isStandardOutput(undefined)).toBe(true);
    expect(isStandardOutput('./-')).toBe(false);
  });
});

describe('writeStandardOutput(content, stream)', () => {
  it('reports a stream error as an OutputError with its code', async () => {
    const stream = {
      write: (_chunk: unknown, callback: (error?: Error) => void) => {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        return false;
      },
    } as unknown as NodeJS.WritableStream;
    const error = await writeStandardOutput('x', stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).code).toBe('EPIPE');
    expect((error as OutputError).target).toBe('-');
  });
});

describe('a real full file system (a 16 KiB tmpfs, where mounting is allowed)', () => {
  const mountPoint = mkdtempSync(join(tmpdir(), 'izhikit-tmpfs-'));
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    });
    mounted = true;
  } catch {
    mounted = false;
  }

  it.runIf(mounted)(
    'keeps the old file and leaves no partial file when the device fills',
    async () => {
      try {
        const file = join(mountPoint, 'out.csv');
        writeFileSync(file, 'old content');
        const big = 'x'.repeat(64 * 1024);
        const error = await writeFileAtomic(file, [big]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(OutputError);
        expect((error as OutputError).code).toBe('ENOSPC');
        expect(readFileSync(file, 'utf8')).toBe('old content');
        expect(readdirSync(mountPoint)).toEqual(['out.csv']);
      } finally {
        execFileSync('umount', [mountPoint]);
      }
    },
  );
});
