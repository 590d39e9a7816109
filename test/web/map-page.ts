// Helpers of the browser tests of the dynamics view's parameter map: waiting for a run to finish,
// and where a cell of the map on screen is.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const DYNAMICS_VIEW = '[data-view=dynamics]';

/** Waits for a map run to finish and returns what the page says about it. */
export async function finishedMap(page: Page): Promise<{ counts: number[]; digest: string }> {
  const status = page.locator(`${DYNAMICS_VIEW} [data-map-status]`);
  await expect.poll(() => status.innerText(), { timeout: 20000 }).toMatch(/^done/);
  const holder = page.locator(`${DYNAMICS_VIEW} [data-map]`);
  return {
    counts: ((await holder.getAttribute('data-counts')) ?? '').split(',').map(Number),
    digest: (await holder.getAttribute('data-digest')) ?? '',
  };
}

/** The page position of the centre of cell (ix, iy) of the nx × ny map on screen. */
export async function cellPoint(
  page: Page,
  ix: number,
  iy: number,
  nx: number,
  ny: number,
): Promise<{ x: number; y: number }> {
  const box = JSON.parse(
    (await page.locator(`${DYNAMICS_VIEW} [data-map]`).getAttribute('data-box')) ?? '{}',
  ) as { x: number; y: number; width: number; height: number };
  const canvas = await page.locator(`${DYNAMICS_VIEW} .map-canvas`).boundingBox();
  if (canvas === null) throw new Error('the map is not visible');
  return {
    x: canvas.x + box.x + ((ix + 0.5) * box.width) / nx,
    y: canvas.y + box.y + box.height - ((iy + 0.5) * box.height) / ny,
  };
}
