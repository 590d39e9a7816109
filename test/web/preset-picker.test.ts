// Browser tests of the preset picker: the way back to a preset after editing it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

describe('preset picker', () => {
  it('after an edit, "reset" restores the preset (choosing the same entry again fires nothing)', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=ch');
    const count = await page.locator('[data-value=count]').innerText();
    const reset = page.locator('[data-action=reset-preset]');
    expect(await reset.count()).toBe(0);
    await page.locator('[data-field=d]').fill('6');
    await page.locator('[data-field=input]').fill('5*(t>15)');
    await expect.poll(() => page.locator('.preset-edited').count()).toBe(1);
    await screenshot(page, 'preset-picker-edited');
    await reset.click();
    expect(await page.locator('[data-field=d]').inputValue()).toBe('2');
    expect(await page.locator('[data-field=input]').inputValue()).toBe('10*(t>15)');
    expect(await page.locator('[data-value=count]').innerText()).toBe(count);
    expect(await page.locator('.preset-edited').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe(
      'preset',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"custom neuron" names a link without a preset and cannot be chosen as if it did something', async () => {
    const { page, errors } = await explorer.open('?view=neuron&a=0.02&b=0.2&c=-65&d=8');
    expect(await page.locator('[data-field=preset]').inputValue()).toBe('');
    expect(await page.locator('[data-view=neuron] .plot-title').innerText()).toBe('Custom neuron');
    expect(await page.locator('[data-field=preset] option[value=""]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
