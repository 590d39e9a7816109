// Browser tests of the explorer on a touch screen: every control is big enough for a thumb.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { networkFinished, screenshot, startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

/**
 * Two fingers on `target`, `from` apart around its middle, spread (or closed) to `to` apart in
 * ten moves, as Chromium's touch input gets them (the DevTools protocol).
 */
async function pinch(page: Page, target: Locator, from: number, to: number): Promise<void> {
  const box = await target.boundingBox();
  if (box === null) throw new Error('nothing to pinch');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const points = (gap: number) => [
    { x: x - gap / 2, y, id: 0 },
    { x: x + gap / 2, y, id: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let k = 1; k <= 10; k++) {
    const gap = from + ((to - from) * k) / 10;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(gap) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** The window `data-window` holds ("min,max"), or undefined for the whole run. */
const windowOf = async (target: Locator): Promise<[number, number] | undefined> => {
  const text = (await target.getAttribute('data-window')) ?? '';
  return text === '' ? undefined : (text.split(',').map(Number) as [number, number]);
};

/** The target size WCAG 2.5.5 asks for, in CSS pixels (half a pixel for rounding). */
const TARGET = 43.5;

describe('touch screens', () => {
  for (const view of ['neuron', 'dynamics', 'network', 'polychron']) {
    it(`on a 390 × 844 touch phone every control of the ${view} view is at least 44 px tall`, async () => {
      const { page, errors } = await explorer.openPhone(`?view=${view}`);
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
      await page.context().close();
    });
  }

  it('on a 390 px phone each tick box label of the neuron view stays on one line', async () => {
    const { page } = await explorer.openPhone('?view=neuron');
    const toggles = page.locator('[data-view=neuron] .toggle');
    await toggles.first().waitFor();
    const lines = await toggles.evaluateAll((labels) =>
      labels
        .filter((label) => label.getClientRects().length > 0)
        .map((label) => {
          // the label's text: one line is one box
          const range = document.createRange();
          range.selectNodeContents(label.lastChild ?? label);
          const tops = Array.from(range.getClientRects(), (rect) => Math.round(rect.top));
          return { text: label.textContent?.trim(), lines: new Set(tops).size };
        }),
    );
    expect(lines.map((label) => label.text)).toEqual(
      expect.arrayContaining(['stimulus I(t)', 'recovery u(t)', 'phase plane (v, u)']),
    );
    for (const label of lines) expect(label, label.text).toMatchObject({ lines: 1 });
    // and every label stays inside the screen
    const right = await toggles.evaluateAll((labels) =>
      Math.max(...labels.map((label) => label.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('a mouse keeps the compact controls', async () => {
    const { page } = await explorer.open('?view=neuron', { width: 1366, height: 800 });
    const height = await page
      .locator('[data-field=a]')
      .evaluate((e) => e.getBoundingClientRect().height);
    expect(height).toBeLessThan(30);
    await page.close();
  });

  it('on a touch phone the plot hint speaks of touch, and touching the plot shows the values there', async () => {
    const { page } = await explorer.openPhone('?view=neuron&preset=rs');
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
    await page.context().close();
  });

  it('on a touch phone the raster’s hint speaks of tapping, and a tap on a row shows that neuron', async () => {
    const { page } = await explorer.openPhone('?view=network&ne=200&ni=50&T=500');
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
    await page.context().close();
  });

  it('on a touch phone two fingers spread on the v(t) plot zoom in around them; Whole run resets', async () => {
    const { page } = await explorer.openPhone('?view=neuron&preset=rs');
    const over = page.locator('.trace-v .u-over');
    await over.waitFor();
    const chart = page.locator('[data-view=neuron] .trace-chart');
    expect(await chart.getAttribute('data-zoomed')).not.toBe('true');
    const hint = await page.locator('[data-view=neuron] .plot-tools .hint').innerText();
    expect(hint).toMatch(/pinch/i);
    // the whole run (the v panel's x scale), then spreading 40 px to 200 px zooms in five times
    const [start, end] = ((await page.locator('.trace-v').getAttribute('data-x')) ?? '')
      .split(',')
      .map(Number) as [number, number];
    const whole = end - start;
    expect(whole).toBeGreaterThan(100);
    await pinch(page, over, 40, 200);
    await expect.poll(() => chart.getAttribute('data-zoomed')).toBe('true');
    const [min, max] = (await windowOf(chart)) ?? [0, 0];
    expect(max - min).toBeGreaterThan(whole / 5 - 2);
    expect(max - min).toBeLessThan(whole / 5 + 2);
    // around the middle of the plot, where the fingers were
    expect(min).toBeLessThan(start + whole / 2);
    expect(max).toBeGreaterThan(start + whole / 2);
    // every panel shows the same window
    const panels = await page
      .locator('.trace-panel')
      .evaluateAll((all) => all.map((panel) => (panel as HTMLElement).dataset['x']));
    expect(new Set(panels).size).toBe(1);
    await screenshot(page, 'touch-neuron-pinch');
    // closing the fingers past the whole run shows it all again
    await pinch(page, over, 200, 20);
    await expect.poll(() => chart.getAttribute('data-zoomed')).toBe('false');
    await pinch(page, over, 40, 120);
    await expect.poll(() => chart.getAttribute('data-zoomed')).toBe('true');
    await page.locator('[data-view=neuron] [data-action=reset-zoom]').tap();
    await expect.poll(() => chart.getAttribute('data-zoomed')).toBe('false');
    await page.context().close();
  });

  it('on a touch phone a pinch on the raster zooms it in time, picking no neuron; Whole run resets', async () => {
    const { page } = await explorer.openPhone('?view=network&ne=200&ni=50&T=500');
    expect(await networkFinished(page)).toMatch(/^done/);
    const raster = page.locator('[data-view=network] .raster');
    const reset = page.locator('[data-view=network] .plot-foot [data-action=reset-zoom]');
    expect(await reset.isVisible()).toBe(false);
    const hint = await page.locator('[data-view=network] .plot-foot .hint').innerText();
    expect(hint).toMatch(/pinch/i);
    await pinch(page, raster.locator('.u-over'), 40, 160);
    await expect.poll(() => windowOf(raster)).toBeDefined();
    const [min, max] = (await windowOf(raster)) ?? [0, 0];
    expect(max - min).toBeGreaterThan(500 / 4 - 10);
    expect(max - min).toBeLessThan(500 / 4 + 10);
    // no tap on a row: a pinch picks no neuron
    expect(await page.locator('[data-view=network] .chart-title[data-neuron]').count()).toBe(0);
    expect(await reset.isVisible()).toBe(true);
    await screenshot(page, 'touch-network-pinch');
    await reset.tap();
    await expect.poll(() => windowOf(raster)).toBeUndefined();
    expect(await reset.isVisible()).toBe(false);
    await page.context().close();
  });
});
