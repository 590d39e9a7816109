// Browser tests of the neuron view running the 2007 form of the book: the model switch, the
// book's presets, spike times against the library, the link, bad values and the phase plane; and
// the dynamics view's f–I curve for the form.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  bookFiCurve,
  bookPhasePlane,
  BOOK_PRESET_IDS,
  bookPresetOptions,
  getBookPreset,
  simulate2007,
} from '../../src/index.js';
import {
  BOOK_FI_RANGE,
  BOOK_MAP_SETTINGS,
  DEFAULT_DYNAMICS,
  readDynamicsParams,
  writeDynamicsParams,
  type DynamicsState,
} from '../../web/dynamics/state.js';
import {
  countPixels,
  neuronReadout as readout,
  screenshot,
  sliderFieldError as fieldError,
  startExplorer,
  tracePixels as plotPixels,
  type Explorer,
} from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

/** The run on screen as the JSON export gives it. */
async function exportedRun(page: Page): Promise<{ model: string; spikes: number[] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-view=neuron] [data-export=json]').click(),
  ]);
  return JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
    model: string;
    spikes: number[];
  };
}

describe('neuron view, 2007 form', () => {
  it('the model switch swaps the sliders for C, k, vr, vt, vpeak, a, b, c, d with their units and runs the book’s RS neuron', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    expect(await page.locator('[data-field=a]').isVisible()).toBe(true);
    expect(await page.locator('[data-field=book-C]').isVisible()).toBe(false);
    await page.locator('[data-field=model]').selectOption('2007');
    await expect.poll(() => page.locator('[data-field=book-C]').isVisible()).toBe(true);
    expect(await page.locator('[data-field=a]').isVisible()).toBe(false);
    expect(await page.locator('[data-field=preset]').inputValue()).toBe('rs-2007');
    const units = await page
      .locator('[data-model="2007"] .slider-field .field-unit')
      .allInnerTexts();
    expect(units.slice(0, 9)).toEqual(['pF', 'nS/mV', 'mV', 'mV', 'mV', 'ms⁻¹', 'nS', 'mV', 'pA']);
    expect(await page.locator('[data-field=book-C]').inputValue()).toBe('100');
    expect(await page.locator('[data-field=book-b]').inputValue()).toBe('-2');
    expect(
      await page.locator('[data-view=neuron] legend', { hasText: 'Input' }).textContent(),
    ).toBe('Input (pA)');
    const expected = simulate2007(bookPresetOptions('rs-2007')).spikes;
    expect(Array.from(expected)).toEqual([203, 350, 499, 649, 796, 943]);
    const run = await exportedRun(page);
    expect(run.model).toBe('2007');
    expect(run.spikes).toEqual(Array.from(expected));
    await expect.poll(() => page.url()).toContain('model=2007');
    await screenshot(page, 'neuron-2007-rs');
    // And back: the 2003 form's RS neuron with its sliders.
    await page.locator('[data-field=model]').selectOption('2003');
    await expect.poll(() => page.locator('[data-field=a]').isVisible()).toBe(true);
    expect(await page.locator('[data-field=preset]').inputValue()).toBe('rs');
    expect(await page.locator('[data-field=a]').inputValue()).toBe('0.02');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('each book preset picked from its group gives the library’s spike times for it', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    const group = page.locator('[data-field=preset] optgroup[label*="2007"] option');
    expect(await group.count()).toBe(9);
    for (const id of ['rs-2007', 'fs-2007', 'tc-burst-2007', 'lts-2007']) {
      await page.locator('[data-field=preset]').selectOption(id);
      await expect.poll(() => page.locator('[data-field=model]').inputValue()).toBe('2007');
      const run = await exportedRun(page);
      expect(run.spikes, id).toEqual(Array.from(simulate2007(bookPresetOptions(id)).spikes));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a copied link restores the form, its parameters and the display in a fresh page', async () => {
    const { page } = await explorer.open('?view=neuron&preset=ch-2007');
    await page.locator('[data-field=book-d]').fill('120');
    await page.locator('[data-field=book-vt]').fill('-42');
    await page.locator('[data-field=input]').fill('300*(t>=50)');
    await page.locator('[data-toggle=showU]').check();
    await page.locator('[data-action=share]').click();
    const link = page.url();
    expect(link).toContain('model=2007');
    const before = await readout(page);
    const { page: fresh, errors } = await explorer.open(link.slice(explorer.url.length));
    expect(await fresh.locator('[data-field=model]').inputValue()).toBe('2007');
    expect(await fresh.locator('[data-field=preset]').inputValue()).toBe('ch-2007');
    expect(await fresh.locator('[data-field=book-d]').inputValue()).toBe('120');
    expect(await fresh.locator('[data-field=book-vt]').inputValue()).toBe('-42');
    expect(await fresh.locator('[data-field=book-C]').inputValue()).toBe('50');
    expect(await fresh.locator('[data-field=input]').inputValue()).toBe('300*(t>=50)');
    expect(await fresh.locator('[data-toggle=showU]').isChecked()).toBe(true);
    expect(await readout(fresh)).toBe(before);
    const run = await exportedRun(fresh);
    const ch = getBookPreset('ch-2007');
    expect(run.spikes).toEqual(
      Array.from(
        simulate2007(bookPresetOptions(ch, { d: 120, vt: -42, input: '300*(t>=50)' })).spikes,
      ),
    );
    // A custom neuron of the 2007 form (no preset) with a cell-type term survives too.
    const custom =
      '?view=neuron&model=2007&C=20&k=1&vr=-55&vt=-40&vpeak=25&a=0.2&b=0.025&c=-45&d=0&cubicVb=-55&v0=-55&I=100';
    const { page: third } = await explorer.open(custom);
    expect(await third.locator('[data-field=preset]').inputValue()).toBe('');
    expect(await third.locator('[data-book-terms]').textContent()).toContain('cubicVb = -55 mV');
    const fs = getBookPreset('fs-2007');
    const expected = simulate2007({ ...fs.params, dt: 1, duration: 1000, input: '100' }).spikes;
    expect((await exportedRun(third)).spikes).toEqual(Array.from(expected));
    expect(errors).toEqual([]);
    await page.close();
    await fresh.close();
    await third.close();
  });

  it('a bad value shows its message next to the field and keeps the last good plot', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs-2007');
    const pixels = await plotPixels(page);
    const numbers = await readout(page);
    await page.locator('[data-field=book-C]').fill('0');
    await expect
      .poll(() => fieldError(page, 'book-C'))
      .toBe('C must be a positive capacitance in pF, got 0');
    expect(await page.locator('.stale-note').isVisible()).toBe(true);
    expect(await readout(page)).toBe(numbers);
    expect(await plotPixels(page)).toBe(pixels);
    await page.locator('[data-field=book-C]').fill('100');
    await expect.poll(() => fieldError(page, 'book-C')).toBe('');
    await page.locator('[data-field=book-vpeak]').fill('-60');
    await expect.poll(() => fieldError(page, 'book-vpeak')).toMatch(/must be above the reset c/);
    expect(await plotPixels(page)).toBe(pixels);
    await page.locator('[data-field=book-vpeak]').fill('35');
    await expect.poll(() => fieldError(page, 'book-vpeak')).toBe('');
    expect(await page.locator('.stale-note').isVisible()).toBe(false);
    expect(await readout(page)).toBe(numbers);
    await screenshot(page, 'neuron-2007-bad-input-fixed');
    // Bad values in a link: each one under its field, the model under the switch.
    const { page: linked, errors: linkErrors } = await explorer.open(
      '?view=neuron&preset=fs-2007&k=abc&C=-5',
    );
    await expect
      .poll(() => fieldError(linked, 'book-k'))
      .toBe("the link's k = 'abc' is not a number");
    expect(await fieldError(linked, 'book-C')).toBe(
      'C must be a positive capacitance in pF, got -5',
    );
    const { page: wrong, errors: wrongErrors } = await explorer.open(
      '?view=neuron&model=2005&a=0.02',
    );
    await expect
      .poll(() => wrong.locator('.model-field .field-error').innerText())
      .toBe("the link's model = '2005' is not 2003 or 2007");
    expect(await wrong.locator('[data-field=model]').inputValue()).toBe('2003');
    expect([...errors, ...linkErrors, ...wrongErrors]).toEqual([]);
    await page.close();
    await linked.close();
    await wrong.close();
  });

  it('the phase plane draws the FS cell’s nullclines, its cubic u-nullcline and fixed points', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=fs-2007&show=I,phase');
    const phase = page.locator('.phase-chart canvas');
    await expect.poll(() => phase.isVisible()).toBe(true);
    const fs = getBookPreset('fs-2007');
    const plane = bookPhasePlane(fs.params, 100);
    const label = (await phase.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/^Phase plane at I = 100 pA: /);
    expect(label).toContain(`${plane.fixedPoints.length} fixed point(s)`);
    expect(await page.locator('.phase-caption').innerText()).toContain('I = 100 pA');
    // The u-nullcline (teal) and the v-nullcline (orange) are both on the canvas.
    expect(await countPixels(phase, [0x0f, 0x76, 0x6e], 40)).toBeGreaterThan(50);
    expect(await countPixels(phase, [0xea, 0x58, 0x0c], 40)).toBeGreaterThan(50);
    // Before the step (I = 0) the FS cell rests at vr: one stable fixed point at -55 mV.
    const box = await page.locator('.trace-v .u-over').boundingBox();
    if (box === null) throw new Error('no trace');
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    await expect.poll(() => phase.getAttribute('aria-label')).toMatch(/^Phase plane at I = 0 pA/);
    const rest = bookPhasePlane(fs.params, 0).fixedPoints.filter((p) => p.stable);
    expect(rest.map((p) => Math.round(p.v))).toContain(-55);
    expect(await phase.getAttribute('aria-label')).toContain('stable');
    await screenshot(page, 'neuron-2007-fs-phase');
    const { page: phone } = await explorer.open('?view=neuron&preset=fs-2007&show=I,phase', {
      width: 390,
      height: 844,
    });
    await phone.locator('.phase-chart canvas').waitFor();
    await screenshot(phone, 'neuron-2007-fs-phase-phone', true);
    expect(errors).toEqual([]);
    await page.close();
    await phone.close();
  });
});

