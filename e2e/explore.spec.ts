// The Explore panel in the app: a custom policy built from P3 without its TLBI is explored from the
// policy editor, and its table-lifetime counterexample opens at the violation; Cancel stops a long
// search; Explore all policies fills the policies × invariants matrix for the seed's attack, and a
// ✗ found by a deviation opens that run with its timing (&x=); a counterexample opens on the
// violation it found, not on the run's first.

import { test, expect, openGallery, tick } from './fixtures';
import type { Page } from '@playwright/test';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Explore' });

async function bounds(page: Page, b: Record<string, string>) {
  for (const [label, value] of Object.entries(b)) await dialog(page).getByLabel(label).fill(value);
}

test('P3 without its TLBI, explored from the policy editor: the counterexample opens at the violation', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await page.getByLabel('Policy', { exact: true }).selectOption('edit-policy');
  const editor = page.getByTestId('policy-editor');
  await editor.getByLabel('Start from').selectOption('P3');
  await editor.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByLabel('Policy', { exact: true })).toHaveValue('custom');
  // Transfer's fourth step is P3's TLBI of the old table: remove it.
  const tlbi = editor.getByTestId('pe-step').nth(3);
  await expect(tlbi).toHaveAttribute('data-kind', 'cmd');
  await expect(tlbi.locator('select').first()).toHaveValue('TLBI_S12_VMALL');
  await editor.getByRole('button', { name: 'Remove step 4' }).click();
  await expect(editor.getByTestId('pe-step').nth(3)).toHaveAttribute('data-kind', 'sync');

  await editor.getByRole('button', { name: 'Explore' }).click();
  await expect(dialog(page)).toContainText('policy custom: P3');
  await expect(dialog(page).getByLabel('Deviations K')).toHaveValue('2');
  const progress = page.waitForSelector('[data-testid=explore-progress]');
  await dialog(page).getByRole('button', { name: 'Run', exact: true }).click();
  await progress;
  const results = page.getByTestId('explore-results');
  await expect(results).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('explore-progress')).toHaveCount(0);
  // Without the TLBI the old table is freed while the TLB may still cache it: I4 breaks.
  const i4 = results.locator('tr[data-invariant=I4]');
  await expect(i4).toHaveAttribute('data-result', 'counterexample');
  await expect(i4).toContainText('✗ counterexample, t=47');
  await expect(i4).toContainText('the default schedule breaks it');
  // What held is "none found" with what was covered, never a bare "safe".
  const i1 = results.locator('tr[data-invariant=I1]');
  await expect(i1).toHaveAttribute('data-result', 'none');
  await expect(i1).toContainText(/✓ none found.*\d+ schedules · \d+ states · bound \d\/2 · (not )?exhausted/);
  await expect(page.getByTestId('explore-coverage')).toContainText('custom: P3');

  await i4.getByRole('button', { name: 'Open' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&t=47&sel=v\d+/);
  await expect.poll(() => tick(page)).toBe(47);
  await expect(page.locator('.pn-reason')).toContainText('table');
});

test('the canvas keeps running during a search; Cancel stops it and the panel says so', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Explore…' }).click();
  await bounds(page, { 'Deviations K': '4', 'Budget (schedules)': '1000000', 'Time limit (s)': '' });
  await dialog(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('explore-schedules').textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
  // The run plays on while the workers search.
  const before = await tick(page);
  await expect.poll(() => tick(page)).toBeGreaterThan(before + 10);
  await expect(page.getByTestId('explore-progress')).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('explore-status')).toHaveText('Cancelled: the workers were stopped.');
  await expect(page.getByTestId('explore-progress')).toHaveCount(0);
  await expect(page.getByTestId('explore-results')).toHaveCount(0);
  await expect(dialog(page).getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  // A bad bound is named, and nothing runs.
  await bounds(page, { 'Deviations K': 'two' });
  await dialog(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('explore-status')).toHaveText('Deviations (K) must be a whole number from 0 to 8 (it is "two").');
  await expect(page.getByTestId('explore-progress')).toHaveCount(0);

  // Random mode reports sampling, never coverage.
  await dialog(page).getByLabel('Mode').selectOption('random');
  await bounds(page, { 'Deviations K': '2', Samples: '20', Seed: '7' });
  await dialog(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('explore-coverage')).toContainText(/sampling, not coverage: \d+ random schedules sampled/, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('explore-results').locator('tr[data-invariant=I2]')).toContainText('sampled (sampling, not coverage)');
  await expect(page.getByTestId('explore-coverage')).not.toContainText('exhausted');
});

