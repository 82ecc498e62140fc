// Nothing the user made is lost, in the browser: an edit survives two reloads, a full storage is
// said and keeps the last good copy, unreadable saved data is set aside and the page starts, and
// two tabs never overwrite each other unseen.

import { test, expect, openGallery } from './fixtures';
import { AUTOSAVE_KEY, LIBRARY_KEY } from '../src/store/library';
import type { Page } from '@playwright/test';

/** From now on every write to localStorage fails as a full storage does. */
const fillStorage = (page: Page) =>
  page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });

test('an edit stays an edit over two reloads: the title, the link and opening something else all know it', async ({ page }) => {
  await openGallery(page, 'stale-atc');
  await page.getByLabel('Policy').selectOption('P4');
  await page.reload();
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await expect(page.getByLabel('Policy')).toHaveValue('P4');
  await expect(page.getByLabel('Gallery')).toContainText('(edited)');
  await page.evaluate(() => (location.hash = '#g=quarantine'));
  await expect(page.getByTestId('notice')).toContainText('Your edited work was kept in My scenarios');
  await page.getByLabel('My scenarios').click();
  await expect(page.getByTestId('library-entry').first()).toContainText('(edited)');
});

test('a save that fails is said with an export, and a reload brings back the last good copy', async ({ page }) => {
  await openGallery(page, 'stale-atc');
  await page.getByLabel('Policy').selectOption('P2');
  await fillStorage(page);
  await page.getByLabel('Policy').selectOption('P4');
  const alert = page.getByTestId('alert-save-failed');
  await expect(alert).toContainText('could not be saved');
  await expect(alert.getByRole('button', { name: 'Export to a file' })).toBeVisible();
  // Opening a link over the unsaved edit does not open it, and does not write over the autosave.
  await page.evaluate(() => (location.hash = '#g=quarantine'));
  await expect(page.getByTestId('alert-not-kept')).toContainText('was not opened');
  await expect(page.getByLabel('Policy')).toHaveValue('P4');
  await expect(alert).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await expect(page.getByLabel('Policy')).toHaveValue('P2');
});

test('a corrupt autosave and a corrupt My scenarios are set aside, offered back, and the page starts', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(
    ([a, l]) => {
      localStorage.setItem(a, '{"version":1,"doc":{"format":"dma-handoff/scenario","version":1,"endpoints":"oops"}}');
      localStorage.setItem(
        l,
        JSON.stringify({ version: 1, entries: [null, { id: 'x', name: { an: 'object' }, savedAt: 'now', doc: {} }] }),
      );
    },
    [AUTOSAVE_KEY, LIBRARY_KEY],
  );
  await page.reload();
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  const alert = page.getByTestId('alert-set-aside');
  await expect(alert).toContainText('could not be read');
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download 3' }).click();
  expect((await download).suggestedFilename()).toBe('dma-handoff-unreadable-3.json');
  await page.getByLabel('My scenarios').click();
  await expect(page.getByText('Save current scenario')).toBeVisible();
});

test('two tabs: the one that hears the other save pauses and says so; neither loses its work', async ({ page, context }) => {
  await openGallery(page, 'stale-atc');
  await page.getByLabel('Policy').selectOption('P2');
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByTestId('node-smmu')).toBeVisible();
  await expect(other.getByLabel('Policy')).toHaveValue('P2');
  await other.getByLabel('Policy').selectOption('P5');
  await expect(page.getByTestId('alert-other-tab')).toContainText('also open in another tab');
  // The first tab's later edit does not overwrite the other's.
  await page.getByLabel('Policy').selectOption('P3');
  const saved = await other.evaluate((k) => JSON.parse(localStorage.getItem(k)!).doc.policy.id, AUTOSAVE_KEY);
  expect(saved).toBe('P5');
  await page.getByTestId('alert-other-tab').getByRole('button', { name: 'Keep this tab’s work in My scenarios' }).click();
  await page.getByLabel('My scenarios').click();
  await expect(page.getByTestId('library-entry').first()).toContainText('Stale');
  await other.close();
});
