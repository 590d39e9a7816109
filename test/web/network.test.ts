// Browser tests of the network view: the worker's run matches the library's, the page stays
// responsive during a 10 000-neuron run, Cancel stops it, the memory guard answers in words.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { simulateNetwork } from '../../src/index.js';
import {
  countPixels,
  mainThreadTicks,
  screenshot,
  networkFinished as finished,
  networkStatus as status,
  startExplorer,
  watchMainThread,
  type Explorer,
} from './explorer.js';

/** The built CLI (`npm run build`; `npm test` builds before it tests). */
const CLI = resolve(import.meta.dirname, '../../bin/izhikit.js');

let explorer: Explorer;
beforeAll(async () => {
  if (!existsSync(resolve(import.meta.dirname, '../../dist/cli/main.js'))) {
    throw new Error('the network test compares with the CLI: run `npm run build` first');
  }
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

const view = (page: Page) => page.locator('[data-view=network]');
const value = async (page: Page, name: string): Promise<string> =>
  view(page).locator(`[data-value=${name}]`).innerText();

/** Pixels of the raster in the excitatory blue and the inhibitory red. */
async function rasterColours(page: Page): Promise<{ blue: number; red: number }> {
  const canvas = view(page).locator('.raster canvas');
  return {
    blue: await countPixels(canvas, [29, 78, 216]),
    red: await countPixels(canvas, [220, 38, 38]),
  };
}

describe('network view', () => {
  it('a run of 1000 neurons draws the raster and gives the CLI’s spikes for the same seed, line for line', async () => {
    const seed = 5;
    const { page, errors } = await explorer.open(`?view=network&ne=800&ni=200&seed=${seed}`);
    expect(await finished(page)).toMatch(/^done/);
    const reference = simulateNetwork({ ne: 800, ni: 200, seed });
    expect(Number(await value(page, 'spikes'))).toBe(reference.spikes.t.length);
    // The CLI on the same seed: the same spikes, line for line.
    const cli = execFileSync(
      process.execPath,
      [CLI, 'network', '--ne', '800', '--ni', '200', '--seed', String(seed), '--format', 'csv'],
      { encoding: 'utf8' },
    );
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      view(page).locator('[data-export=csv]').click(),
    ]);
    const exported = readFileSync((await csv.path()) as string, 'utf8');
    expect(exported.split('\n').length).toBe(cli.split('\n').length);
    expect(exported).toBe(cli);
    const excitatory = parseFloat(await value(page, 'excitatory'));
    const inhibitory = parseFloat(await value(page, 'inhibitory'));
    expect(excitatory).toBeCloseTo(reference.rates.excitatory, 2);
    expect(inhibitory).toBeCloseTo(reference.rates.inhibitory, 2);
    expect(parseFloat(await value(page, 'dominant'))).toBe(reference.dominantFrequency);
    const colours = await rasterColours(page);
    expect(colours.blue).toBeGreaterThan(1000);
    expect(colours.red).toBeGreaterThan(100);

    // Clicking a row shows that neuron's v(t).
    const over = view(page).locator('.raster .u-over');
    const box = await over.boundingBox();
    if (box === null) throw new Error('no raster');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.9);
    const title = view(page).locator('.chart-title[data-neuron]');
    await title.waitFor();
    const neuron = Number(await title.getAttribute('data-neuron'));
    expect(neuron).toBeGreaterThanOrEqual(0);
    expect(neuron).toBeLessThan(200);
    await screenshot(page, 'network-1000');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      view(page).locator('[data-export=svg]').click(),
    ]);
    expect(readFileSync((await svg.path()) as string, 'utf8')).toMatch(/^<svg/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the main thread keeps ticking during a 10 000-neuron run, and Cancel stops a run', async () => {
    const { page, errors } = await explorer.open('?view=network&ne=8000&ni=2000&seed=1');
    // A timer on the page: the run must not stop it.
    await watchMainThread(page);
    const started = Date.now();
    await view(page).locator('[data-action=run]').click();
    await page.waitForFunction(
      () => Number((document.querySelector('[data-progress]') as HTMLProgressElement).value) > 0.3,
      undefined,
      { timeout: 60000, polling: 20 },
    );
    await screenshot(page, 'network-10000-running');
    expect(await finished(page, 120000)).toMatch(/^done/);
    const seconds = (Date.now() - started) / 1000;
    const { ticks, maxGap } = await mainThreadTicks(page);
    console.log(
      `10 000-neuron run: ${seconds.toFixed(1)} s in the browser; the page's 10 ms timer ticked ` +
        `${ticks} times, longest gap ${maxGap.toFixed(0)} ms; ${await status(page)}`,
    );
    expect(ticks).toBeGreaterThan(seconds * 20);
    expect(Number(await value(page, 'spikes'))).toBeGreaterThan(0);
    await screenshot(page, 'network-10000');

    // Run again, five times longer so that the run cannot end before Cancel is clicked, and cancel it.
    await view(page).locator('[data-field=net-duration]').fill('5000');
    await view(page).locator('[data-action=run]').click();
    await page.waitForFunction(
      () => Number((document.querySelector('[data-progress]') as HTMLProgressElement).value) > 0.1,
      undefined,
      { timeout: 60000, polling: 20 },
    );
    await view(page).locator('[data-action=cancel]').click();
    expect(await finished(page)).toBe('cancelled');
    expect(errors).toEqual([]);
    await page.close();
  }, 180000);

  it('Cancel stops any run within 100 ms, from its first moment; a too-long duration is refused under its field', async () => {
    const { page, errors } = await explorer.open('?view=network&ne=200&ni=50');
    expect(await finished(page)).toMatch(/^done/);
    const spikesBefore = await value(page, 'spikes');
    // T = 1e9 ms: its spikes and analyses would need far more than the page has.
    await view(page).locator('[data-field=net-duration]').fill('1e9');
    const durationError = view(page).locator('[data-field=net-duration]').locator('xpath=../..');
    await expect.poll(() => durationError.innerText()).toMatch(/needs about .* at most \d+ ms fit/);
    await view(page).locator('[data-action=run]').click();
    expect(await status(page)).toBe('failed');
    await screenshot(page, 'network-duration-refused');

    /** Clicks Run, waits `delay` ms, clicks Cancel; returns the ms from Cancel to "cancelled". */
    const cancelAfter = (delay: number): Promise<number> =>
      page.evaluate(
        (wait) =>
          new Promise<number>((resolve) => {
            const root = document.querySelector('[data-view=network]') as HTMLElement;
            const statusLine = root.querySelector('[data-status]') as HTMLElement;
            (root.querySelector('[data-action=run]') as HTMLButtonElement).click();
            setTimeout(() => {
              const clicked = performance.now();
              (root.querySelector('[data-action=cancel]') as HTMLButtonElement).click();
              const check = (): void => {
                if (statusLine.textContent === 'cancelled') resolve(performance.now() - clicked);
                else requestAnimationFrame(check);
              };
              check();
            }, wait);
          }),
        delay,
      );
    // The longest duration the page takes for 1000 neurons, and a 10 000-neuron network still
    // building its weights: each stopped within 100 ms, at once and after a while.
    await view(page).locator('[data-field=net-ne]').fill('800');
    await view(page).locator('[data-field=net-ni]').fill('200');
    await view(page).locator('[data-field=net-duration]').fill('600000');
    expect(await durationError.innerText()).not.toMatch(/needs/);
    for (const delay of [0, 30, 500]) {
      const ms = await cancelAfter(delay);
      console.log(
        `T = 6e5 ms, 1000 neurons: cancelled ${delay} ms after Run in ${ms.toFixed(1)} ms`,
      );
      expect(ms).toBeLessThan(100);
    }
    await view(page).locator('[data-field=net-ne]').fill('8000');
    await view(page).locator('[data-field=net-ni]').fill('2000');
    await view(page).locator('[data-field=net-duration]').fill('1000');
    for (const delay of [0, 100]) {
      const ms = await cancelAfter(delay);
      console.log(`10 000 neurons: cancelled ${delay} ms after Run in ${ms.toFixed(1)} ms`);
      expect(ms).toBeLessThan(100);
    }
    // The cancelled run's settings are not what the plots show: they are marked stale.
    expect(await value(page, 'spikes')).toBe(spikesBefore);
    await expect.poll(() => view(page).locator('[data-stale-note]').isVisible()).toBe(true);
    await screenshot(page, 'network-cancelled-stale');
    // The view still runs afterwards, and the mark goes once the plots match the settings.
    await view(page).locator('[data-field=net-ne]').fill('200');
    await view(page).locator('[data-field=net-ni]').fill('50');
    await view(page).locator('[data-action=run]').click();
    expect(await finished(page)).toMatch(/^done/);
    expect(await view(page).locator('[data-stale-note]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it('the thalamic noise, weight scales and heterogeneity reach the run and the link', async () => {
    const query = '?view=network&ne=160&ni=40&seed=2&sigmaE=6.5&sigmaI=1&wE=0.4&wI=1.5&hetero=0';
    const { page, errors } = await explorer.open(query);
    expect(await finished(page)).toMatch(/^done/);
    const reference = simulateNetwork({
      ne: 160,
      ni: 40,
      seed: 2,
      excitatoryNoise: 6.5,
      inhibitoryNoise: 1,
      excitatoryWeight: 0.4,
      inhibitoryWeight: 1.5,
      heterogeneity: false,
    });
    expect(Number(await value(page, 'spikes'))).toBe(reference.spikes.t.length);
    expect(await view(page).locator('[data-field=net-excitatoryNoise]').inputValue()).toBe('6.5');
    expect(await view(page).locator('[data-field=net-hetero]').isChecked()).toBe(false);
    // Back to the paper's values: the paper's spikes.
    await view(page).locator('[data-field=net-excitatoryNoise]').fill('5');
    await view(page).locator('[data-field=net-inhibitoryNoise]').fill('2');
    await view(page).locator('[data-field=net-excitatoryWeight]').fill('0.5');
    await view(page).locator('[data-field=net-inhibitoryWeight]').fill('1');
    await view(page).locator('[data-field=net-hetero]').check();
    await view(page).locator('[data-action=run]').click();
    expect(await finished(page)).toMatch(/^done/);
    const paper = simulateNetwork({ ne: 160, ni: 40, seed: 2 });
    expect(Number(await value(page, 'spikes'))).toBe(paper.spikes.t.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('dragging across the raster zooms it in time without picking a neuron; a double-click resets', async () => {
    const { page, errors } = await explorer.open('?view=network&ne=200&ni=50&T=4000');
    expect(await finished(page)).toMatch(/^done/);
    const raster = view(page).locator('.raster');
    const over = raster.locator('.u-over');
    const box = await over.boundingBox();
    if (box === null) throw new Error('no raster');
    const before = await rasterColours(page);
    const y = box.y + box.height * 0.5;
    await page.mouse.move(box.x + box.width * 0.25, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 8 });
    await page.mouse.up();
    const [from, to] = ((await raster.getAttribute('data-window')) ?? '').split(',').map(Number);
    expect(from).toBeGreaterThan(900);
    expect(from).toBeLessThan(1100);
    expect(to).toBeGreaterThan(1900);
    expect(to).toBeLessThan(2100);
    // A quarter of the run over the whole width: about a quarter of the spikes, none squeezed.
    const zoomed = await rasterColours(page);
    expect(zoomed.blue).toBeGreaterThan(before.blue * 0.15);
    expect(zoomed.blue).toBeLessThan(before.blue * 0.4);
    // The drag picked no neuron.
    expect(await view(page).locator('.chart-title[data-neuron]').count()).toBe(0);
    await screenshot(page, 'network-raster-zoomed');
    await over.dblclick({ position: { x: box.width / 2, y: box.height / 2 } });
    expect(await raster.getAttribute('data-window')).toBe('');
    // The whole run again (the double-click's clicks also pick the row under it, which is
    // highlighted over a few spikes).
    expect((await rasterColours(page)).blue).toBeGreaterThan(before.blue * 0.9);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a network too large for memory gets a message, not a crash', async () => {
    const { page, errors } = await explorer.open('?view=network&ne=200&ni=50');
    await finished(page);
    await view(page).locator('[data-field=net-ne]').fill('40000');
    await view(page).locator('[data-action=run]').click();
    expect(await finished(page)).toBe('failed');
    const message = await view(page).locator('[data-error]').innerText();
    expect(message).toMatch(/needs .*GB/);
    await screenshot(page, 'network-memory-guard');
    // The view still works afterwards.
    await view(page).locator('[data-field=net-ne]').fill('400');
    await view(page).locator('[data-action=run]').click();
    expect(await finished(page)).toMatch(/^done/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a copied link reopens the same network', async () => {
    const { page } = await explorer.open('?view=network');
    await finished(page);
    await view(page).locator('[data-field=net-ne]').fill('400');
    await view(page).locator('[data-field=net-ni]').fill('100');
    await view(page).locator('[data-field=net-seed]').fill('7');
    await view(page).locator('[data-field=net-scale]').uncheck();
    await view(page).locator('[data-action=run]').click();
    await finished(page);
    const spikes = await value(page, 'spikes');
    await page.locator('[data-action=share]').click();
    const { page: fresh, errors } = await explorer.open(page.url().slice(explorer.url.length));
    expect(await finished(fresh)).toMatch(/^done/);
    expect(await view(fresh).locator('[data-field=net-seed]').inputValue()).toBe('7');
    expect(await view(fresh).locator('[data-field=net-scale]').isChecked()).toBe(false);
    expect(await value(fresh, 'spikes')).toBe(spikes);
    expect(errors).toEqual([]);
    await page.close();
    await fresh.close();
  });
});
