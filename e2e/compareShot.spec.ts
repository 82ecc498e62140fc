// The Compare view's picture for the docs (docs/compare.png): the seed's attack under P0 and P1,
// at the tick where the runs diverge, at 1280×800; and a look at 1920×1080.

import { test, expect } from './fixtures';

for (const [w, h, file] of [
  [1280, 800, 'docs/compare.png'],
  [1920, 1080, 'test-results/compare-1920.png'],
] as const) {
  test(`the Compare view at ${w}×${h}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto('/#g=seed-attack&vs=P1');
    const go = page.getByTestId('compare').getByRole('button', { name: /^Go to t=/ });
    await expect(go).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('compare-only-a')).toContainText('I1b', { timeout: 30_000 });
    await go.click();
    // Then the moment P0 lets the device read P's secret.
    const lanes = page.getByTestId('compare-timeline');
    const horizon = Number(await lanes.getAttribute('aria-valuemax'));
    const box = (await lanes.boundingBox())!;
    await lanes.click({ position: { x: (box.width * 77.5) / horizon, y: 10 } });
    await expect(page.getByTestId('compare-t')).toHaveText('t=77');
    await page.waitForTimeout(300);
    await page.screenshot({ path: file });
  });
}
