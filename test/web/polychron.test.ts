// Browser tests of the polychronization view: the worker's network learns while the page stays
// responsive, Pause stops the clock, the browser's per-second history equals Node's for the same
// seed, a damaged checkpoint is refused next to its control, a fresh network has no groups.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CheckpointError,
  PolychronSimulation,
  findPolychronousGroups,
  loadCheckpoint,
  saveCheckpoint,
} from '../../src/index.js';
import {
  countPixels,
  mainThreadTicks,
  screenshot,
  startExplorer,
  watchMainThread,
  type Explorer,
} from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

const view = (page: Page) => page.locator('[data-view=polychron]');
const modelTime = async (page: Page): Promise<number> =>
  Number(await view(page).getAttribute('data-time'));

/** Waits until the worker reports a paused run at `time` ms of model time. */
async function pausedAt(page: Page, time: number, timeout = 60000): Promise<void> {
  await page.waitForFunction(
    (ms) => {
      const v = document.querySelector('[data-view=polychron]') as HTMLElement | null;
      return v?.dataset.running === 'false' && v.dataset.time === String(ms);
    },
    time,
    { timeout, polling: 50 },
  );
}

/** Sets the seed and the pause second, presses Run and waits for the pause. */
async function runTo(page: Page, seed: number, seconds: number): Promise<void> {
  await view(page).locator('[data-field=poly-seed]').fill(String(seed));
  await view(page).locator('[data-field=poly-until]').fill(String(seconds));
  await view(page).locator('[data-action=poly-run]').click();
  await pausedAt(page, seconds * 1000);
}

/** Pixels of the first canvas under `selector` within `tolerance` of the colour [r, g, b]. */
const pixels = (
  page: Page,
  selector: string,
  rgb: [number, number, number],
  tolerance = 0,
): Promise<number> => countPixels(view(page).locator(`${selector} canvas`).first(), rgb, tolerance);

/** Chooses a file of `bytes` named `name` in the Load checkpoint control. */
const loadFile = (page: Page, name: string, bytes: Uint8Array): Promise<void> =>
  view(page)
    .locator('[data-field=poly-load]')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });

async function download(page: Page, action: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    view(page).locator(`[data-action=${action}]`).click(),
  ]);
  return readFileSync((await file.path()) as string);
}