test('Explore all policies fills the matrix for the seed attack; a ✗ opens its counterexample', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await page.getByRole('button', { name: 'Explore…' }).click();
  await bounds(page, { 'Deviations K': '1', 'Budget (schedules)': '400' });
  await dialog(page).getByRole('button', { name: 'Explore all policies' }).click();
  const matrix = page.getByTestId('explore-matrix');
  await expect(matrix.locator('tbody tr')).toHaveCount(9);
  await expect(matrix.locator('tbody tr.ex-waiting')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('explore-progress')).toHaveCount(0);
  // P0's hand-over leaks to P under one other downstream delay (I1), on top of what its default run breaks.
  const p0 = matrix.locator('tr[data-policy=P0]');
  await expect(p0.locator('td[data-invariant=I1] button')).toHaveText('✗ 1');
  await expect(p0.locator('td[data-invariant=I1b] button')).toHaveText('✗ 0');
  // P2 holds everywhere within the bounds: ✓ with what was covered on hover.
  const p2 = matrix.locator('tr[data-policy=P2] td[data-invariant=I1]');
  await expect(p2).toHaveText('✓');
  await expect(p2).toHaveAttribute('title', /none found within the bounds — \d+ schedules, \d+ distinct states, bound 1 of 1/);

  await p0.locator('td[data-invariant=I1] button').click();
  await expect(dialog(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('&x=');
  await expect(page.getByTestId('counterexample-banner')).toBeVisible();
  await expect(page.getByLabel('Policy', { exact: true })).toHaveValue('P0');
  await expect.poll(() => tick(page)).toBe(47);
});

test("a counterexample's Open lands on the violation clicked, not on the run's first", async ({ page }) => {
  // Hand-over somewhere in 40–60: clean at every seed; the hand-over at 40 breaks I2 (the run's
  // first violation) and I8 (its second), both at t=60.
  await openGallery(page, 'handover-window');
  await page.getByRole('button', { name: 'Explore…' }).click();
  await bounds(page, { 'Deviations K': '1', 'Budget (schedules)': '400' });
  await dialog(page).getByRole('button', { name: 'Run', exact: true }).click();
  const results = page.getByTestId('explore-results');
  await expect(results).toBeVisible({ timeout: 60_000 });
  const i8 = results.locator('tr[data-invariant=I8]');
  await expect(i8).toHaveAttribute('data-result', 'counterexample');
  await expect(i8).toContainText("an operation's tick in its window");
  await i8.getByRole('button', { name: 'Open' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&x=0-14&t=60&sel=v1(&|$)/);
  await expect(page.getByTestId('counterexample-banner')).toBeVisible();
  await expect.poll(() => tick(page)).toBe(60);
  await expect(page.locator('.pn-reason')).toContainText('skipped the SMMU');
});

test('Minimise leaves the search running in a strip, the canvas uncovered; Restore and Cancel act on it', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Explore…' }).click();
  await bounds(page, { 'Deviations K': '4', 'Budget (schedules)': '1000000', 'Time limit (s)': '' });
  await dialog(page).getByRole('button', { name: 'Run', exact: true }).click();
  await dialog(page).getByRole('button', { name: 'Minimise' }).click();
  await expect(dialog(page)).toHaveCount(0);
  const dock = page.getByTestId('explore-dock');
  await expect(dock.getByTestId('explore-progress')).toBeVisible();
  await expect.poll(async () => Number(await dock.getByTestId('explore-schedules').textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
  // Nothing covers the canvas: its controls answer, and the run plays on.
  const before = await tick(page);
  await expect.poll(() => tick(page)).toBeGreaterThan(before + 10);
  // The search steps aside for the playing run, and says so until the run is paused.
  await expect(dock.getByTestId('explore-yields')).toHaveText('· slower while the run plays');
  await page.screenshot({ path: 'test-results/artifacts/explore-dock-playing.png' });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(dock.getByTestId('explore-yields')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/artifacts/explore-dock.png' });
  // Restored, the panel still shows the same search.
  await dock.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog(page).getByTestId('explore-progress')).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Minimise' }).click();
  await page.getByTestId('explore-dock').getByRole('button', { name: 'Cancel' }).click();
  await expect(dock.getByTestId('explore-status')).toHaveText('Cancelled: the workers were stopped.');
  await expect(dock.getByTestId('explore-progress')).toHaveCount(0);
  await expect(dock.getByRole('button', { name: 'Cancel' })).toBeDisabled();
});
