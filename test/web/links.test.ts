// Browser tests of links that open the explorer with values it cannot use: every bad value is
// marked, a garbled panel list keeps the panels, an I(t) too long for a link is refused in words,
// and a large map waits for Run with export buttons that wait too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

/** The message under a number field of the neuron view. */
const fieldError = async (page: Page, name: string): Promise<string> =>
  (await page.locator(`.slider-field:has([data-field=${name}]) .field-error`).textContent()) ?? '';

describe('links with values the explorer cannot use', () => {
  it('a link with several bad values marks each under its own field', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs&a=x&dt=-1&T=0&vpeak=abc');
    await page.locator('[data-view=neuron]').waitFor();
    expect(await fieldError(page, 'a')).toMatch(/the link's a = 'x' is not a number/);
    expect(await fieldError(page, 'dt')).toMatch(/dt must be positive/);
    expect(await fieldError(page, 'duration')).toMatch(/duration must be positive/);
    expect(await fieldError(page, 'vpeak')).toMatch(/the link's vpeak = 'abc' is not a number/);
    expect(await fieldError(page, 'b')).toBe('');
    // vpeak is in the Advanced group: it is unfolded to show the mark.
    expect(await page.locator('[data-field=vpeak]').isVisible()).toBe(true);
    await screenshot(page, 'link-several-bad-values');
    // Fixing them one by one runs the neuron.
    await page.locator('[data-field=dt]').fill('0.25');
    await page.locator('[data-field=duration]').fill('100');
    await expect.poll(() => page.locator('[data-value=count]').innerText()).toMatch(/^\d+$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the same run gives the same latency as a preset and as a custom neuron from a link', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    const latency = page.locator('[data-value=latency]');
    const preset = await latency.innerText();
    expect(preset).toBe('3.25 ms (input onset 15 ms)');
    const query = '?view=neuron&a=0.02&b=0.2&c=-65&d=8&v0=-63&dt=0.25&T=150&I=14*(t%3E15)';
    const { page: custom } = await explorer.open(query);
    expect(await custom.locator('[data-view=neuron] .plot-title').innerText()).toBe(
      'Custom neuron',
    );
    expect(await custom.locator('[data-value=latency]').innerText()).toBe(preset);
    expect(errors).toEqual([]);
    await page.close();
    await custom.close();
  });

  it('show=<garbage> keeps the default panels; show=none hides the optional ones', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs&show=%3Cgarbage%3E');
    await page.locator('[data-value=count]').waitFor();
    expect(await page.locator('.trace-panel').count()).toBe(2);
    expect(await page.locator('[data-toggle=showI]').isChecked()).toBe(true);
    const { page: none } = await explorer.open('?view=neuron&preset=rs&show=none');
    await none.locator('[data-value=count]').waitFor();
    expect(await none.locator('.trace-panel').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
    await none.close();
  });

  it('an I(t) too long for a link is refused under the field, with its length, and the plot stays', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    await page.locator('[data-value=count]').waitFor();
    const count = await page.locator('[data-value=count]').innerText();
    const long = `14*(t>15)${' + 0*t'.repeat(3500)}`;
    await page.locator('[data-field=input]').fill(long);
    const error = page.locator('.expression-error');
    await expect
      .poll(() => error.innerText())
      .toMatch(
        new RegExp(`I\\(t\\) is ${long.length} characters long; the explorer takes at most 2000`),
      );
    expect(await page.locator('[data-value=count]').innerText()).toBe(count);
    // The URL keeps the last good state, so the link still opens.
    await page.waitForTimeout(400);
    expect(page.url().length).toBeLessThan(4000);
    // The same text in a link (as another site could send it) opens with the message too.
    const { page: linked } = await explorer.open(
      `?view=neuron&preset=rs&I=${encodeURIComponent(`14*(t>15)${' + 0*t'.repeat(400)}`)}`,
    );
    await expect
      .poll(() => linked.locator('.expression-error').innerText())
      .toMatch(/characters long/);
    expect(errors).toEqual([]);
    await page.close();
    await linked.close();
  });

  it('a link to a 400 × 400 map says it waits for Run, and its export buttons wait for a map', async () => {
    const { page, errors } = await explorer.open('?view=dynamics&x=a:0:0.2:400&y=b:0:0.3:400', {
      width: 1280,
      height: 1250,
    });
    const card = page.locator('[data-view=dynamics] .map-card');
    await expect
      .poll(() => card.innerText())
      .toMatch(/A 400 × 400 map \(160000 cells\) does not start by itself/);
    for (const name of ['map-csv', 'map-json', 'map-svg']) {
      expect(await page.locator(`[data-export=${name}]`).isDisabled()).toBe(true);
    }
    await screenshot(page, 'link-large-map');
    expect(errors).toEqual([]);
    await page.close();
  });
});
