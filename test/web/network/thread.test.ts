// Browser tests of a network's threads in the page (web/network/thread.ts): the page is
// cross-origin isolated, a sparse network of 3000 neurons and the paper's dense network of 5000
// give the library's spikes in Node on 1, 2 and 3 Web Workers, a bad K is named under its field
// with the last plot kept, and a server without the isolation headers still runs them, in one
// worker, and says so.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  renderNetworkFigure,
  simulateNetwork,
  simulateSparseNetwork,
  type NetworkResult,
  type SparseNetworkResult,
} from '../../../src/index.js';
import {
  countPixels,
  networkFinished as finished,
  networkStatus as status,
  screenshot,
  startExplorer,
  type Explorer,
} from '../explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

const view = (page: Page) => page.locator('[data-view=network]');

/** The run's spikes as the page exports them (CSV `t,i`). */
async function exportedSpikes(page: Page): Promise<{ t: number[]; i: number[] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view(page).locator('[data-export=csv]').click(),
  ]);
  const rows = readFileSync((await download.path()) as string, 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return {
    t: rows.map((row) => Number(row.split(',')[0])),
    i: rows.map((row) => Number(row.split(',')[1])),
  };
}

const SETTINGS = { ne: 2400, ni: 600, synapses: 100, seed: 3, duration: 400 };
const QUERY = `?view=network&ne=2400&ni=600&K=100&seed=3&T=400`;

/** The library's run in Node, on one thread: the reference every page run must give. */
let reference: SparseNetworkResult;
const library = async (): Promise<SparseNetworkResult> =>
  (reference ??= await simulateSparseNetwork(SETTINGS));

/** The paper's all-to-all network, large enough (≥ THREADS_FROM neurons) to run on threads. */
const DENSE = { ne: 4000, ni: 1000, seed: 3, duration: 300 };
const DENSE_QUERY = `?view=network&ne=4000&ni=1000&seed=3&T=300`;
let denseReference: NetworkResult;
const denseLibrary = (): NetworkResult => (denseReference ??= simulateNetwork(DENSE));

function expectSameSpikes(page: { t: number[]; i: number[] }, node: NetworkResult): void {
  expect(page.t.length).toBe(node.spikes.t.length);
  expect(page.t).toEqual(Array.from(node.spikes.t));
  expect(page.i).toEqual(Array.from(node.spikes.i));
}

