// Browser tests of the explorer on a touch screen: every control is big enough for a thumb.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkFinished, screenshot, startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

/** The target size WCAG 2.5.5 asks for, in CSS pixels (half a pixel for rounding). */
const TARGET = 43.5;

describe('touch screens', () => {
  for (const view of ['neuron', 'dynamics', 'network', 'polychron']) {
    it(`on a 390 × 844 touch phone every control of the ${view} view is at least 44 px tall`, async () => {
      const context = await explorer.browser.newContext({
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${explorer.url}?view=${view}`);
      await page.locator(`[data-view=${view}] input`).first().waitFor();
      const small = await page.evaluate((target) => {
        const controls = document.querySelectorAll<HTMLElement>(
          'header button, main input, main select, main textarea, main button, main summary',
        );
        const found: string[] = [];
        for (const control of controls) {
          if (control.getClientRects().length === 0) continue;
          // A tick box is hit through its label.
          const box =
            control instanceof HTMLInputElement && control.type === 'checkbox'
              ? (control.closest('label') ?? control)
              : control;
          const { height } = box.getBoundingClientRect();
          if (height < target) {
            const name =
              control.dataset['field'] ?? control.dataset['toggle'] ?? control.textContent;
            found.push(`${control.tagName.toLowerCase()} ${name ?? ''} ${Math.round(height)} px`);
          }
        }
        return found;
      }, TARGET);
      await screenshot(page, `touch-${view}`);
      expect(small).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a mouse keeps the compact controls', async () => {
    const { page } = await explorer.open('?view=neuron', { width: 1366, height: 800 });
    const height = await page
      .locator('[data-field=a]')
      .evaluate((e) => e.getBoundingClientRect().height);
    expect(height).toBeLessThan(30);
    await page.close();
  });

  it('on a touch phone the plot hint speaks of touch, and touching the plot shows the values there', async () => {
    const context = await explorer.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${explorer.url}?view=neuron&preset=rs`);
    const plot = page.locator('.trace-v canvas');
    await plot.waitFor();
    const hint = await page.locator('[data-view=neuron] .plot-tools .hint').innerText();
    expect(hint).not.toMatch(/double-click|drag/i);
    expect(hint).toMatch(/touch/i);
    const box = await plot.boundingBox();
    if (box === null) throw new Error('no plot');
    await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect
      .poll(() => page.locator('[data-view=neuron] [data-cursor-values]').innerText())
      .toMatch(/t = /);
    await context.close();
  });

  it('on a touch phone the raster’s hint speaks of tapping, and a tap on a row shows that neuron', async () => {
    const context = await explorer.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${explorer.url}?view=network&ne=200&ni=50&T=500`);
    expect(await networkFinished(page)).toMatch(/^done/);
    const hint = await page.locator('[data-view=network] .plot-foot .hint').innerText();
    expect(hint).not.toMatch(/double-click|drag/i);
    expect(hint).toMatch(/tap a row/i);
    const over = page.locator('[data-view=network] .raster .u-over');
    const box = await over.boundingBox();
    if (box === null) throw new Error('no raster');
    await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect
      .poll(() => page.locator('[data-view=network] .chart-title[data-neuron]').count())
      .toBe(1);
    await screenshot(page, 'touch-network-tap');
    await context.close();
  });
});
