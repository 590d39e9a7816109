// Browser tests of the neuron view, the presets, the gallery, the URL state and the exports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PRESETS, presetOptions, simulate } from '../../src/index.js';
import { screenshot, startExplorer, type Explorer } from './explorer.js';

const GOLDEN = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/golden-spikes.json'), 'utf8'),
) as { spikes: Record<string, number[]> };

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

const readout = (page: Page): Promise<string> =>
  page.locator('[data-view=neuron] [data-readout]').innerText();
const spikeCount = async (page: Page): Promise<number> =>
  Number(await page.locator('[data-value=count]').innerText());
/** The pixels of the v(t) chart, to tell whether the plot changed. */
const plotPixels = (page: Page): Promise<string> =>
  page.locator('.trace-v canvas').evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());

/** The plot's pixels once layout has settled (two looks 100 ms apart agree). */
async function settledPixels(page: Page): Promise<string> {
  let previous = await plotPixels(page);
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.waitForTimeout(100);
    const current = await plotPixels(page);
    if (current === previous) return current;
    previous = current;
  }
  return previous;
}

/** Drags a slider between two fractions of its travel in `steps` mouse moves. */
async function dragSlider(page: Page, name: string, from: number, to: number, steps = 12) {
  const box = await page.locator(`[data-slider=${name}]`).boundingBox();
  if (box === null) throw new Error(`slider ${name} is not visible`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, y, { steps });
  await page.mouse.up();
}

