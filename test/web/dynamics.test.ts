// Browser tests of the dynamics view: the f–I curve and its class, the parameter map run in Web
// Workers (same codes as in Node), a cell opening in the neuron view, and bad input.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  FIRING_PATTERN_LABELS,
  FIRING_PATTERNS,
  axisValue,
  computeParameterMap,
  type ParameterMap,
} from '../../src/index.js';
import { mapDigest } from '../../web/dynamics/map-export.js';
import {
  DEFAULT_DYNAMICS,
  readDynamicsParams,
  writeDynamicsParams,
  type DynamicsState,
} from '../../web/dynamics/state.js';
import { screenshot, startExplorer, type Explorer } from './explorer.js';
import { DYNAMICS_VIEW, cellPoint, finishedMap } from './map-page.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

const RS = { a: 0.02, b: 0.2, c: -65, d: 8 };
const view = DYNAMICS_VIEW;
/** Tall enough to see the curve, the map and the settings at once in a screenshot. */
const TALL = { width: 1280, height: 1250 };

/** The class the f–I panel shows (`class 1`, `class 2` or `none`), once a curve is on screen. */
async function fiClass(page: Page): Promise<string> {
  const verdict = page.locator(`${view} [data-fi-class]`);
  await expect.poll(() => verdict.getAttribute('data-fi-class')).toMatch(/class|none/);
  return (await verdict.getAttribute('data-fi-class')) ?? '';
}

/** The durations (ms) of the map runs measured by the page. */
const mapTimes = (page: Page): Promise<number[]> =>
  page.evaluate(() =>
    performance.getEntriesByName('izhikit:map', 'measure').map((entry) => entry.duration),
  );