describe('polychronization view', () => {
  it('opens from its tab with no console errors, the seed and variant checked by the library', async () => {
    const { page, errors } = await explorer.open('?view=polychron&seed=2.5&variant=java');
    await expect
      .poll(() => page.locator('[data-tab=polychron]').getAttribute('aria-current'))
      .toBe('page');
    const seedError = view(page).locator('[data-field=poly-seed]').locator('xpath=../..');
    await expect
      .poll(() => seedError.locator('.field-error').innerText())
      .toBe('seed must be a whole number from 0 to 4294967295, got 2.5');
    const variantError = view(page).locator('[data-field=poly-variant]').locator('xpath=../..');
    expect(await variantError.locator('.field-error').innerText()).toBe(
      "variant must be matlab or cpp, got 'java'",
    );
    await view(page).locator('[data-field=poly-seed]').fill('2');
    expect(await seedError.locator('.field-error').innerText()).toBe('');
    await view(page).locator('[data-field=poly-variant]').fill('cpp');
    expect(await variantError.locator('.field-error').innerText()).toBe('');
    await expect.poll(() => page.evaluate(() => window.location.search)).toContain('variant=cpp');
    await screenshot(page, 'polychron-fresh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Run learns in the worker: raster and histogram drawn, per-second rates equal to Node’s', async () => {
    const seed = 7;
    const { page, errors } = await explorer.open('?view=polychron');
    await runTo(page, seed, 3);
    const reference = new PolychronSimulation({ seed });
    reference.advance(3000);
    const expected = reference.result();
    const spikes = Number(
      await view(page).locator('.polychron-wide').first().getAttribute('data-spikes'),
    );
    expect(spikes).toBe(expected.lastSecond.t.length);
    expect(spikes).toBeGreaterThan(1000);
    // Blue and red dots on the raster, blue bars on the histogram.
    expect(await pixels(page, '.polychron-wide', [29, 78, 216])).toBeGreaterThan(500);
    expect(await pixels(page, '.polychron-wide', [220, 38, 38])).toBeGreaterThan(100);
    // The bars: the excitatory blue (the fill is 55 % opaque on a transparent canvas).
    expect(
      await pixels(page, '.chart-box:has-text("Weight histogram")', [29, 78, 216], 3),
    ).toBeGreaterThan(100);
    // The history, downloaded as CSV, holds Node's numbers exactly.
    const csv = (await download(page, 'poly-history')).toString('utf8').trim().split('\n');
    expect(csv[0]).toBe('second,excitatory_rate_hz,inhibitory_rate_hz,strong_percent');
    const rows = csv.slice(1).map((line) => line.split(',').map(Number));
    expect(rows.map((row) => row[1])).toEqual([...expected.history.excitatoryRate]);
    expect(rows.map((row) => row[2])).toEqual([...expected.history.inhibitoryRate]);
    expect(rows.map((row) => row[3])).toEqual([...expected.history.strongPercent]);
    expect(await view(page).locator('[data-value=excitatory]').innerText()).toMatch(/ Hz$/);
    await screenshot(page, 'polychron-1280x800', true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the page keeps ticking while the network learns; Pause stops the clock, Resume restarts it', async () => {
    const { page, errors } = await explorer.open('?view=polychron&seed=3');
    // A 10 ms timer on the page, and a count of the clock updates the worker sends.
    await watchMainThread(page);
    await page.evaluate(() => {
      const w = window as unknown as { clock: number };
      w.clock = 0;
      new MutationObserver(() => w.clock++).observe(
        document.querySelector('[data-view=polychron]') as HTMLElement,
        { attributeFilter: ['data-time'] },
      );
    });
    await view(page).locator('[data-action=poly-run]').click();
    const started = Date.now();
    await page.waitForTimeout(3000);
    const seconds = (Date.now() - started) / 1000;
    const { ticks, maxGap } = await mainThreadTicks(page);
    const clock = await page.evaluate(() => (window as unknown as { clock: number }).clock);
    await expect
      .poll(() => view(page).locator('[data-poly-status]').innerText(), { timeout: 10000 })
      .toMatch(/^running: .* s of model time, [\d.]+ model s per s$/);
    console.log(
      `${await view(page).locator('[data-poly-status]').innerText()}; in ${seconds.toFixed(1)} s ` +
        `the page's 10 ms timer ticked ${ticks} times (longest gap ${maxGap.toFixed(0)} ms), ` +
        `the clock changed ${clock} times`,
    );
    expect(ticks).toBeGreaterThan(seconds * 20);
    // At most about ten updates a second, however fast the model runs.
    expect(clock).toBeLessThanOrEqual(Math.ceil(seconds * 10));
    expect(await modelTime(page)).toBeGreaterThan(1000);
    // From the click to the worker's answer that it stopped, five times.
    const latencies: number[] = [];
    for (let k = 0; k < 5; k++) {
      latencies.push(
        await page.evaluate(async () => {
          const v = document.querySelector('[data-view=polychron]') as HTMLElement;
          const begun = performance.now();
          (document.querySelector('[data-action=poly-pause]') as HTMLButtonElement).click();
          while (v.dataset.running !== 'false') await new Promise((r) => setTimeout(r, 1));
          return performance.now() - begun;
        }),
      );
      const stopped = await modelTime(page);
      await page.waitForTimeout(k === 0 ? 1000 : 100);
      expect(await modelTime(page)).toBe(stopped);
      expect(await view(page).locator('[data-poly-status]').innerText()).toMatch(/^paused at /);
      await view(page).locator('[data-action=poly-resume]').click();
      await page.waitForFunction(
        (ms) =>
          Number((document.querySelector('[data-view=polychron]') as HTMLElement).dataset.time) >
          ms + 300,
        stopped,
        { timeout: 30000, polling: 20 },
      );
    }
    console.log(`Pause answered in ${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    await view(page).locator('[data-action=poly-pause]').click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a damaged checkpoint is refused next to the control, the run kept; a good one resumes', async () => {
    const { page, errors } = await explorer.open('?view=polychron');
    await runTo(page, 11, 1);
    const saved = await download(page, 'poly-save');
    expect(loadCheckpoint(new Uint8Array(saved)).time).toBe(1000);
    const damaged = Buffer.from(saved);
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = (damaged[middle] as number) ^ 0xff;
    let reason = '';
    try {
      loadCheckpoint(new Uint8Array(damaged));
    } catch (error) {
      expect(error).toBeInstanceOf(CheckpointError);
      reason = (error as Error).message;
    }
    expect(reason).not.toBe('');
    await loadFile(page, 'damaged.ckpt', damaged);
    await expect.poll(() => view(page).locator('[data-poly-load-error]').innerText()).toBe(reason);
    expect(await modelTime(page)).toBe(1000);
    expect(await view(page).locator('[data-field=poly-seed]').inputValue()).toBe('11');
    // A good checkpoint of another seed replaces the run.
    const other = new PolychronSimulation({ seed: 12 });
    other.advance(500);
    await loadFile(page, 'seed12.ckpt', saveCheckpoint(other));
    await pausedAt(page, 500);
    expect(await view(page).locator('[data-field=poly-seed]').inputValue()).toBe('12');
    expect(await view(page).locator('[data-poly-load-error]').innerText()).toBe('');
    expect(await view(page).locator('[data-poly-load-note]').innerText()).toBe(
      'loaded seed12.ckpt: press Resume to go on learning',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Find groups on a fresh network says there are no groups; the phone layout fits', async () => {
    const { page, errors } = await explorer.open('?view=polychron', { width: 390, height: 844 });
    await runTo(page, 1, 1);
    await view(page).locator('[data-action=poly-groups]').click();
    await expect
      .poll(() => view(page).locator('[data-groups-status]').innerText(), { timeout: 60000 })
      .toMatch(/^no groups at 1 s of model time/);
    expect(await view(page).locator('[data-field=poly-group]').isDisabled()).toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await screenshot(page, 'polychron-390x844', true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Find groups on a learnt network (loaded from a checkpoint) finds Node’s groups and draws them', async () => {
    // A small network learns fast enough for a test: 200 + 50 neurons, 40 synapses, 60 s.
    const run = new PolychronSimulation({
      seed: 1,
      variant: 'cpp',
      ne: 200,
      ni: 50,
      synapsesPerNeuron: 40,
    });
    run.advance(60000);
    const expected = findPolychronousGroups(run.state);
    expect(expected.count).toBeGreaterThan(0);
    const { page, errors } = await explorer.open('?view=polychron');
    await loadFile(page, 'learnt.ckpt', saveCheckpoint(run));
    await pausedAt(page, 60000);
    await view(page).locator('[data-action=poly-groups]').click();
    const status = view(page).locator('[data-groups-status]');
    await expect
      .poll(() => status.innerText(), { timeout: 60000 })
      .toMatch(new RegExp(`^${expected.count} groups? at 60 s of model time`));
    expect(await status.getAttribute('data-count')).toBe(String(expected.count));
    const first = expected.groups[0] as (typeof expected.groups)[number];
    const title = view(page).locator('.chart-title', { hasText: /^Group 1 of/ });
    expect(await title.innerText()).toBe(
      `Group 1 of ${expected.count}: the anchors (amber) are strong inputs of neuron ${first.neuron}; ` +
        `${first.members.length} firings, ${first.layers} layers, ${first.span} ms`,
    );
    // The anchors in amber, the other firings in blue.
    const groupBox = '.chart-box:has-text("Group 1 of")';
    expect(await pixels(page, groupBox, [245, 158, 11])).toBeGreaterThan(10);
    expect(await pixels(page, groupBox, [29, 78, 216])).toBeGreaterThan(10);
    await screenshot(page, 'polychron-groups', true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);
});
