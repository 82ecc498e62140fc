// The screenshots in README.md and docs/, made from the production build as a user sees it:
// `npm run screenshots`. Not part of `npm test` (the files are checked in and looked at).

import { readFileSync } from 'node:fs';
import { test, expect, openGallery, seek } from './fixtures';
import type { Page } from '@playwright/test';

const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '1024', width: 1024, height: 768 },
  { name: '1920', width: 1920, height: 1080 },
];

/** The seed's attack with its violation selected: the leak's path drawn, named at the page, the SMMU entry marked. */
async function atViolation(page: Page): Promise<void> {
  await openGallery(page, 'seed-attack');
  await page.locator('[data-testid=verdict][data-invariant=I1b] button:not(.pn-more)').click();
  await expect(page.getByTestId('danger-label')).toContainText("A's descriptor read P's secret");
  // The frame animates to the violation; the overlay draws the playhead's frame.
  await page.waitForTimeout(1200);
}

for (const s of SIZES) {
  test(`workbench at ${s.width}×${s.height}`, async ({ page }) => {
    await page.setViewportSize(s);
    await atViolation(page);
    await page.screenshot({ path: `docs/workbench-${s.name}.png` });
    if (s.name === '1280') await page.screenshot({ path: 'docs/screenshot.png' });
  });

  test(`present at ${s.width}×${s.height}`, async ({ page }) => {
    await page.setViewportSize(s);
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto('/#g=seed-attack&present');
    await expect(page.getByTestId('presentation')).toBeVisible();
    // Run to the caption that tells the leak, one caption at a time, and let the path be drawn.
    for (let n = 2; n <= 5; n++) {
      await page.keyboard.press('PageDown');
      await expect(page.getByTestId('presentation')).toContainText(`${n} / 6`, { timeout: 20_000 });
    }
    await expect(page.getByTestId('danger-label')).toBeVisible();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `docs/present-${s.name}.png` });
  });
}

test.describe('a first visit', () => {
  test.use({ welcome: true });
  test('the welcome at 1280×800', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.waitForTimeout(600);
    await page.screenshot({ path: 'docs/welcome.png' });
  });
});

test('the embed in a design document at 1280×900', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const host = readFileSync(new URL('../docs/embed-example.html', import.meta.url), 'utf8');
  await page.route('**/review.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: host.replace(/src="http:\/\/localhost:4317\/[^"]*"/, 'src="/?embed=1#g=seed-attack"'),
    }),
  );
  await page.goto('/review.html');
  await expect(page.frameLocator('#player').getByTestId('node-smmu')).toBeVisible();
  await page.getByRole('button', { name: 'The leak (t=77)' }).click();
  await expect(page.frameLocator('#player').getByTestId('danger-label')).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/embed.png' });
});

test('every policy at 1280×800', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  await page.goto('/#g=seed-attack&view=matrix');
  await expect(page.getByTestId('matrix').locator('tbody tr')).toHaveCount(9, { timeout: 30_000 });
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('9 policies.');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/matrix.png' });
});

test('the policy editor at 1280×800', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await page.getByLabel('Policy', { exact: true }).selectOption('edit-policy');
  const editor = page.getByTestId('policy-editor');
  await editor.getByLabel('Start from').selectOption('P0');
  await editor.getByRole('button', { name: 'Start' }).click();
  await editor
    .getByTestId('pe-step')
    .nth(3)
    .click({ position: { x: 4, y: 4 } });
  await editor.getByRole('button', { name: 'Add reset' }).click();
  await expect(page.locator('[data-testid=verdict][data-invariant=I1b]')).toHaveAttribute('data-status', 'holds');
  await editor.locator('[data-testid=pe-step][data-kind=reset]').focus();
  // The operations and transfer's steps, down to the added reset and the step after it.
  await editor.evaluate((el) => {
    let box = el.parentElement;
    while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
    const reset = el.querySelector<HTMLElement>('[data-testid=pe-step][data-kind=reset]');
    if (box && reset) box.scrollTop += reset.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom + 80;
  });
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'docs/policy-editor.png' });
});

/** The seed's attack under P0 with the Explore panel open, its bounds set for a short search. */
async function exploreOpen(page: Page): Promise<void> {
  await openGallery(page, 'seed-attack');
  await page.getByRole('button', { name: 'Explore…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Explore' });
  await dialog.getByLabel('Deviations K').fill('2');
  await dialog.getByLabel('Budget (schedules)').fill('400');
}

test('the Explore panel at 1280×800', async ({ page }) => {
  await exploreOpen(page);
  await page.getByRole('dialog', { name: 'Explore' }).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('explore-results')).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/explore.png' });
});

test('Explore all policies at 1280×800', async ({ page }) => {
  await exploreOpen(page);
  await page.getByRole('dialog', { name: 'Explore' }).getByRole('button', { name: 'Explore all policies' }).click();
  const matrix = page.getByTestId('explore-matrix');
  await expect(matrix.locator('tbody tr')).toHaveCount(9);
  await expect(matrix.locator('tbody tr.ex-waiting')).toHaveCount(0, { timeout: 120_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/explore-matrix.png' });
});

// The Compare view: the seed's attack under P0 and P1 at t=77, where P0 lets the device read P's
// secret; every text legible (11 px or more on screen) at 1280×800 (docs/compare.png) and 1920×1080.
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
    await page.screenshot({ path: w === 1280 ? 'docs/compare.png' : test.info().outputPath(`compare-${w}.png`) });
  });
}

test('an exported PNG, light and at 2×', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await seek(page, 77);
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: 'Export picture…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export picture' });
  await dialog.getByLabel('PNG', { exact: true }).check();
  await dialog.getByLabel('2×', { exact: true }).check();
  await dialog.getByLabel('Light (for documents)').check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  await (await download).saveAs('docs/export-example.png');
});
