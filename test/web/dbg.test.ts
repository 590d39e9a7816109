import { it } from 'vitest';
import { startExplorer, screenshot } from '/work/wt/polyview/test/web/explorer.js';
for (const variant of ['cpp', 'matlab']) {
it('dbg ' + variant, async () => {
  const ex = await startExplorer();
  const { page, errors } = await ex.open('?view=polychron&variant=' + variant);
  await page.locator('[data-field=poly-until]').fill('300');
  await page.locator('[data-action=poly-run]').click();
  await page.waitForFunction(() => (document.querySelector('[data-view=polychron]') as HTMLElement).dataset.time === '300000', undefined, { timeout: 200000 });
  await page.locator('[data-action=poly-groups]').click();
  for (let k = 0; k < 100; k++) {
    await page.waitForTimeout(3000);
    const st = await page.locator('[data-groups-status]').innerText();
    console.log(variant, st);
    if (!st.startsWith('searching')) break;
  }
  await screenshot(page, 'dbg-groups-' + variant, true);
  console.log(errors);
  await ex.close();
}, 600000);
}
