// Browser tests of the phase-plane panel's key: every line drawn is named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

describe('phase plane', () => {
  it('names the dashed verticals: the reset c and the cut-off vpeak, with their values', async () => {
    const { page, errors } = await explorer.open(
      '?view=neuron&preset=inhibition-induced-bursting&show=I,phase',
    );
    const legend = page.locator('.phase-legend');
    await expect.poll(() => legend.innerText()).toContain('v = c (-45) and vpeak (30)');
    await page.locator('[data-field=c]').fill('-50');
    await expect.poll(() => legend.innerText()).toContain('v = c (-50)');
    expect(errors).toEqual([]);
    await page.close();
  });
});
