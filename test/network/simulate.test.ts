import { describe, it, expect } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { simulateNetwork, simulateNetworkAsync } from '../../src/network/simulate.js';

const small = { ne: 80, ni: 20, duration: 200, seed: 4 };

describe('simulateNetwork', () => {
  it('simulateNetwork(options, { onProgress }) reports rising fractions up to 1', () => {
    const fractions: number[] = [];
    const result = simulateNetwork(small, { onProgress: (f) => fractions.push(f), chunkSteps: 30 });
    expect(fractions).toEqual([0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1]);
    expect(result.steps).toBe(200);
  });

  it('simulateNetwork(options, { signal }) stops between chunks with a CancelledError', () => {
    const controller = new AbortController();
    let calls = 0;
    expect(() =>
      simulateNetwork(small, {
        signal: controller.signal,
        chunkSteps: 10,
        onProgress: () => {
          calls++;
          if (calls === 3) controller.abort();
        },
      }),
    ).toThrow(CancelledError);
    expect(calls).toBe(3);
    expect(() => simulateNetwork(small, { signal: AbortSignal.abort() })).toThrow(
      'the network run was cancelled',
    );
  });

  it('simulateNetworkAsync gives the result of simulateNetwork and can be aborted from outside', async () => {
    const result = await simulateNetworkAsync(small, { chunkSteps: 17 });
    expect(result.spikes).toEqual(simulateNetwork(small).spikes);
    const controller = new AbortController();
    const pending = simulateNetworkAsync(
      { ...small, duration: 100000 },
      { signal: controller.signal, chunkSteps: 100 },
    );
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });
});
