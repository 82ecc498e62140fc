// Links a document can rely on: a copied link records the model version and the run's trace, and
// a link made by another model version says, once its run is computed, whether the run is the same;
// gallery links name their revision.

import { test, expect, openGallery } from './fixtures';
import FROZEN from '../src/scenario/frozen/links.json' with { type: 'json' };

test('a copied link records the model and the trace of its run', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGallery(page, 'seed-attack');
  await expect(page.getByTestId('computing')).toHaveCount(0);
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: /Copy link/ }).click();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#g=seed-attack@1&model=1&trace=354e568c$/);
});

test('a link from another model version says whether the run is the same', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/#g=seed-attack&model=0&trace=354e568c');
  await expect(page.getByTestId('notice')).toContainText(
    'made with model version 0; this is version 1, and the run is the same (trace 354e568c)',
  );
  await page.goto('/');
  await page.goto('/#g=seed-attack&model=0&trace=deadbeef');
  await expect(page.getByTestId('notice')).toContainText('the run differs from the one the link recorded (trace deadbeef, now 354e568c)');
});

test('a link from this model with its own trace says nothing', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/#g=seed-attack@1&model=1&trace=354e568c');
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await expect(page.getByTestId('computing')).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('gallery links are pinned: a revision the app does not have opens the current one and says so', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/#g=seed-attack@7');
  await expect(page.getByTestId('notice')).toContainText(
    "names revision 7 of the gallery's “The seed's attack”, which this app does not have; it opens revision 1",
  );
  await expect(page.getByTestId('node-smmu')).toBeVisible();
});

// Links frozen from an earlier build (src/scenario/frozen/links.json): each opens and, once its run
// is computed, records the same trace when copied again — the run is the one its author saw.
// A frozen link that selects a violation its run does not have opens the run and says so.
const FROZEN_NOTICES: Record<string, string> = {
  'stale-atc under P5 with skip-atc-inv': 'it selects violation v0, and this run has none up to t=600',
};
for (const name of ['seed-attack in full', 'stale-atc under P5 with skip-atc-inv', 'quarantine pinned']) {
  test(`a frozen link opens with its recorded trace: ${name}`, async ({ page }) => {
    const frozen = FROZEN.find((l) => l.name === name)!;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto(`/${frozen.link}`);
    await expect(page.getByTestId('node-smmu')).toBeVisible();
    await expect(page.getByTestId('computing')).toHaveCount(0);
    await page.waitForTimeout(300);
    const notice = FROZEN_NOTICES[name];
    if (notice) await expect(page.getByTestId('notice')).toContainText(notice);
    else await expect(page.getByTestId('notice')).toHaveCount(0);
    await page.getByLabel('Share').click();
    await page.getByRole('menuitem', { name: /Copy link/ }).click();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URLSearchParams(new URL(url).hash.slice(1)).get('trace')).toBe(frozen.trace);
  });
}