describe('slider-to-redraw time, 2007 form', () => {
  it('is measured while dragging d on each of the nine book presets, every panel shown', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs-2007&show=I,u,phase');
    const all: number[] = [];
    for (const id of BOOK_PRESET_IDS) {
      await page.locator('[data-field=preset]').selectOption(id);
      await page.evaluate(() => performance.clearMeasures('izhikit:redraw'));
      const box = await page.locator('[data-slider=book-d]').boundingBox();
      if (box === null) throw new Error('the d slider is not visible');
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width * 0.2, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.8, y, { steps: 16 });
      await page.mouse.up();
      const times = await page.evaluate(() =>
        performance
          .getEntriesByName('izhikit:redraw')
          .filter((entry) => (entry as PerformanceMeasure).detail === 'd')
          .map((entry) => entry.duration),
      );
      expect(times.length, id).toBeGreaterThan(0);
      all.push(...times);
    }
    all.sort((x, y) => x - y);
    console.log(
      `slider-to-redraw, 2007 form, every panel, over ${BOOK_PRESET_IDS.length} presets (${all.length} input events): ` +
        `median ${(all[Math.floor(all.length / 2)] as number).toFixed(2)} ms, worst ${(all.at(-1) as number).toFixed(2)} ms`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('dynamics view, 2007 form', () => {
  const view = '[data-view=dynamics]';
  const fiClass = async (page: Page): Promise<string> => {
    const verdict = page.locator(`${view} [data-fi-class]`);
    await expect.poll(() => verdict.getAttribute('data-fi-class')).toMatch(/class|none/);
    return (await verdict.getAttribute('data-fi-class')) ?? '';
  };

  it('runs the f–I curve of a book cell in pA in its worker: the library’s rheobase and class', async () => {
    const { page, errors } = await explorer.open('?view=dynamics&preset=fs-2007', {
      width: 1280,
      height: 1100,
    });
    const fs = getBookPreset('fs-2007');
    const curve = bookFiCurve(fs.params, BOOK_FI_RANGE);
    expect(curve.excitabilityClass).toBe('class 2');
    expect(await fiClass(page)).toBe('class 2');
    const rheobase = await page.locator(`${view} [data-value=rheobase]`).innerText();
    expect(rheobase).toMatch(/ pA$/);
    expect(Number.parseFloat(rheobase)).toBeCloseTo(curve.rheobase as number, 2);
    expect(await page.locator('[data-field=dyn-book-C]').inputValue()).toBe('20');
    expect(await page.locator('[data-field=dyn-a]').isVisible()).toBe(false);
    expect(await page.locator('[data-field=fi-to]').inputValue()).toBe('600');
    // The map is of this form too: d against I in pA, as `izhikit map --model 2007`.
    await expect
      .poll(() => page.locator(`${view} [data-map-status]`).innerText(), { timeout: 20000 })
      .toMatch(/^done/);
    expect(await page.locator(`${view} .map-card .plot-title`).innerText()).toBe(
      'Firing patterns over (d, I)',
    );
    await screenshot(page, 'dynamics-2007-fs');
    // Editing a parameter recomputes: the book's RS neuron is Class 1.
    await page.locator('[data-field=dyn-preset]').selectOption('rs-2007');
    await expect
      .poll(() => page.locator(`${view} [data-fi-class]`).getAttribute('data-fi-class'))
      .toBe('class 1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the neuron of the 2007 form edited in the neuron view', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    await page.locator('[data-field=model]').selectOption('2007');
    await page.locator('[data-field=book-d]').fill('80');
    await page.locator('[data-tab=dynamics]').click();
    await expect.poll(() => page.locator('[data-field=dyn-book-d]').inputValue()).toBe('80');
    expect(await page.locator('[data-field=dyn-preset]').inputValue()).toBe('rs-2007');
    const curve = bookFiCurve({ ...getBookPreset('rs-2007').params, d: 80 }, BOOK_FI_RANGE);
    expect(await fiClass(page)).toBe(curve.excitabilityClass ?? 'none');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('readDynamicsParams(writeDynamicsParams(state)) gives a state of the 2007 form back', () => {
    const state: DynamicsState = {
      ...readDynamicsParams(new URLSearchParams('preset=lts-2007')),
      C: 90,
      vt: -41.5,
      d: 25,
      fi: { from: 10, to: 400, steps: 40 },
      map: {
        x: { name: 'vt', from: -50, to: -30, steps: 21 },
        y: { name: 'C', from: 20, to: 200, steps: 10 },
        input: 150,
      },
    };
    expect(state.model).toBe('2007');
    const params = new URLSearchParams();
    writeDynamicsParams(state, params);
    expect(params.get('model')).toBe('2007');
    expect(readDynamicsParams(new URLSearchParams(params.toString()))).toEqual(state);
    // No preset: the link's model decides, with the book's RS neuron as the base.
    const custom = readDynamicsParams(new URLSearchParams('model=2007&a=0.05'));
    expect(custom).toMatchObject({ model: '2007', preset: undefined, C: 100, a: 0.05, b: -2 });
    expect(custom.fi).toEqual(BOOK_FI_RANGE);
    // The form's own map by default; an axis of the other form's parameters falls back to it.
    expect(custom.map).toEqual(BOOK_MAP_SETTINGS);
    expect(readDynamicsParams(new URLSearchParams('x=C:20:200:10')).map).toEqual(
      DEFAULT_DYNAMICS.map,
    );
  });
});
