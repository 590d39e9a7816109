// Browser tests of the phase-plane panel's key: every line drawn is named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExplorer, type Explorer } from './explorer.js';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

describe('phase plane', () => {
  it('names the dashed verticals: the reset c and the cut-off vpeak, with their values', async () => {
    const { page, errors } = await explorer.open(
      '?view=neuron&preset=inhibition-induced-bursting&show=I,phase',
    );
    const legend = page.locator('.phase-legend');
    await expect.poll(() => legend.innerText()).toContain('v = c (-45) and vpeak (30)');
    await page.locator('[data-field=c]').fill('-50');
    await expect.poll(() => legend.innerText()).toContain('v = c (-50)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the nullclines inside the plot frame, none past its right edge', async () => {
    for (const preset of [
      'rs',
      'tonic-bursting',
      'inhibition-induced-bursting',
      'class-2-excitable',
    ]) {
      const { page, errors } = await explorer.open(`?view=neuron&preset=${preset}&show=I,phase`);
      const canvas = page.locator('.phase-chart canvas');
      await expect.poll(() => canvas.getAttribute('data-plot-box')).toMatch(/,/);
      const { inside, outside } = await canvas.evaluate((element) => {
        const c = element as HTMLCanvasElement;
        const [left, top, right, bottom] = (c.dataset.plotBox as string).split(',').map(Number) as [
          number,
          number,
          number,
          number,
        ];
        const ratio = c.width / c.getBoundingClientRect().width;
        const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(
          0,
          0,
          c.width,
          c.height,
        ).data;
        let inside = 0;
        let outside = 0;
        for (let y = 0; y < c.height; y++) {
          for (let x = 0; x < c.width; x++) {
            const p = (y * c.width + x) * 4;
            // The u-nullcline's teal (#0f766e) or the v-nullcline's orange (#ea580c).
            const teal = data[p] === 15 && data[p + 1] === 118 && data[p + 2] === 110;
            const orange = data[p] === 234 && data[p + 1] === 88 && data[p + 2] === 12;
            if (!teal && !orange) continue;
            const [cx, cy] = [x / ratio, y / ratio];
            if (cx > left && cx < right && cy > top && cy < bottom) inside++;
            else outside++;
          }
        }
        return { inside, outside };
      });
      expect(inside, preset).toBeGreaterThan(50);
      expect(outside, preset).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
