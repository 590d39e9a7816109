// Browser tests of the layout at narrow widths: panels never overlap each other or the controls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

describe('neuron view layout', () => {
  it('at 600 px with every panel, the phase plane sits under the trace and above the toggles, nothing clipped', async () => {
    const { page, errors } = await explorer.open(
      '?view=neuron&preset=inhibition-induced-bursting&show=I,u,phase',
      { width: 600, height: 1000 },
    );
    await page.locator('.phase-chart canvas').waitFor();
    await page.waitForTimeout(300);
    const box = async (selector: string) => {
      const b = await page.locator(selector).first().boundingBox();
      if (b === null) throw new Error(`${selector} is not visible`);
      return b;
    };
    const trace = await box('.trace-chart');
    const phase = await box('.phase-box');
    const foot = await box('[data-view=neuron] .plot-foot');
    const area = await box('[data-view=neuron] .plot-area');
    expect(phase.y).toBeGreaterThanOrEqual(trace.y + trace.height - 1);
    expect(foot.y).toBeGreaterThanOrEqual(phase.y + phase.height - 1);
    expect(area.y + area.height).toBeGreaterThanOrEqual(foot.y + foot.height);
    // The v panel keeps a readable height.
    expect((await box('.trace-v')).height).toBeGreaterThan(200);
    await screenshot(page, 'layout-neuron-600-all-panels', true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 1280 px the plot keeps its height while d changes and presets switch (the readout no longer pushes it)', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    const height = (): Promise<number> =>
      page.locator('.trace-v').evaluate((e) => Math.round(e.getBoundingClientRect().height));
    const heights = new Set<number>([await height()]);
    for (const d of ['6', '2', '-2', '12']) {
      await page.locator('[data-field=d]').fill(d);
      heights.add(await height());
    }
    for (const id of ['accommodation', 'tc-burst', 'inhibition-induced-bursting', 'fs']) {
      await page.locator('[data-field=preset]').selectOption(id);
      heights.add(await height());
    }
    expect([...heights]).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the top bar fits at 600 and 420 px: one-line buttons, no sideways scroll of the page', async () => {
    for (const width of [600, 420]) {
      const { page, errors } = await explorer.open('?view=neuron', { width, height: 900 });
      const share = await page.locator('[data-action=share]').boundingBox();
      expect(share?.height).toBeLessThan(36);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
