import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleKernels, generatedKernelsSource } from '../../scripts/kernels-assemble.js';

const here = (path: string) => new URL(path, import.meta.url);

describe('kernels.generated.ts', () => {
  it('holds the bytes wat2wasm makes of kernels.wat today (run npm run build:kernels if not)', async () => {
    const text = readFileSync(here('../../src/network/kernels.wat'), 'utf8');
    const kernels = await assembleKernels(text);
    expect(WebAssembly.validate(kernels.plain)).toBe(true);
    expect(WebAssembly.validate(kernels.shared)).toBe(true);
    expect(readFileSync(here('../../src/network/kernels.generated.ts'), 'utf8')).toBe(
      generatedKernelsSource(kernels),
    );
  });

  it('assembleKernels refuses a text whose memory import it cannot make shared', async () => {
    await expect(assembleKernels('(module)')).rejects.toThrow(/must import its memory/);
  });
});
