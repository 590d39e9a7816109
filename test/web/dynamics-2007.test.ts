// Browser tests of the dynamics view's parameter map for the 2007 form: its cells computed in the
// page's Web Workers equal the library's rows, a cell opens in the neuron view in that form, its
// readouts and exports carry the form's units, and bad input keeps the last map.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIRING_PATTERN_LABELS,
  FIRING_PATTERNS,
  axisValue,
  computeBookMapRows,
  resolveBookMapSpec,
  type BookMapAxis,
} from '../../src/index.js';
import { getBookPreset } from '../../src/presets/lookup-2007.js';
import { mapDigest } from '../../web/dynamics/map-export.js';
import { screenshot, startExplorer, type Explorer } from './explorer.js';
import { DYNAMICS_VIEW, cellPoint, finishedMap } from './map-page.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

const view = DYNAMICS_VIEW;
const TALL = { width: 1280, height: 1250 };

describe('dynamics view: the parameter map of the 2007 form', () => {
  it('gives the cells of computeBookMapRows for the book’s FS cell, with units, exports and URL state; a cell opens in the 2007 form', async () => {
    const x: BookMapAxis = { name: 'd', from: 0, to: 150, steps: 12 };
    const y: BookMapAxis = { name: 'I', from: 0, to: 400, steps: 10 };
    const { page, errors } = await explorer.open(
      '?view=dynamics&preset=fs-2007&x=d:0:150:12&y=I:0:400:10&input=100',
      TALL,
    );
    const shown = await finishedMap(page);
    // The same cells, computed in the test by the library's rows over the preset (its terms too).
    const spec = resolveBookMapSpec({ x, y, base: getBookPreset('fs-2007').params, input: 100 });
    const codes = computeBookMapRows(spec, 0, y.steps);
    const counts = Array.from({ length: FIRING_PATTERNS.length + 1 }, (_, code) =>
      codes.reduce((n, c) => n + (c === code ? 1 : 0), 0),
    );
    expect(shown.digest).toBe(mapDigest(codes));
    expect(shown.counts).toEqual(counts);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    expect(await page.locator(`${view} .map-card .plot-title`).innerText()).toBe(
      'Firing patterns over (d, I)',
    );
    const subtitle = await page.locator(`${view} .map-subtitle`).innerText();
    expect(subtitle).toContain('C = 20 pF, k = 1 nS/mV, vr = -55 mV');
    expect(subtitle).toContain('500 ms, dt = 0.25 ms');
    // The axis menus offer the form's parameters.
    const choices = await page
      .locator('[data-field=map-x-name] option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(choices).toEqual(['C', 'k', 'vr', 'vt', 'vpeak', 'a', 'b', 'c', 'd', 'I']);
    await screenshot(page, 'dynamics-2007-map');

    // Exports: CSV and JSON of these cells, the library's figure with units, and a PNG.
    const download = async (name: string): Promise<Buffer> => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${view} [data-export=${name}]`).click(),
      ]);
      return readFileSync((await file.path()) as string);
    };
    const csv = (await download('map-csv')).toString('utf8').trim().split('\n');
    expect(csv[0]).toBe('d,I,code,pattern');
    expect(csv).toHaveLength(1 + 120);
    expect(csv[1 + 3 * 12 + 5]).toBe(
      `${axisValue(x, 5)},${axisValue(y, 3)},${codes[3 * 12 + 5]},${FIRING_PATTERNS[codes[3 * 12 + 5] as number] ?? 'diverged'}`,
    );
    const json = JSON.parse((await download('map-json')).toString('utf8')) as {
      model: string;
      codes: number[];
    };
    expect(json.model).toBe('2007');
    expect(json.codes).toEqual(Array.from(codes));
    expect((await download('map-svg')).toString('utf8')).toMatch(
      /^<svg[\s\S]*d \(pA\)[\s\S]*I \(step input, pA\)/,
    );
    expect((await download('map-png')).subarray(1, 4).toString('latin1')).toBe('PNG');

    // The cell under the pointer, with units; a firing cell away from the edges.
    const index = Array.from(codes).findIndex(
      (code, i) => code !== 0 && i % 12 > 2 && Math.floor(i / 12) > 2,
    );
    expect(index).toBeGreaterThan(0);
    const [ix, iy] = [index % 12, Math.floor(index / 12)];
    const label = FIRING_PATTERN_LABELS[FIRING_PATTERNS[codes[index] as number] ?? 'quiescent'];
    const point = await cellPoint(page, ix, iy, 12, 10);
    await page.mouse.move(point.x, point.y);
    const hover = page.locator(`${view} .map-hover`);
    await expect.poll(() => hover.innerText()).toContain(label);
    expect(await hover.innerText()).toMatch(/^d = [\d.]+ pA, I = [\d.]+ pA: /);
    await screenshot(page, 'dynamics-2007-map-hover');

    // The click opens that neuron in the neuron view, in the 2007 form, with the map's pattern.
    await page.mouse.click(point.x, point.y);
    await page.locator('[data-view=neuron]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-field=model]').inputValue()).toBe('2007');
    expect(Number(await page.locator('[data-field=book-d]').inputValue())).toBeCloseTo(
      axisValue(x, ix),
      8,
    );
    expect(Number(await page.locator('[data-field=book-C]').inputValue())).toBe(20);
    expect(Number(await page.locator('[data-field=input]').inputValue())).toBeCloseTo(
      axisValue(y, iy),
      8,
    );
    await expect.poll(() => page.locator('[data-value=pattern]').innerText()).toBe(label);
    await screenshot(page, 'dynamics-2007-cell-in-neuron-view');

    // Back to the map; another parameter on x takes the form's range, into the URL.
    await page.goBack();
    await page.locator(`${view} .map-canvas`).waitFor({ state: 'visible' });
    await page.locator('[data-field=map-x-name]').selectOption('C');
    expect(await page.locator('[data-field=map-x-from]').inputValue()).toBe('20');
    await expect.poll(() => page.url()).toContain('x=C%3A20%3A200%3A12');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a bad range or an invalid corner shows a message at its field and keeps the last map; Cancel keeps it too', async () => {
    const { page, errors } = await explorer.open(
      '?view=dynamics&preset=rs-2007&x=C:50:150:8&y=I:0:300:8',
      TALL,
    );
    const before = await finishedMap(page);
    const fieldError = (name: string) =>
      page
        .locator(`[data-field=${name}]`)
        .locator('xpath=ancestor::div[contains(@class,"number-field")]')
        .locator('.field-error');
    const digest = () => page.locator(`${view} [data-map]`).getAttribute('data-digest');

    await page.locator('[data-field=map-x-to]').fill('40');
    expect(await fieldError('map-x-to').innerText()).toBe('to must be above from (50)');
    await page.locator('[data-action=map-run]').click();
    expect(await page.locator(`${view} [data-map-status]`).innerText()).toMatch(/fix the marked/);
    expect(await digest()).toBe(before.digest);

    // C from −10 pF: the range is in order, but a corner is no neuron; the library says why.
    await page.locator('[data-field=map-x-from]').fill('-10');
    await page.locator('[data-field=map-x-to]').fill('150');
    await page.locator('[data-action=map-run]').click();
    const axisError = page.locator(`${view} .map-axis .field-error`).first();
    await expect.poll(() => axisError.innerText()).toMatch(/C must be a positive capacitance/);
    expect(await digest()).toBe(before.digest);
    await screenshot(page, 'dynamics-2007-bad-input');

    // A large map, cancelled: the last map stays.
    await page.locator('[data-field=map-x-from]').fill('50');
    await page.locator('[data-field=map-x-steps]').fill('400');
    await page.locator('[data-field=map-y-steps]').fill('400');
    await page.locator('[data-action=map-run]').click();
    await page.locator('[data-action=map-cancel]').click();
    await expect
      .poll(() => page.locator(`${view} [data-map-status]`).innerText())
      .toMatch(/^cancelled/);
    expect(await digest()).toBe(before.digest);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switching the neuron to the 2007 form draws that form’s map; on a phone too', async () => {
    const { page, errors } = await explorer.open('?view=dynamics&x=a:0:0.2:20&y=b:0:0.3:20', {
      width: 390,
      height: 844,
    });
    await finishedMap(page);
    await page.locator('[data-field=dyn-preset]').selectOption('ch-2007');
    await expect
      .poll(() => page.locator(`${view} .map-card .plot-title`).innerText(), { timeout: 20000 })
      .toBe('Firing patterns over (d, I)');
    const shown = await finishedMap(page);
    const spec = resolveBookMapSpec({
      x: { name: 'd', from: 0, to: 150, steps: 60 },
      y: { name: 'I', from: 0, to: 300, steps: 60 },
      base: getBookPreset('ch-2007').params,
      input: 100,
    });
    expect(shown.digest).toBe(mapDigest(computeBookMapRows(spec, 0, 60)));
    const [first, second] = await page.evaluate(() =>
      performance.getEntriesByName('izhikit:map', 'measure').map((entry) => entry.duration),
    );
    console.log(
      `60 × 60 (d, I) map of the 2007 form's CH cell, 500 ms per cell, in the browser (Run to drawn map): ${second?.toFixed(0)} ms, after a 20 × 20 map of the 2003 form in ${first?.toFixed(0)} ms`,
    );
    await expect.poll(() => page.url()).toContain('x=d%3A0%3A150%3A60');
    expect(await page.locator('[data-field=map-input]').inputValue()).toBe('100');
    await page.locator(`${view} .map-card`).scrollIntoViewIfNeeded();
    await screenshot(page, 'dynamics-2007-map-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});