describe('neuron view', () => {
  it('loads with no console errors and plots the default preset', async () => {
    const { page, errors } = await explorer.open();
    await page.locator('[data-value=count]').waitFor();
    expect(await spikeCount(page)).toBe(GOLDEN.spikes.rs?.length);
    await screenshot(page, 'neuron-rs');
    // Every control of every view has a label (its own <label>, or aria-label for the sliders).
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button, progress')]
        .filter((control) => {
          const labels = (control as HTMLInputElement).labels;
          const named =
            (labels !== null && labels !== undefined && labels.length > 0) ||
            control.hasAttribute('aria-label') ||
            (control.tagName === 'BUTTON' && (control.textContent ?? '').trim() !== '');
          return !named;
        })
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('choosing the preset resonator shows the reference spike count; dragging d changes plot and readout', async () => {
    const { page, errors } = await explorer.open();
    await page.locator('[data-field=preset]').selectOption('resonator');
    expect(await spikeCount(page)).toBe(GOLDEN.spikes.resonator?.length);
    expect(await page.locator('[data-field=d]').inputValue()).toBe('-1');
    const pixels = await plotPixels(page);
    const numbers = await readout(page);
    // Towards negative d: the spike at 338 ms lowers u instead of raising it, and more follow.
    await dragSlider(page, 'd', 0.6, 0.05);
    expect(Number(await page.locator('[data-field=d]').inputValue())).toBeLessThan(-1);
    expect(await plotPixels(page)).not.toBe(pixels);
    expect(await readout(page)).not.toBe(numbers);
    await screenshot(page, 'neuron-resonator-d-dragged');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the firing-pattern label and, on request, the phase plane beside the trace', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=tonic-bursting');
    expect(await page.locator('[data-value=pattern]').innerText()).toBe('tonic bursting');
    const phase = page.locator('.phase-chart canvas');
    expect(await phase.isVisible()).toBe(false);
    await page.locator('[data-toggle=showPhase]').check();
    await expect.poll(() => phase.isVisible()).toBe(true);
    expect(await phase.getAttribute('aria-label')).toMatch(/^Phase plane at I = 15/);
    expect(await page.locator('.phase-caption').innerText()).toContain('I = 15');
    // Pointing at the trace before the step shows the nullclines at I = 0.
    const box = await page.locator('.trace-v .u-over').boundingBox();
    if (box === null) throw new Error('no trace');
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    await expect.poll(() => page.locator('.phase-caption').innerText()).toContain('= 0.');
    await expect.poll(() => page.url()).toContain('phase');
    await screenshot(page, 'neuron-phase-plane');
    const { page: tablet } = await explorer.open(page.url().slice(explorer.url.length), {
      width: 800,
      height: 1000,
    });
    await tablet.locator('.phase-chart canvas').waitFor();
    await screenshot(tablet, 'neuron-phase-plane-tablet-800');
    expect(errors).toEqual([]);
    await page.close();
    await tablet.close();
  });

  it('sliders work from the keyboard', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    const pixels = await settledPixels(page);
    const slider = page.locator('[data-slider=c]');
    await slider.focus();
    for (let press = 0; press < 10; press++) await slider.press('ArrowRight');
    expect(await page.locator('[data-field=c]').inputValue()).toBe('-60');
    expect(await plotPixels(page)).not.toBe(pixels);
    await slider.press('Home');
    expect(await page.locator('[data-field=c]').inputValue()).toBe('-90');
    // Page Up/Down step by a round amount of each parameter: a 0.01, d 1.
    await page.locator('[data-slider=a]').press('PageUp');
    expect(await page.locator('[data-field=a]').inputValue()).toBe('0.03');
    await page.locator('[data-slider=d]').press('PageDown');
    await page.locator('[data-slider=d]').press('PageDown');
    expect(await page.locator('[data-field=d]').inputValue()).toBe('6');
    // A typed value outside the slider's travel is taken as it is, and the keys go on from it.
    await page.locator('[data-field=a]').fill('1.5');
    await page.locator('[data-slider=a]').press('ArrowDown');
    expect(await page.locator('[data-field=a]').inputValue()).toBe('1.499');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an unfinished I(t) shows an inline error at its position and keeps the plot; fixing it re-plots', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rz');
    const field = page.locator('[data-field=input]');
    const pixels = await settledPixels(page);
    const numbers = await readout(page);
    await field.fill('14*(t>');
    const error = page.locator('.expression-error');
    await expect.poll(() => error.innerText()).toContain('position 6');
    expect(await error.locator('mark').getAttribute('data-position')).toBe('6');
    expect(await settledPixels(page)).toBe(pixels);
    expect(await readout(page)).toBe(numbers);
    // The numbers are those of the last good run: they are marked stale (faded), as the plot is.
    const readoutBox = page.locator('[data-view=neuron] [data-readout]');
    expect(await readoutBox.getAttribute('data-stale')).toBe('true');
    expect(Number(await readoutBox.evaluate((e) => getComputedStyle(e).opacity))).toBeLessThan(0.6);
    await screenshot(page, 'neuron-expression-error');
    await field.press('End');
    await field.pressSequentially('15)');
    expect(await error.innerText()).toBe('');
    expect(await readoutBox.getAttribute('data-stale')).toBe('false');
    const expected = simulate(presetOptions('rz', { input: '14*(t>15)' })).spikes.length;
    expect(await spikeCount(page)).toBe(expected);
    expect(await plotPixels(page)).not.toBe(pixels);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('dragging across v(t) zooms every panel to that window, values under the cursor, double-click resets', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs&show=I,u');
    await page.locator('[data-value=count]').waitFor();
    /** The zoomed window ("min,max", empty for the whole run); every panel shows the same. */
    const xRange = async (): Promise<string> => {
      const windows = await page
        .locator('.trace-panel')
        .evaluateAll((panels) => panels.map((p) => (p as HTMLElement).dataset.x));
      expect(windows).toHaveLength(3);
      expect(new Set(windows).size).toBe(1);
      return (await page.locator('.trace-chart').getAttribute('data-window')) ?? '';
    };
    const whole = await xRange();
    expect(whole).toBe('');
    const over = page.locator('.trace-v .u-over');
    const box = await over.boundingBox();
    if (box === null) throw new Error('no v(t) plot');
    // Drag from 40 % to 60 % of the 150 ms run: about 60–90 ms.
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
    await page.mouse.up();
    const chart = page.locator('.trace-chart');
    expect(await chart.getAttribute('data-zoomed')).toBe('true');
    const [from, to] = (await xRange()).split(',').map(Number) as [number, number];
    expect(from).toBeGreaterThan(55);
    expect(from).toBeLessThan(65);
    expect(to).toBeGreaterThan(85);
    expect(to).toBeLessThan(95);
    // The values under the cursor: t, v, u and I at the step pointed at.
    await page.mouse.move(box.x + box.width * 0.5, y);
    const values = await page.locator('[data-cursor-values]').innerText();
    expect(values).toMatch(/^t = 7\d(\.\d+)? ms\s+v = -?[\d.]+ mV\s+u = -?[\d.]+\s+I = 14$/);
    // A new run (d changed) keeps the window.
    await page.locator('[data-field=d]').fill('6');
    expect(await chart.getAttribute('data-zoomed')).toBe('true');
    expect(await xRange()).toBe(`${from},${to}`);
    await screenshot(page, 'neuron-zoomed');
    await over.dblclick({ position: { x: box.width / 2, y: box.height / 2 } });
    expect(await chart.getAttribute('data-zoomed')).toBe('false');
    expect(await xRange()).toBe(whole);
    // So does the button.
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 8 });
    await page.mouse.up();
    expect(await chart.getAttribute('data-zoomed')).toBe('true');
    await page.locator('[data-view=neuron] [data-action=reset-zoom]').click();
    expect(await xRange()).toBe(whole);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Hold trace keeps the current v(t) as a faint line behind the next runs; pressed again it goes', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    await page.locator('[data-value=count]').waitFor();
    /** The v(t) canvas's pixels. */
    const pixels = () => plotPixels(page);
    /** How many pixels differ between two data URLs' images, counted in the page. */
    const differing = (a: string, b: string): Promise<number> =>
      page.evaluate(
        async ([first, second]) => {
          const read = async (url: string) => {
            const image = new Image();
            image.src = url;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width;
            canvas.height = image.height;
            const context = canvas.getContext('2d') as CanvasRenderingContext2D;
            context.drawImage(image, 0, 0);
            return context.getImageData(0, 0, image.width, image.height).data;
          };
          const [x, y] = [await read(first as string), await read(second as string)];
          let count = 0;
          for (let p = 0; p < x.length; p += 4) if (x[p] !== y[p] || x[p + 2] !== y[p + 2]) count++;
          return count;
        },
        [a, b],
      );
    await page.locator('[data-action=hold]').click();
    expect(await page.locator('[data-action=hold]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-field=c]').fill('-50');
    const withHeld = await pixels();
    expect(await page.locator('.trace-chart').getAttribute('data-held')).toBe('true');
    await screenshot(page, 'neuron-held-trace');
    // Dropped: the same run without the faint line, which took hundreds of pixels.
    await page.locator('[data-action=hold]').click();
    expect(await page.locator('.trace-chart').getAttribute('data-held')).toBe('false');
    const without = await pixels();
    expect(await differing(withHeld, without)).toBeGreaterThan(500);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a copied link restores the same parameters in a fresh page', async () => {
    const { page } = await explorer.open();
    await page.locator('[data-field=preset]').selectOption('ch');
    await page.locator('[data-field=d]').fill('3.5');
    await page.locator('[data-field=input]').fill('12*(t>20) + 2*sin(t/5)');
    await page.locator('[data-view=neuron] summary').click();
    await page.locator('[data-field=vpeak]').fill('25');
    await page.locator('[data-toggle=showU]').check();
    await page.locator('[data-action=share]').click();
    const link = page.url();
    expect(link).toContain('view=neuron');
    const before = await readout(page);
    const { page: fresh, errors } = await explorer.open(link.slice(explorer.url.length));
    expect(await fresh.locator('[data-field=d]').inputValue()).toBe('3.5');
    expect(await fresh.locator('[data-field=input]').inputValue()).toBe('12*(t>20) + 2*sin(t/5)');
    expect(await fresh.locator('[data-field=vpeak]').inputValue()).toBe('25');
    expect(await fresh.locator('[data-field=c]').inputValue()).toBe('-50');
    expect(await fresh.locator('[data-toggle=showU]').isChecked()).toBe(true);
    expect(await fresh.locator('[data-field=preset]').inputValue()).toBe('ch');
    expect(await readout(fresh)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
    await fresh.close();
  });

  it('exports the run as CSV and JSON with the CLI’s columns and fields, and the figure as SVG and PNG', async () => {
    const { page } = await explorer.open('?view=neuron&preset=rs');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-view=neuron] [data-export=csv]').click(),
    ]);
    const csvText = readFileSync((await csv.path()) as string, 'utf8');
    const rows = csvText.trim().split('\n');
    expect(rows[0]).toBe('t,v,u,I');
    expect(rows).toHaveLength(1 + 601);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-view=neuron] [data-export=json]').click(),
    ]);
    const document = JSON.parse(readFileSync((await json.path()) as string, 'utf8')) as {
      preset: string;
      spikes: number[];
    };
    expect(document.preset).toBe('rs');
    expect(document.spikes).toEqual(GOLDEN.spikes.rs);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-view=neuron] [data-export=svg]').click(),
    ]);
    expect(svg.suggestedFilename()).toBe('rs.svg');
    expect(readFileSync((await svg.path()) as string, 'utf8')).toMatch(
      /^<svg[\s\S]*regular spiking/,
    );
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-view=neuron] [data-export=png]').click(),
    ]);
    const bytes = readFileSync((await png.path()) as string);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10000);
    await page.close();
  });

  it('lays out down to tablet width', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=tonic-bursting', {
      width: 800,
      height: 1000,
    });
    await page.locator('[data-value=count]').waitFor();
    await screenshot(page, 'neuron-tablet-800');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('gallery', () => {
  it('shows all 28 presets and opens one in the neuron view', async () => {
    const { page, errors } = await explorer.open('?view=gallery');
    await expect.poll(() => page.locator('.gallery-cell').count()).toBe(28);
    await screenshot(page, 'gallery', true);
    await page.locator('[data-preset=bistability]').click();
    expect(await page.locator('[data-field=preset]').inputValue()).toBe('bistability');
    expect(page.url()).toContain('preset=bistability');
    expect(await spikeCount(page)).toBe(GOLDEN.spikes.bistability?.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('slider-to-redraw time', () => {
  const setups = [
    { label: 'v and I(t) (the default panels)', show: 'I' },
    { label: 'every panel: v, u, I(t) and the phase plane', show: 'I,u,phase' },
  ];
  for (const setup of setups) {
    it(`is measured while dragging d on each of the 28 presets, ${setup.label}`, async () => {
      const { page, errors } = await explorer.open(`?view=neuron&show=${setup.show}`);
      const perPreset: { id: string; worst: number }[] = [];
      const all: number[] = [];
      for (const preset of PRESETS) {
        await page.locator('[data-field=preset]').selectOption(preset.id);
        await page.evaluate(() => performance.clearMeasures('izhikit:redraw'));
        await dragSlider(page, 'd', 0.2, 0.8, 16);
        // Each measure runs from the input event to the end of the redraw of every panel.
        const times = await page.evaluate(() =>
          performance
            .getEntriesByName('izhikit:redraw')
            .filter((entry) => (entry as PerformanceMeasure).detail === 'd')
            .map((entry) => entry.duration),
        );
        expect(times.length).toBeGreaterThan(0);
        perPreset.push({ id: preset.id, worst: Math.max(...times) });
        all.push(...times);
      }
      all.sort((x, y) => x - y);
      const slowest = [...perPreset].sort((x, y) => y.worst - x.worst).slice(0, 3);
      console.log(
        `slider-to-redraw, ${setup.label}, over ${PRESETS.length} presets (${all.length} input events): ` +
          `median ${median(all).toFixed(2)} ms, worst ${(all.at(-1) as number).toFixed(2)} ms; ` +
          `slowest: ${slowest.map((p) => `${p.id} ${p.worst.toFixed(2)} ms`).join(', ')}`,
      );
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