describe('dynamics view', () => {
  it('loads without console errors, says RS is Class 1 and draws the default 100 × 100 map', async () => {
    const { page, errors } = await explorer.open('?view=dynamics', TALL);
    expect(await fiClass(page)).toBe('class 1');
    expect(await page.locator(`${view} [data-fi-class]`).innerText()).toMatch(/^Class 1/);
    const first = await finishedMap(page);
    expect(first.counts.reduce((sum, n) => sum + n, 0)).toBe(10000);
    // Three more runs of the same map, with the workers already started.
    for (let run = 2; run <= 4; run++) {
      await page.locator('[data-action=map-run]').click();
      await expect.poll(async () => (await mapTimes(page)).length, { timeout: 20000 }).toBe(run);
    }
    const [cold, ...warm] = await mapTimes(page);
    const median = [...warm].sort((x, y) => x - y)[1] ?? NaN;
    const workers = await page.evaluate(() =>
      Math.max(1, Math.min(4, navigator.hardwareConcurrency)),
    );
    console.log(
      `100 × 100 map in the browser (${workers} workers, Run to drawn map): first run ` +
        `${cold?.toFixed(0)} ms (workers starting), then ${warm.map((t) => t.toFixed(0)).join(', ')} ms ` +
        `(median ${median.toFixed(0)} ms)`,
    );
    await screenshot(page, 'dynamics-rs');
    // On a tablet the settings go under the plots.
    const { page: tablet, errors: tabletErrors } = await explorer.open(
      '?view=dynamics&x=c:-70:-40:30&y=d:0:10:30',
      { width: 800, height: 1000 },
    );
    await finishedMap(tablet);
    await screenshot(tablet, 'dynamics-tablet-800', true);
    expect(errors).toEqual([]);
    expect(tabletErrors).toEqual([]);
    await page.close();
    await tablet.close();
  });

  it('a map of another neuron is marked stale, and the neuron edited in the neuron view follows into Dynamics', async () => {
    const { page, errors } = await explorer.open('?view=dynamics&x=a:0:0.2:20&y=b:0:0.3:20', TALL);
    await finishedMap(page);
    const staleNote = page.locator(`${view} [data-stale-note]`);
    const mapOpacity = async (): Promise<number> =>
      Number(await page.locator(`${view} .map-body`).evaluate((e) => getComputedStyle(e).opacity));
    expect(await staleNote.isVisible()).toBe(false);
    expect(await mapOpacity()).toBe(1);
    // Another preset: the map on screen was computed for RS.
    await page.locator('[data-field=dyn-preset]').selectOption('ch');
    await expect.poll(() => staleNote.isVisible()).toBe(true);
    expect(await mapOpacity()).toBeLessThan(0.6);
    await screenshot(page, 'dynamics-map-stale', true);
    await page.locator('[data-action=map-run]').click();
    await finishedMap(page);
    expect(await staleNote.isVisible()).toBe(false);

    // In the neuron view: FS with d changed; back in Dynamics, that neuron is there.
    await page.locator('[data-tab=neuron]').click();
    await page.locator('[data-field=preset]').selectOption('fs');
    await page.locator('[data-field=d]').fill('3');
    await page.locator('[data-tab=dynamics]').click();
    expect(await page.locator('[data-field=dyn-preset]').inputValue()).toBe('fs');
    expect(await page.locator('[data-field=dyn-a]').inputValue()).toBe('0.1');
    expect(await page.locator('[data-field=dyn-d]').inputValue()).toBe('3');
    expect(page.url()).toContain('preset=fs');
    expect(page.url()).toContain('d=3');
    // The map was of chattering: stale again.
    expect(await staleNote.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the f–I curve of class-2-excitable says Class 2 and that of class-1-excitable Class 1', async () => {
    const { page, errors } = await explorer.open('?view=dynamics&x=c:-70:-40:20&y=d:0:10:20');
    await fiClass(page);
    const picker = page.locator('[data-field=dyn-preset]');
    const verdict = page.locator(`${view} [data-fi-class]`);
    await picker.selectOption('class-2-excitable');
    await expect.poll(() => verdict.getAttribute('data-fi-class')).toBe('class 2');
    expect(await verdict.innerText()).toMatch(/^Class 2/);
    expect(await page.locator(`${view} [data-value=rheobase]`).innerText()).toMatch(/^0\.4/);
    // Pointing at the curve reads a point off it.
    const plot = await page.locator(`${view} .fi-chart .u-over`).boundingBox();
    if (plot === null) throw new Error('no f–I plot');
    await page.mouse.move(plot.x + plot.width * 0.5, plot.y + plot.height / 2);
    await expect.poll(() => page.locator(`${view} .fi-hover`).innerText()).toMatch(/^I = 10: \d+/);
    await screenshot(page, 'dynamics-fi-class-2');
    await picker.selectOption('class-1-excitable');
    await expect.poll(() => verdict.getAttribute('data-fi-class')).toBe('class 1');
    expect(await verdict.innerText()).toMatch(/^Class 1/);
    // Its model terms (k1 = 4.1, k0 = 108) come from the preset and are said.
    expect(await page.locator(`${view} [data-model-terms]`).innerText()).toContain('k1 = 4.1');
    await expect.poll(() => page.url()).toContain('preset=class-1-excitable');
    await screenshot(page, 'dynamics-fi-class-1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 40 × 40 map has the codes Node computes, at least 3 classes, and a cell opens in the neuron view', async () => {
    const { page, errors } = await explorer.open('?view=dynamics&x=a:0:0.2:40&y=b:0:0.3:40', TALL);
    const shown = await finishedMap(page);
    const node: ParameterMap = await computeParameterMap({
      x: { name: 'a', from: 0, to: 0.2, steps: 40 },
      y: { name: 'b', from: 0, to: 0.3, steps: 40 },
      base: RS,
      input: 10,
    });
    expect(shown.counts).toEqual(node.counts);
    expect(shown.digest).toBe(mapDigest(node.codes));
    expect(node.counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    // The canvas is drawn: many pixels, in at least three of the map's colours.
    const colours = await page.locator(`${view} .map-canvas`).evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Map<string, number>();
      for (let i = 0; data !== undefined && i < data.length; i += 4) {
        const key = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      return [...seen.values()].filter((n) => n > 500).length;
    });
    expect(colours).toBeGreaterThanOrEqual(3);
    expect(await page.locator(`${view} .map-legend li:not(.empty)`).count()).toBeGreaterThanOrEqual(
      3,
    );
    await screenshot(page, 'dynamics-map-40');

    // The exports: the library's SVG figure, and the codes as CSV and JSON.
    const download = async (name: string): Promise<string> => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${view} [data-export=${name}]`).click(),
      ]);
      return readFileSync((await file.path()) as string, 'utf8');
    };
    expect(await download('map-svg')).toMatch(/^<svg[\s\S]*Firing patterns over \(a, b\)/);
    const csv = (await download('map-csv')).trim().split('\n');
    expect(csv[0]).toBe('a,b,code,pattern');
    expect(csv).toHaveLength(1 + 1600);
    const json = JSON.parse(await download('map-json')) as { codes: number[]; counts: number[] };
    expect(json.codes).toEqual(Array.from(node.codes));
    expect(json.counts).toEqual(node.counts);
    expect(await download('fi-svg')).toMatch(/^<svg[\s\S]*rheobase/);
    expect((await download('fi-csv')).split('\n')[0]).toBe('I,rate_hz,spikes,started_at_rest');

    // Click the cell of a = 0.0205, b = 0.2 (near RS) and see its trace in the neuron view.
    const ix = 4;
    const iy = 26;
    const code = node.codes[iy * 40 + ix] as number;
    const { x: px, y: py } = await cellPoint(page, ix, iy, 40, 40);
    await page.mouse.move(px, py);
    const expectedLabel = FIRING_PATTERN_LABELS[FIRING_PATTERNS[code] ?? 'quiescent'];
    await expect
      .poll(() => page.locator(`${view} .map-hover`).innerText())
      .toContain(expectedLabel);
    await screenshot(page, 'dynamics-map-hover');
    await page.mouse.click(px, py);
    await page.locator('[data-view=neuron]').waitFor({ state: 'visible' });
    const spec = node.spec;
    expect(Number(await page.locator('[data-field=a]').inputValue())).toBeCloseTo(
      axisValue(spec.x, ix),
      12,
    );
    expect(Number(await page.locator('[data-field=b]').inputValue())).toBeCloseTo(
      axisValue(spec.y, iy),
      12,
    );
    expect(Number(await page.locator('[data-field=c]').inputValue())).toBe(-65);
    expect(await page.locator('[data-field=input]').inputValue()).toBe('10');
    expect(await page.locator('[data-value=pattern]').innerText()).toBe(expectedLabel);
    await expect.poll(() => page.url()).toContain('view=neuron');
    await screenshot(page, 'dynamics-cell-in-neuron-view');
    // Back returns to the map; from the keyboard, arrows pick a cell (from the middle) and Enter opens it.
    await page.goBack();
    const map = page.locator(`${view} .map-canvas`);
    await map.waitFor({ state: 'visible' });
    await map.focus();
    await map.press('ArrowUp');
    await map.press('ArrowUp');
    await map.press('ArrowRight');
    await expect
      .poll(() => page.locator(`${view} .map-hover`).innerText())
      .toMatch(/^a = 0\.1077, b = 0\.1615/);
    await map.press('Enter');
    await page.locator('[data-view=neuron]').waitFor({ state: 'visible' });
    expect(Number(await page.locator('[data-field=a]').inputValue())).toBeCloseTo(
      axisValue(spec.x, 21),
      12,
    );
    expect(Number(await page.locator('[data-field=b]').inputValue())).toBeCloseTo(
      axisValue(spec.y, 21),
      12,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('bad ranges show a message next to the field and keep the last curve and map; Cancel stops a run', async () => {
    const { page, errors } = await explorer.open('?view=dynamics&x=a:0:0.2:30&y=b:0:0.3:30', TALL);
    expect(await fiClass(page)).toBe('class 1');
    const before = await finishedMap(page);
    const verdict = await page.locator(`${view} [data-fi-class]`).innerText();
    const fieldError = (name: string) =>
      page
        .locator(`[data-field=${name}]`)
        .locator('xpath=ancestor::div[contains(@class,"number-field")]')
        .locator('.field-error');

    await page.locator('[data-field=fi-from]').fill('abc');
    expect(await fieldError('fi-from').innerText()).toBe('from must be a number');
    await page.locator('[data-field=fi-from]').fill('30');
    expect(await fieldError('fi-to').innerText()).toBe('to must be above from (30)');
    await page.locator('[data-field=fi-from]').fill('0');
    await page.locator('[data-field=fi-steps]').fill('0');
    expect(await fieldError('fi-steps').innerText()).toMatch(/from 2 to 400/);
    await page.locator('[data-field=map-x-steps]').fill('500');
    expect(await fieldError('map-x-steps').innerText()).toMatch(/from 2 to 400/);
    await page.locator('[data-field=map-y-name]').selectOption('a');
    await page.locator('[data-action=map-run]').click();
    expect(await page.locator(`${view} [data-map-status]`).innerText()).toMatch(/fix the marked/);
    expect(await page.locator(`${view} [data-fi-class]`).innerText()).toBe(verdict);
    expect(await page.locator(`${view} [data-map]`).getAttribute('data-digest')).toBe(
      before.digest,
    );
    await screenshot(page, 'dynamics-bad-input');

    // Fix the fields, start a big map and cancel it: the last map stays.
    await page.locator('[data-field=fi-steps]').fill('41');
    await page.locator('[data-field=map-y-name]').selectOption('b');
    await page.locator('[data-field=map-x-steps]').fill('400');
    await page.locator('[data-field=map-y-steps]').fill('400');
    await page.locator('[data-action=map-run]').click();
    await page.locator('[data-action=map-cancel]').click();
    await expect
      .poll(() => page.locator(`${view} [data-map-status]`).innerText())
      .toMatch(/^cancelled/);
    expect(await page.locator(`${view} [data-map]`).getAttribute('data-digest')).toBe(
      before.digest,
    );
    await expect.poll(() => page.url()).toContain('x=a%3A0%3A0.2%3A400');
    // Choosing another parameter gives its axis that parameter's usual range.
    await page.locator('[data-field=map-x-name]').selectOption('c');
    expect(await page.locator('[data-field=map-x-from]').inputValue()).toBe('-70');
    expect(await page.locator('[data-field=map-x-to]').inputValue()).toBe('-40');
    await expect.poll(() => page.url()).toContain('x=c%3A-70%3A-40%3A400');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('readDynamicsParams(writeDynamicsParams(state))', () => {
  it('gives the state back, and ignores invalid or clashing axes', () => {
    const state: DynamicsState = {
      model: '2003',
      preset: 'class-2-excitable',
      C: 100,
      k: 0.7,
      vr: -60,
      vt: -40,
      vpeak: 35,
      a: 0.2,
      b: 0.26,
      c: -65,
      d: 0,
      fi: { from: -1, to: 5, steps: 120 },
      map: {
        x: { name: 'c', from: -70, to: -40, steps: 30 },
        y: { name: 'I', from: 0, to: 20, steps: 25 },
        input: 12,
      },
    };
    const params = new URLSearchParams();
    writeDynamicsParams(state, params);
    expect(readDynamicsParams(new URLSearchParams(params.toString()))).toEqual(state);
    const bad = readDynamicsParams(
      new URLSearchParams('x=a:0.2:0:10&y=q:0:1:10&from=5&to=1&steps=3'),
    );
    expect(bad.map).toEqual(DEFAULT_DYNAMICS.map);
    expect(bad.fi).toEqual(DEFAULT_DYNAMICS.fi);
    expect(readDynamicsParams(new URLSearchParams('x=b:0:1:10&y=b:0:1:10')).map).toEqual(
      DEFAULT_DYNAMICS.map,
    );
    expect(readDynamicsParams(new URLSearchParams('x=a:0:1:401')).map.x).toEqual(
      DEFAULT_DYNAMICS.map.x,
    );
  });
});
