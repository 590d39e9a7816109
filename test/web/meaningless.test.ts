// Browser test: a run that spikes at every step is called numerically meaningless in the neuron
// readout, and its f–I curve gets no class, with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

describe('numerically meaningless runs in the explorer', () => {
  it('the neuron readout names RS with d = −20 meaningless instead of a pattern', async () => {
    const { page, errors } = await explorer.open('?preset=rs&d=-20');
    const pattern = page.locator('[data-view=neuron] [data-value=pattern]');
    await expect.poll(() => pattern.innerText()).toBe('numerically meaningless');
    const { page: normal } = await explorer.open('?preset=rs');
    await expect
      .poll(() => normal.locator('[data-view=neuron] [data-value=pattern]').innerText())
      .toBe('spike-frequency adaptation');
    await screenshot(page, 'neuron-meaningless');
    expect(errors).toEqual([]);
  });

  it('the f–I panel gives no class when the onset run spikes at every step, and says why', async () => {
    const { page, errors } = await explorer.open(
      '?view=dynamics&a=0.02&b=0.2&c=-65&d=-20&x=c:-70:-40:4&y=d:0:10:4',
    );
    const verdict = page.locator('[data-view=dynamics] [data-fi-class]');
    await expect.poll(() => verdict.getAttribute('data-fi-class')).toBe('none');
    expect(await verdict.innerText()).toMatch(/spikes at nearly every time step/);
    expect(errors).toEqual([]);
  });
});
