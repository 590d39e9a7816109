// Browser tests of the neuron view's exports: the file says what was shown.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

async function download(page: Page, kind: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-view=neuron] [data-export=${kind}]`).click(),
  ]);
  return {
    name: file.suggestedFilename(),
    text: readFileSync((await file.path()) as string, 'utf8'),
  };
}

describe('neuron exports', () => {
  it('edited values are not passed off as the preset: the files are rs-edited.*, the figure title says edited', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    await page.locator('[data-field=d]').fill('4');
    await expect.poll(() => page.locator('.preset-edited').count()).toBe(1);
    const svg = await download(page, 'svg');
    expect(svg.name).toBe('rs-edited.svg');
    expect(svg.text).toContain('<title>regular spiking (RS), edited</title>');
    expect(svg.text).toContain('d=4');
    expect((await download(page, 'csv')).name).toBe('rs-edited.csv');
    expect((await download(page, 'json')).name).toBe('rs-edited.json');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the figure has the I(t) panel with its scale when the plot shows it, and a thin stimulus line when not', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs&show=I');
    // The panel's axis has tick labels at 0 and 10; the thin line under v has none.
    const ticks = (svg: string): number => (svg.match(/>10<\/text>/g) ?? []).length;
    const withPanel = (await download(page, 'svg')).text;
    await page.locator('[data-toggle=showI]').uncheck();
    const without = (await download(page, 'svg')).text;
    expect(ticks(withPanel)).toBeGreaterThan(ticks(without));
    expect(errors).toEqual([]);
    await page.close();
  });
});
