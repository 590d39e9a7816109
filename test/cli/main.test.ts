import { beforeEach, describe, expect, it, vi } from 'vitest';

// V8's flags are process-global: the test watches them being set instead of setting them.
const setFlagsFromString = vi.fn();
vi.mock('node:v8', async (original) => ({
  ...(await original<typeof import('node:v8')>()),
  setFlagsFromString,
}));
const { runMain } = await import('../helpers/main-in-process.js');

beforeEach(() => {
  setFlagsFromString.mockClear();
});

describe('main(argv)', () => {
  it('has V8 compile the WebAssembly kernels eagerly with TurboFan for izhikit network', async () => {
    const run = await runMain(['network', '--ne', '40', '--ni', '10', '--duration', '20']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/spikes/);
    expect(setFlagsFromString.mock.calls).toEqual([
      ['--no-liftoff'],
      ['--no-wasm-lazy-compilation'],
    ]);
  });

  it('leaves V8 as it is for the other commands', async () => {
    expect((await runMain(['presets'])).code).toBe(0);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
