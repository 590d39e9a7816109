// Browser tests of the small number fields: their help is on screen and read with the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startExplorer, type Explorer } from '../explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

/** The visible texts the field `name` points to with aria-describedby. */
const description = (page: Page, name: string): Promise<string[]> =>
  page.locator(`[data-field=${name}]`).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((e): e is HTMLElement => e !== null && e.getClientRects().length > 0)
      .map((e) => e.innerText.trim())
      .filter((text) => text !== ''),
  );

describe('createNumberField', () => {
  it('shows its help under the field on a phone and gives it as the description, not a hover tooltip', async () => {
    const { page, errors } = await explorer.open('?view=polychron', { width: 390, height: 844 });
    const variant = page.locator('[data-field=poly-variant]');
    await variant.waitFor();
    expect(await description(page, 'poly-variant')).toEqual([
      'matlab follows spnet.m, cpp follows poly_spnet.cpp',
    ]);
    expect(await page.locator('[data-view=polychron] label[title]').count()).toBe(0);
    // A bad value adds its message to the description, after the help.
    await variant.fill('java');
    await expect.poll(() => description(page, 'poly-variant')).toHaveLength(2);
    expect((await description(page, 'poly-variant'))[1]).toContain('variant must be');
    await screenshot(page, 'number-field-help-phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in the dynamics view the f–I steps say their range', async () => {
    const { page, errors } = await explorer.open('?view=dynamics');
    await page.locator('[data-field=fi-steps]').waitFor();
    const [help] = await description(page, 'fi-steps');
    expect(help).toMatch(/^number of inputs from 'from' to 'to' \(2 to \d+\)$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
