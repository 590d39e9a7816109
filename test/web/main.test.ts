// Browser tests of the explorer's entry point: each view takes its settings from a link meant for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

describe('links', () => {
  it('a neuron link (dt = 0.25, T = 150) leaves the network at the paper’s dt = 1 ms and T = 1000 ms', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs&dt=0.25&T=150');
    expect(await page.locator('[data-field=dt]').inputValue()).toBe('0.25');
    await page.locator('[data-tab=network]').click();
    expect(await page.locator('[data-field=net-dt]').inputValue()).toBe('1');
    expect(await page.locator('[data-field=net-duration]').inputValue()).toBe('1000');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a network link (dt = 0.5, T = 2000) leaves the neuron at its preset’s dt and T', async () => {
    const { page, errors } = await explorer.open('?view=network&ne=200&ni=50&dt=0.5&T=2000');
    expect(await page.locator('[data-field=net-dt]').inputValue()).toBe('0.5');
    await page.locator('[data-tab=neuron]').click();
    expect(await page.locator('[data-field=dt]').inputValue()).toBe('0.25');
    expect(await page.locator('[data-field=duration]').inputValue()).toBe('150');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a neuron link with a bad value opens with the message under the field and says there is nothing to plot', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs&dt=0');
    expect(
      await page.locator('.slider-field:has([data-field=dt]) .field-error').innerText(),
    ).toContain('dt must be positive');
    expect(await page.locator('.stale-note').innerText()).toBe(
      'Nothing to plot until the marked value is fixed.',
    );
    expect(await page.locator('[data-view=neuron] [data-export=csv]').isDisabled()).toBe(true);
    await page.locator('[data-field=dt]').fill('0.25');
    await expect.poll(() => page.locator('[data-value=count]').innerText()).toBe('5');
    expect(await page.locator('[data-view=neuron] [data-export=csv]').isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link keeps model terms set back to the defaults on a preset that changes them (k1 = 5 on class-1-excitable)', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=class-1-excitable');
    await page.locator('.advanced summary').click();
    await page.locator('[data-field=k1]').fill('5');
    await page.locator('[data-field=k0]').fill('140');
    const count = await page.locator('[data-value=count]').innerText();
    await page.locator('[data-action=share]').click();
    const { page: fresh } = await explorer.open(page.url().slice(explorer.url.length));
    expect(await fresh.locator('[data-field=k1]').inputValue()).toBe('5');
    expect(await fresh.locator('[data-field=k0]').inputValue()).toBe('140');
    expect(await fresh.locator('[data-value=count]').innerText()).toBe(count);
    expect(errors).toEqual([]);
    await page.close();
    await fresh.close();
  });

  it('a link keeps u0 = b·v0 ticked on a preset that gives u0 (accommodation)', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=accommodation');
    expect(await page.locator('[data-field=auto-u0]').isChecked()).toBe(false);
    await page.locator('[data-field=auto-u0]').check();
    await page.locator('[data-action=share]').click();
    const { page: fresh } = await explorer.open(page.url().slice(explorer.url.length));
    expect(await fresh.locator('[data-field=auto-u0]').isChecked()).toBe(true);
    expect(await fresh.locator('[data-field=u0]').inputValue()).toBe('-65');
    expect(errors).toEqual([]);
    await page.close();
    await fresh.close();
  });
});
