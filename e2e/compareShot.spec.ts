// The Compare view's picture for the docs (docs/compare.png): the seed's attack under P0 and P1,
// at t=77, where P0 lets the device read P's secret, at 1280×800 and 1920×1080; every text legible
// (11 px or more on screen). The pictures go to the test's output, and to docs/compare.png when
// DOCS_SHOTS is set.

import { test, expect } from './fixtures';

for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
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
    // The smallest text on screen: HTML text by its computed size, SVG text by its drawn height.
    const smallest = await page.getByTestId('compare').evaluate((root) => {
      let min = Infinity;
      for (const el of root.querySelectorAll('svg text')) min = Math.min(min, el.getBoundingClientRect().height);
      for (const el of root.querySelectorAll('*:not(svg *)'))
        if ([...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== ''))
          min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(11);
    const docs = w === 1280 && process.env.DOCS_SHOTS !== undefined;
    await page.screenshot({ path: docs ? 'docs/compare.png' : test.info().outputPath(`compare-${w}.png`) });
  });
}
