// Runs the CLI's main() in this process, capturing standard output and standard error.
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface InProcessOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

type WriteCallback = (error?: Error | null) => void;

export async function runMain(args: readonly string[]): Promise<InProcessOutput> {
  let stdout = '';
  let stderr = '';
  const capture =
    (append: (text: string) => void) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg) => typeof arg === 'function') as WriteCallback | undefined;
      callback?.();
      return true;
    };
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation(capture((text) => (stdout += text)) as typeof process.stdout.write);
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation(capture((text) => (stderr += text)) as typeof process.stderr.write);
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
