// Browser tests of bad input as a new user types it: each message stands next to the field at
// fault, the last good plot stays, and nothing freezes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  neuronReadout as readout,
  screenshot,
  sliderFieldError as fieldError,
  startExplorer,
  tracePixels as plotPixels,
  type Explorer,
} from './explorer.js';
import { largestNetwork } from '../../web/network/validate.js';
import { MAX_PAGE_THREADS } from '../../web/network/protocol.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

const topMessage = (page: Page): Promise<string> =>
  page.locator('[data-view=neuron] .run-error').innerText();

describe('neuron view, bad input', () => {
  it('I(t) that is infinite (1/0) or NaN (log(-1)) is reported under the I(t) field, not above the plot', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    const pixels = await plotPixels(page);
    const numbers = await readout(page);
    const error = page.locator('.expression-error');
    await page.locator('[data-field=input]').fill('1/0');
    await expect.poll(() => error.innerText()).toContain('I(t) is Infinity');
    await page.locator('[data-field=input]').fill('log(-1)');
    await expect.poll(() => error.innerText()).toContain('I(t) is NaN');
    expect(await topMessage(page)).toBe('');
    expect(await page.locator('.stale-note').isVisible()).toBe(true);
    expect(await readout(page)).toBe(numbers);
    expect(await plotPixels(page)).toBe(pixels);
    await screenshot(page, 'bad-input-expression-infinite');
    await page.locator('[data-field=input]').fill('14*(t>15)');
    await expect.poll(() => error.innerText()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('two fields wrong at once are both marked, and each mark goes when its field is fixed', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    const numbers = await readout(page);
    await page.locator('[data-field=dt]').fill('0');
    await expect.poll(() => fieldError(page, 'dt')).toContain('dt');
    await page.locator('[data-field=duration]').fill('-5');
    await expect.poll(() => fieldError(page, 'duration')).toContain('duration');
    // dt is still 0: its message stays beside the new one
    expect(await fieldError(page, 'dt')).toContain('dt');
    expect(await readout(page)).toBe(numbers);
    await page.locator('[data-field=dt]').fill('0.25');
    await expect.poll(() => fieldError(page, 'dt')).toBe('');
    expect(await fieldError(page, 'duration')).toContain('duration');
    await page.locator('[data-field=duration]').fill('300');
    await expect.poll(() => fieldError(page, 'duration')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a dt so large that v diverges is reported under dt, with the time and a smaller dt to try', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    const numbers = await readout(page);
    await page.locator('[data-field=dt]').fill('5');
    await expect.poll(() => fieldError(page, 'dt')).toMatch(/diverged at t = .* try a smaller dt/);
    expect(await topMessage(page)).toBe('');
    expect(await readout(page)).toBe(numbers);
    await page.locator('[data-field=dt]').fill('0.25');
    await expect.poll(() => fieldError(page, 'dt')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a duration too long to draw (1e7 ms at dt 0.01) is refused under the duration with its size, and the page answers', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs&dt=0.01');
    const numbers = await readout(page);
    await page.locator('[data-field=duration]').fill('1e7');
    await expect.poll(() => fieldError(page, 'duration')).toMatch(/1000000001 steps.*32\.0 GB/);
    // The browser has no --spikes-only flag: the message says what to do here.
    expect(await fieldError(page, 'duration')).toContain('use a larger dt or a shorter duration');
    expect(await fieldError(page, 'duration')).not.toContain('--');
    expect(await topMessage(page)).toBe('');
    expect(await readout(page)).toBe(numbers);
    // 1e5 ms (1e7 steps, 320 MB) is refused too, instead of freezing the page on every keystroke.
    await page.locator('[data-field=duration]').fill('100000');
    await expect.poll(() => fieldError(page, 'duration')).toContain('320 MB');
    await screenshot(page, 'bad-input-duration-too-long');
    // 1e4 ms at dt 0.01 (1 million steps) is the most the view draws.
    await page.locator('[data-field=duration]').fill('10000');
    await expect.poll(() => fieldError(page, 'duration')).toBe('');
    await page.locator('[data-field=duration]').fill('10001');
    await expect
      .poll(() => fieldError(page, 'duration'))
      .toMatch(/1000101 steps.*32\.0 MB the explorer draws/);
    await page.locator('[data-field=duration]').fill('150');
    await expect.poll(() => fieldError(page, 'duration')).toBe('');
    expect(await readout(page)).toBe(numbers);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a long I(t) wraps inside its field instead of running out of sight', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=resonator');
    const field = page.locator('[data-field=input]');
    const size = (): Promise<{ scrollWidth: number; clientWidth: number; height: number }> =>
      field.evaluate((input) => ({
        scrollWidth: input.scrollWidth,
        clientWidth: input.clientWidth,
        height: input.clientHeight,
      }));
    const long = await size();
    expect(long.scrollWidth).toBeLessThanOrEqual(long.clientWidth);
    const text = await field.inputValue();
    await field.fill('t');
    const short = await size();
    // The four pulses take more than one line; a short expression takes one.
    expect(long.height).toBeGreaterThan(short.height * 1.5);
    await field.fill(text);
    // Enter does not break the expression into lines.
    await field.press('End');
    await field.press('Enter');
    expect(await field.inputValue()).not.toContain('\n');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an input that moves from the first step (a sine) gives the latency from t = 0, and binary noise in I shows as 0', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs&show=I,phase');
    await page.locator('[data-field=input]').fill('10*(t>20) + 2*sin(2*pi*t/50)');
    await expect
      .poll(() => page.locator('[data-value=latency]').innerText())
      .toBe('24 ms (from t = 0)');
    // At the end (t = 150 ms) sin(2π·3) is −7e−16: the nullclines are those of I = 0.
    await page.locator('[data-field=input]').fill('2*sin(2*pi*t/50)');
    await expect.poll(() => page.locator('.phase-caption').innerText()).toContain('I = 0,');
    expect(await page.locator('.phase-chart').innerText()).toContain('v-nullcline (I = 0)');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('readout', () => {
  it('says what the latency counts from: t = 0 for the rebound burst, the onset for a step', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=tc-burst');
    const latency = page.locator('[data-value=latency]');
    expect(await latency.innerText()).toBe('51 ms (from t = 0)');
    await page.locator('[data-field=preset]').selectOption('rs');
    expect(await latency.innerText()).toBe('3.25 ms (input onset 15 ms)');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('I(t) hint', () => {
  it('uses the characters the parser reads (ASCII minus), and its example runs', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    const hint = await page.locator('.expression-field .hint').innerText();
    expect(hint).not.toMatch(/[\u2212\u00d7]/);
    expect(hint).not.toContain(' c ? ');
    const example = /Example: (.*)\.$/.exec(hint)?.[1];
    expect(example).toBe('10*(t>20 && t<80)');
    await page.locator('[data-field=input]').fill(example as string);
    await expect.poll(() => page.locator('[data-value=count]').innerText()).not.toBe('5');
    expect(await page.locator('.expression-error').innerText()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('number fields', () => {
  it('an emptied or half-typed field ("-") says it needs a number, then shows the value in use again on leaving', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    const numbers = await readout(page);
    const dt = page.locator('[data-field=dt]');
    await dt.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('-');
    await expect.poll(() => fieldError(page, 'dt')).toBe('dt must be a number');
    await page.keyboard.press('Tab');
    expect(await dt.inputValue()).toBe('0.25');
    expect(await fieldError(page, 'dt')).toBe('');
    const a = page.locator('[data-field=a]');
    await a.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await expect.poll(() => fieldError(page, 'a')).toBe('a must be a number');
    await page.keyboard.press('Enter');
    expect(await a.inputValue()).toBe('0.02');
    expect(await readout(page)).toBe(numbers);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('neuron view, values from elsewhere', () => {
  it('a run that diverges after an edit of k2 is named under k2, where the user is looking', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    await page.locator('.advanced summary').click();
    await page.locator('[data-field=k2]').fill('0');
    await expect.poll(() => fieldError(page, 'k2')).toContain('diverged');
    expect(await fieldError(page, 'dt')).toBe('');
    expect(await page.locator('.stale-note').isVisible()).toBe(true);
    await page.locator('[data-field=k2]').fill('0.04');
    await expect.poll(() => fieldError(page, 'k2')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('unticking u0 = b·v0 starts the field from b·v0 without binary noise (−12.6, not −12.600000000000001)', async () => {
    const { page, errors } = await explorer.open('?view=neuron&preset=rs');
    await page.locator('[data-field=auto-u0]').uncheck();
    expect(await page.locator('[data-field=u0]').isEnabled()).toBe(true);
    expect(await page.locator('[data-field=u0]').inputValue()).toBe('-12.6');
    await expect.poll(() => page.url()).toContain('u0=-12.6&');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('network view, bad input', () => {
  const view = (page: Page) => page.locator('[data-view=network]');
  const status = (page: Page): Promise<string> => view(page).locator('[data-status]').innerText();
  const networkFieldError = (page: Page, name: string): Promise<string> =>
    view(page).locator(`.slider-field:has([data-field=${name}]) .field-error`).innerText();
  const done = (page: Page): Promise<unknown> =>
    page.waitForFunction(
      () =>
        (document.querySelector('[data-view=network] [data-status]')?.textContent ?? '').startsWith(
          'done',
        ),
      undefined,
      { timeout: 60000, polling: 50 },
    );

  it('Ne = −1, Ne = 1.5 and Ne = 100 000 are named under Ne as they are typed; Run with them runs nothing', async () => {
    const { page, errors } = await explorer.open('?view=network&ne=200&ni=50');
    await done(page);
    const ne = view(page).locator('[data-field=net-ne]');
    await ne.fill('-1');
    await expect
      .poll(() => networkFieldError(page, 'net-ne'))
      .toBe('Ne must be a whole number ≥ 0, got -1');
    await ne.fill('1.5');
    await expect.poll(() => networkFieldError(page, 'net-ne')).toContain('got 1.5');
    await ne.fill('100000');
    await expect.poll(() => networkFieldError(page, 'net-ne')).toMatch(/100050 neurons needs .*GB/);
    // the largest network the page's threads hold (their fired lists and spike log count too)
    const threads = await page.evaluate(() => navigator.hardwareConcurrency);
    const largest = largestNetwork('all', Math.min(threads, MAX_PAGE_THREADS));
    expect(largest).toBeGreaterThanOrEqual(15700);
    expect(largest).toBeLessThanOrEqual(15800);
    expect(await networkFieldError(page, 'net-ne')).toContain(
      `(at most about ${largest} fit; a sparse network, with synapses per neuron set, holds more)`,
    );
    expect(await status(page)).toBe('fix the marked setting, then press Run');
    await view(page).locator('[data-action=run]').click();
    expect(await status(page)).toBe('failed');
    expect(await view(page).locator('[data-error]').innerText()).toMatch(/needs .*GB/);
    await screenshot(page, 'bad-input-network-size');
    // Ni too large is named under Ni; Ne = Ni = 0 asks for one neuron.
    await ne.fill('200');
    await expect.poll(() => networkFieldError(page, 'net-ne')).toBe('');
    expect(await view(page).locator('[data-error]').innerText()).toBe('');
    await view(page).locator('[data-field=net-ni]').fill('40000');
    await expect.poll(() => networkFieldError(page, 'net-ni')).toContain('needs');
    await view(page).locator('[data-field=net-ni]').fill('0');
    await ne.fill('0');
    await expect.poll(() => networkFieldError(page, 'net-ne')).toContain('Ne + Ni > 0');
    await ne.fill('200');
    await view(page).locator('[data-field=net-dt]').fill('5000');
    await expect.poll(() => networkFieldError(page, 'net-dt')).toContain('must not exceed');
    await view(page).locator('[data-field=net-dt]').fill('1');
    await view(page).locator('[data-action=run]').click();
    await done(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the neuron index: empty or 2.5 is not neuron 0, and Enter shows the neuron without re-running the network', async () => {
    const { page, errors } = await explorer.open('?view=network&ne=200&ni=50');
    await done(page);
    const finished = await status(page);
    const index = view(page).locator('[data-field=net-neuron]');
    const title = view(page).locator('.chart-title').last();
    const neuronError = view(page).locator('.field-error').last();
    for (const text of ['', '2.5']) {
      await index.fill(text);
      await index.press('Enter');
      await expect.poll(() => neuronError.innerText()).toContain('whole number from 0 to 249');
      expect(await title.innerText()).toBe('v(t) of one neuron: click a raster row');
    }
    await index.fill('300');
    await index.press('Enter');
    await expect.poll(() => neuronError.innerText()).toContain('there is no neuron 300');
    await index.fill('12');
    await index.press('Enter');
    await expect.poll(() => title.innerText()).toBe('v(t) of neuron 12 (excitatory)');
    expect(await neuronError.innerText()).toBe('');
    // The same run is on screen: Enter did not submit the settings form.
    expect(await status(page)).toBe(finished);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link with a network too large for memory names the problem under Ne on opening', async () => {
    const { page, errors } = await explorer.open('?view=network&ne=100000');
    await expect.poll(() => networkFieldError(page, 'net-ne')).toContain('needs 40.2 GB');
    expect(await status(page)).toBe('fix the marked setting, then press Run');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 10 000-neuron link does not start by itself and says so; exports wait for a run', async () => {
    const { page, errors } = await explorer.open('?view=network&ne=8000&ni=2000');
    await expect.poll(() => status(page)).toContain('10000 neurons: press Run');
    // Asking for a neuron's v(t) before any run says why nothing shows.
    await view(page).locator('[data-field=net-neuron]').fill('3');
    await view(page).locator('[data-action=show-neuron]').click();
    expect(await view(page).locator('.field-error').last().innerText()).toContain(
      'run the network first',
    );
    for (const name of ['csv', 'json', 'svg', 'png']) {
      expect(await view(page).locator(`[data-export=${name}]`).isDisabled()).toBe(true);
    }
    await view(page).locator('[data-field=net-ne]').fill('200');
    await view(page).locator('[data-field=net-ni]').fill('50');
    await view(page).locator('[data-action=run]').click();
    await done(page);
    expect(await view(page).locator('[data-export=csv]').isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('network view, tiny networks', () => {
  it('one neuron: the spectrum plotted reaches the dominant frequency the readout names', async () => {
    // seed 3: this lone neuron fires 5 times, a dominant frequency far above 100 Hz
    const { page, errors } = await explorer.open('?view=network&ne=1&ni=0&seed=3');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-view=network] [data-status]')?.textContent ?? '').startsWith(
          'done',
        ),
      undefined,
      { timeout: 60000, polling: 50 },
    );
    const dominant = parseFloat(
      await page.locator('[data-view=network] [data-value=dominant]').innerText(),
    );
    const upTo = Number(
      await page.locator('[data-view=network] [data-up-to]').getAttribute('data-up-to'),
    );
    expect(dominant).toBeGreaterThan(100);
    expect(upTo).toBeGreaterThanOrEqual(dominant);
    expect(errors).toEqual([]);
    await page.close();
  });
});
