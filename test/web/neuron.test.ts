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
    await screenshot(page, 'neuron-expression-error');
    await field.press('End');
    await field.pressSequentially('15)');
    expect(await error.innerText()).toBe('');
    const expected = simulate(presetOptions('rz', { input: '14*(t>15)' })).spikes.length;
    expect(await spikeCount(page)).toBe(expected);
    expect(await plotPixels(page)).not.toBe(pixels);
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
