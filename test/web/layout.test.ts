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

  it('on a 390 × 844 phone a bottom tab bar reaches all four views, and the plot stays on screen while a slider is dragged', async () => {
    const viewport = { width: 390, height: 844 };
    const { page, errors } = await explorer.open('?view=neuron&preset=rs', viewport);
    await page.locator('[data-value=count]').waitFor();
    for (const name of ['gallery', 'network', 'dynamics', 'neuron']) {
      const tab = page.locator(`[data-tab=${name}]`);
      const box = await tab.boundingBox();
      if (box === null) throw new Error(`tab ${name} is not visible`);
      // Each tab is whole on screen, at the bottom, wide enough for a thumb.
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(box.y).toBeGreaterThan(viewport.height - 80);
      expect(box.width).toBeGreaterThan(60);
      expect(box.height).toBeGreaterThanOrEqual(36);
      await tab.click();
      await expect.poll(() => page.locator(`[data-view=${name}]`).isVisible()).toBe(true);
      expect(await tab.getAttribute('aria-current')).toBe('page');
      await screenshot(page, `phone-${name}`);
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // Scroll to the d slider, far below the plot, and drag it: the v(t) plot stays in view,
    // above the tab bar and below the top bar, and redraws.
    const slider = page.locator('[data-slider=d]');
    await slider.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    // The page has scrolled well past the plot's own place, and the slider is not under it.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const sliderBox = await slider.boundingBox();
    if (sliderBox === null) throw new Error('no d slider');
    const plotBox = await page.locator('.trace-chart').boundingBox();
    expect(sliderBox.y).toBeGreaterThan((plotBox?.y ?? 0) + (plotBox?.height ?? 0));
    const plot = page.locator('.trace-v');
    const pixels = await plot
      .locator('canvas')
      .evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    const y = sliderBox.y + sliderBox.height / 2;
    await page.mouse.move(sliderBox.x + sliderBox.width * 0.6, y);
    await page.mouse.down();
    const inView: boolean[] = [];
    for (const to of [0.65, 0.7, 0.75, 0.8]) {
      await page.mouse.move(sliderBox.x + sliderBox.width * to, y, { steps: 3 });
      const box = await plot.boundingBox();
      const bar = await page.locator('.tabs').boundingBox();
      const top = await page.locator('.topbar').boundingBox();
      inView.push(
        box !== null &&
          bar !== null &&
          top !== null &&
          box.y >= top.y + top.height - 1 &&
          box.y + box.height <= bar.y + 1 &&
          box.height > 120,
      );
    }
    await screenshot(page, 'phone-neuron-dragging');
    await page.mouse.up();
    expect(inView).toEqual([true, true, true, true]);
    expect(
      await plot.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL()),
    ).not.toBe(pixels);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a 390 px touch phone no tab label is cut off, and every tab keeps its full name for screen readers', async () => {
    // A phone's screen: text is laid out for three device pixels per CSS pixel.
    const { page, errors } = await explorer.openPhone('?view=neuron', 3);
    // The names of the tabs whose shown label is wider than the room inside their padding.
    const tabsCut = (): Promise<string[]> =>
      page.locator('.tab').evaluateAll((all) =>
        all
          .filter((tab) => {
            const style = getComputedStyle(tab);
            const room =
              tab.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return [...tab.children].some(
              (label) =>
                label.getClientRects().length > 0 && label.getBoundingClientRect().width > room,
            );
          })
          .map((tab) => tab.getAttribute('data-tab') ?? ''),
      );
    // Each tab in turn is the current one, whose label is bold and so wider.
    for (const name of ['gallery', 'network', 'polychron', 'dynamics', 'neuron']) {
      await page.locator(`[data-tab=${name}]`).click();
      expect(await tabsCut()).toEqual([]);
    }
    const tabs = await page.locator('.tab').evaluateAll((all) =>
      all.map((tab) => ({
        name: tab.getAttribute('aria-label') ?? tab.textContent,
        shown: (tab as HTMLElement).innerText,
      })),
    );
    expect(tabs.map((tab) => tab.name)).toEqual([
      'Neuron',
      'Gallery',
      'Network',
      'Polychronization',
      'Dynamics',
    ]);
    expect(tabs[3]?.shown).toBe('Polychrony');
    expect(await page.getByRole('button', { name: 'Polychronization' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('on a 390 × 844 phone with v, u and I(t) shown, the panels fit the chart: the time axis is not cut off', async () => {
    const viewport = { width: 390, height: 844 };
    const { page, errors } = await explorer.open('?view=neuron&preset=rs&show=I,u', viewport);
    await page.locator('.trace-I canvas').waitFor();
    await page.waitForTimeout(300);
    const fit = await page.locator('.trace-chart').evaluate((chart) => {
      const bottom = chart.getBoundingClientRect().bottom;
      const panels = [...chart.querySelectorAll('.trace-panel')].map((panel) =>
        Math.round(panel.getBoundingClientRect().height),
      );
      const last = chart.querySelector('.trace-panel:last-child') as HTMLElement;
      return { over: last.getBoundingClientRect().bottom - bottom, panels };
    });
    await screenshot(page, 'layout-phone-three-panels');
    expect(fit.over).toBeLessThanOrEqual(1);
    // Each short panel keeps room for a readable plot (its bottom one also holds the time axis).
    expect(fit.panels).toHaveLength(3);
    for (const height of fit.panels.slice(1)) expect(height).toBeGreaterThanOrEqual(40);
    expect(fit.panels[0]).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await page.close();
  });
});