describe('sparse networks on Web Workers', () => {
  it('the page is cross-origin isolated, and 1, 2 and 3 workers give the library’s spikes', async () => {
    const node = await library();
    expect(node.spikes.t.length).toBeGreaterThan(1000);
    for (const threads of [1, 2, 3]) {
      const { page, errors } = await explorer.open(`${QUERY}&threads=${threads}`);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
      expect(
        await view(page).locator('[data-threads-note]').getAttribute('data-threads-note'),
      ).toBe('shared');
      expect(await finished(page)).toMatch(/^done/);
      expect(await status(page)).toContain(
        threads === 1 ? 'in one worker' : `on ${threads} threads`,
      );
      expect(await view(page).getAttribute('data-threads')).toBe(String(threads));
      expectSameSpikes(await exportedSpikes(page), node);
      if (threads === 3) {
        await screenshot(page, 'network-sparse-3-threads');
        const [svg] = await Promise.all([
          page.waitForEvent('download'),
          view(page).locator('[data-export=svg]').click(),
        ]);
        expect(readFileSync((await svg.path()) as string, 'utf8')).toContain(
          '100 synapses per neuron',
        );
        // a click on the raster re-runs the sparse network on its threads, recording that
        // neuron: the figure then draws the library's v(t) of that neuron, as Node computes it
        const box = await view(page).locator('.raster .u-over').boundingBox();
        if (box === null) throw new Error('no raster');
        await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.5);
        const title = view(page).locator('.chart-title[data-neuron]');
        await title.waitFor();
        const neuron = Number(await title.getAttribute('data-neuron'));
        const traced = await simulateSparseNetwork({ ...SETTINGS, record: [neuron] });
        const trace = traced.traces[neuron];
        if (trace === undefined) throw new Error('no trace');
        const [figure] = await Promise.all([
          page.waitForEvent('download'),
          view(page).locator('[data-export=svg]').click(),
        ]);
        const expected = renderNetworkFigure({
          ne: SETTINGS.ne,
          ni: SETTINGS.ni,
          duration: SETTINGS.duration,
          spikes: node.spikes,
          populationRate: node.populationRate,
          trace: { neuron, t: trace.t, v: trace.v.map((v) => Math.min(v, 30)) },
          subtitle: 'seed 3 · dt = 1 ms · 100 synapses per neuron · weights scaled to the size',
        });
        expect(readFileSync((await figure.path()) as string, 'utf8')).toBe(expected);
        const phone = await explorer.open(`${QUERY}&threads=2`, { width: 390, height: 844 });
        expect(await finished(phone.page)).toMatch(/^done/);
        await screenshot(phone.page, 'network-sparse-phone', true);
        expect(phone.errors).toEqual([]);
        await phone.page.close();
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 240000);

  it('the paper’s dense network of 5000 neurons gives the library’s spikes on 1, 2 and 3 workers', async () => {
    const node = denseLibrary();
    expect(node.spikes.t.length).toBeGreaterThan(1000);
    for (const threads of [1, 2, 3]) {
      // 5000 neurons: the view runs it by itself as it opens
      const { page, errors } = await explorer.open(`${DENSE_QUERY}&threads=${threads}`);
      expect(await finished(page)).toMatch(/^done/);
      expect(await status(page)).toContain(
        threads === 1 ? 'in one worker' : `on ${threads} threads`,
      );
      expect(await view(page).getAttribute('data-threads')).toBe(String(threads));
      expectSameSpikes(await exportedSpikes(page), node);
      if (threads === 3) await screenshot(page, 'network-dense-3-threads');
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 240000);

  it('a bad K is named under its field, and Run keeps the last good plot', async () => {
    const { page, errors } = await explorer.open(`${QUERY}&threads=2`);
    expect(await finished(page)).toMatch(/^done/);
    const canvas = view(page).locator('.raster canvas');
    const blue = await countPixels(canvas, [29, 78, 216]);
    expect(blue).toBeGreaterThan(1000);
    const spikes = await view(page).locator('[data-value=spikes]').innerText();
    const field = view(page).locator('[data-field=net-synapses]');
    const message = field.locator('xpath=../..').locator('.field-error');
    for (const [text, expected] of [
      ['0', /synapses must be a whole number from 1/],
      ['2.5', /got 2\.5/],
      ['many', /whole number, or all/],
      ['100000', /3000 neurons × 100000 synapses needs .*\(at most about \d+ fit with 100000/],
    ] as const) {
      await field.fill(text);
      await expect.poll(() => message.innerText()).toMatch(expected);
    }
    await field.fill('0');
    await view(page).locator('[data-action=run]').click();
    expect(await status(page)).toBe('failed');
    // the raster and its count stay, faded and marked as not showing the settings on screen
    expect(await view(page).locator('[data-value=spikes]').innerText()).toBe(spikes);
    expect(await countPixels(canvas, [29, 78, 216], 80)).toBeGreaterThan(1000);
    expect(await view(page).locator('[data-stale-note]').isVisible()).toBe(true);
    await screenshot(page, 'network-sparse-bad-k');
    // `all` is the paper's dense network again: the message goes.
    await field.fill('all');
    await expect.poll(() => message.innerText()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it('a sparse run shows its build’s progress, then its steps’; Cancel stops it building or stepping', async () => {
    const node = await library();
    const { page, errors } = await explorer.open(`${QUERY}&threads=2`);
    expect(await finished(page)).toMatch(/^done/);
    const set = async (name: string, text: string): Promise<void> =>
      view(page).locator(`[data-field=net-${name}]`).fill(text);
    // 40 000 neurons × 1000 synapses: seconds of building, then seconds of steps
    await set('ne', '32000');
    await set('ni', '8000');
    await set('synapses', '1000');
    // every status line the view shows from here on
    await page.evaluate(() => {
      const status = document.querySelector('[data-view=network] [data-status]') as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const statusMatches = (pattern: string) =>
      page.waitForFunction(
        (source) =>
          new RegExp(source).test(
            document.querySelector('[data-view=network] [data-status]')?.textContent ?? '',
          ),
        pattern,
        { timeout: 120000, polling: 20 },
      );
    for (const stage of ['building', 'stepping']) {
      await view(page).locator('[data-action=run]').click();
      // cancelled part way: 1 to 99 % of the build, or of the steps
      await statusMatches(
        stage === 'building' ? '^building synapses [1-9]\\d? %$' : '^running… [1-9]\\d? %$',
      );
      if (stage === 'building') await screenshot(page, 'network-sparse-building');
      await view(page).locator('[data-action=cancel]').click();
      expect(await finished(page)).toBe('cancelled');
    }
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // the second run: building 0 … 100 %, rising, then its steps
    const second = seen.slice(seen.lastIndexOf('building the network…'));
    const building = second
      .filter((text) => text.startsWith('building synapses'))
      .map((text) => Number(/(\d+) %/.exec(text)?.[1]));
    expect(building.length).toBeGreaterThan(5);
    expect(building).toEqual([...building].sort((a, b) => a - b));
    expect(building.at(-1)).toBe(100);
    const firstRunning = second.findIndex((text) => text.startsWith('running'));
    const lastBuilding = second
      .map((text) => text.startsWith('building synapses'))
      .lastIndexOf(true);
    expect(firstRunning).toBeGreaterThan(lastBuilding);
    await set('ne', '2400');
    await set('ni', '600');
    await set('synapses', '100');
    await view(page).locator('[data-action=run]').click();
    expect(await finished(page)).toMatch(/^done.*on 2 threads/);
    expectSameSpikes(await exportedSpikes(page), node);
    expect(errors).toEqual([]);
    await page.close();
  }, 240000);

  it('without the isolation headers a sparse and a dense network run in one worker, say so, and give the same spikes', async () => {
    const node = await library();
    const { page, errors } = await explorer.openWithoutIsolation(`${QUERY}&threads=2`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const note = view(page).locator('[data-threads-note]');
    expect(await note.getAttribute('data-threads-note')).toBe('single');
    expect(await note.innerText()).toMatch(/not cross-origin isolated.*one Web Worker/);
    expect(await finished(page)).toMatch(/^done/);
    expect(await status(page)).toContain('in one worker');
    expectSameSpikes(await exportedSpikes(page), node);
    await screenshot(page, 'network-sparse-not-isolated');
    expect(errors).toEqual([]);
    await page.close();
    const dense = await explorer.openWithoutIsolation(`${DENSE_QUERY}&threads=2`);
    expect(await finished(dense.page)).toMatch(/^done/);
    expect(await status(dense.page)).toContain('in one worker');
    expectSameSpikes(await exportedSpikes(dense.page), denseLibrary());
    expect(dense.errors).toEqual([]);
    await dense.page.close();
  }, 120000);
});
