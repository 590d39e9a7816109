/**
 * Test harness of the browser tests: builds the explorer once per test file into a temporary
 * folder, serves it with `vite preview` on a free port (with the cross-origin isolation headers
 * of vite.config.ts, and on request also without them), and drives Debian's headless Chromium.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
/** Screenshots for people to look at; not committed. */
export const ARTIFACTS = join(ROOT, 'artifacts', 'web');

export interface Explorer {
  readonly url: string;
  readonly browser: Browser;
  /** A fresh page that records console errors and uncaught exceptions into `errors`. */
  open(query?: string, viewport?: { width: number; height: number }): Promise<TestPage>;
  /**
   * As `open`, on a 390 × 844 touch phone (a context of its own: close it with
   * `page.context().close()`); `deviceScaleFactor` as Playwright's.
   */
  openPhone(query?: string, deviceScaleFactor?: number): Promise<TestPage>;
  /** As `open`, from a second server of the same build that sends no isolation headers. */
  openWithoutIsolation(query?: string): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestPage {
  readonly page: Page;
  readonly errors: string[];
}

export async function startExplorer(): Promise<Explorer> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  }
  const outDir = mkdtempSync(join(tmpdir(), 'izhikit-web-'));
  const configFile = join(ROOT, 'vite.config.ts');
  await build({ configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    configFile,
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  const url = serverUrl(server);
  // Without the config file: the same files, none of its headers (as a plain static host).
  let plain: PreviewServer | undefined;
  // Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir here).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const openAt = async (
    address: string,
    query: string,
    viewport: { width: number; height: number },
    phone?: { deviceScaleFactor?: number },
  ): Promise<TestPage> => {
    const page =
      phone === undefined
        ? await browser.newPage({ viewport, acceptDownloads: true })
        : await (
            await browser.newContext({ viewport, hasTouch: true, isMobile: true, ...phone })
          ).newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(address + query);
    return { page, errors };
  };
  return {
    url,
    browser,
    open: (query = '', viewport = { width: 1280, height: 800 }) => openAt(url, query, viewport),
    openPhone: (query = '', deviceScaleFactor) =>
      openAt(
        url,
        query,
        { width: 390, height: 844 },
        deviceScaleFactor ? { deviceScaleFactor } : {},
      ),
    async openWithoutIsolation(query = '') {
      plain ??= await preview({
        configFile: false,
        root: join(ROOT, 'web'),
        base: './',
        logLevel: 'error',
        build: { outDir },
        preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
      });
      return openAt(serverUrl(plain), query, { width: 1280, height: 800 });
    },
    async close() {
      await browser.close();
      for (const each of [server, plain]) {
        if (each !== undefined)
          await new Promise<void>((done) => each.httpServer.close(() => done()));
      }
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

function serverUrl(server: PreviewServer): string {
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview did not listen');
  return `http://127.0.0.1:${address.port}/`;
}

/** The neuron view's readout line (spike count, latency, rate, pattern) as text. */
export const neuronReadout = (page: Page): Promise<string> =>
  page.locator('[data-view=neuron] [data-readout]').innerText();

/** The pixels of the neuron view's v(t) canvas, to tell whether the plot changed. */
export const tracePixels = (page: Page): Promise<string> =>
  page.locator('.trace-v canvas').evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());

/** The message under the slider field named `name` (its `data-field`). */
export const sliderFieldError = (page: Page, name: string): Promise<string> =>
  page.locator(`.slider-field:has([data-field=${name}]) .field-error`).innerText();

/** Saves a screenshot of the page under artifacts/web/. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

/**
 * Starts a 10 ms timer on the page; `mainThreadTicks` then says how often it ran and its longest
 * gap, which shows whether work on the main thread held it up.
 */
export async function watchMainThread(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { ticks: number; maxGap: number; last: number };
    w.ticks = 0;
    w.maxGap = 0;
    w.last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.maxGap = Math.max(w.maxGap, now - w.last);
      w.last = now;
      w.ticks++;
    }, 10);
  });
}

export function mainThreadTicks(page: Page): Promise<{ ticks: number; maxGap: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { ticks: number; maxGap: number };
    return { ticks: w.ticks, maxGap: w.maxGap };
  });
}

/** Pixels of the canvas `canvas` within `tolerance` of the colour [r, g, b] (alpha aside). */
export function countPixels(
  canvas: Locator,
  rgb: readonly [number, number, number],
  tolerance = 0,
): Promise<number> {
  return canvas.evaluate(
    (element, [[r, g, b], within]) => {
      const c = element as HTMLCanvasElement;
      const context = c.getContext('2d') as CanvasRenderingContext2D;
      const data = context.getImageData(0, 0, c.width, c.height).data;
      const near = (at: number, value: number): boolean =>
        Math.abs((data[at] as number) - value) <= within;
      let count = 0;
      for (let p = 0; p < data.length; p += 4) {
        if (near(p, r) && near(p + 1, g) && near(p + 2, b)) count++;
      }
      return count;
    },
    [rgb, tolerance] as const,
  );
}

/** The network view's status line. */
export const networkStatus = (page: Page): Promise<string> =>
  page.locator('[data-view=network] [data-status]').innerText();

/** Waits for the network view's run in progress to end and returns its status line. */
export async function networkFinished(page: Page, timeout = 60000): Promise<string> {
  await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-view=network] [data-status]')?.textContent ?? '';
      return text.startsWith('done') || text === 'cancelled' || text === 'failed';
    },
    undefined,
    { timeout, polling: 50 },
  );
  return networkStatus(page);
}
