// A counterexample link (`&x=`): the run opens with its timing, marked as a counterexample, at its
// first violation, selected; its trace is the CLI's for the same choice list; the link is kept by
// the address bar and by Share; a malformed list is refused with its message.

import type { Page } from '@playwright/test';
import { test, expect, seek, tick } from './fixtures';

// `npm run -s sim -- explore gallery:seed-attack --policy P0 --deviations 1` prints this
// counterexample of I1 ("link": "&x=2-8"): choice 2, a downstream delay, 8 instead of 3.
// `npm run -s sim -- run gallery:seed-attack --choices 2-8` replays it with this trace hash.
const LINK = '#g=seed-attack&x=2-8';
const CLI_TRACE = '39f51abee7df2eb9';

/** A fresh browser (no saved work) opening `hash`. */
async function fresh(page: Page, hash: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
}

test('a counterexample link opens marked, at its violation, with the CLI’s trace', async ({ page }) => {
  await fresh(page, LINK);
  const banner = page.getByTestId('counterexample-banner');
  await expect(banner).toContainText('Counterexample: 1 timing choice differs from the default run');
  await expect(page.getByTestId('counterexample-choice')).toHaveText(
    'downstream delay of transaction 3 (X) at t=12: 8 ticks instead of 3 ticks',
  );
  await expect(banner).toContainText('an edit that changes it drops them');
  // The captions were written for the default run, and say so beside them.
  await expect(page.getByTestId('caption-timing')).toHaveText('captions tell the default timing');
  // The playhead at the first violation, which is selected and shown.
  await expect.poll(() => tick(page)).toBe(47);
  await expect(page.getByTestId('violation-detail')).toContainText('I1');
  await expect(page.getByTestId('violation-detail')).toContainText('X (owned by P at issue) committed a read to 0x80000000');
  await page.getByRole('tab', { name: 'Verdicts' }).click();
  await expect(page.getByTestId('trace-hash')).toHaveText(CLI_TRACE);
  // The address keeps the link while the scenario is unedited.
  expect(new URL(page.url()).hash).toBe(LINK);
});

test('Share keeps the timing; Back to the default timing drops it, and Undo brings it back', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await fresh(page, LINK);
  await expect.poll(() => tick(page)).toBe(47);
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: 'Link to this moment' }).click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#g=seed-attack@1&x=2-8&t=47&sel=v0&model=1&trace=39f51abe$/);

  await page.getByRole('button', { name: 'Back to the default timing' }).click();
  await expect(page.getByTestId('counterexample-banner')).toHaveCount(0);
  await expect(page.getByTestId('caption-timing')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Verdicts' }).click();
  await expect(page.getByTestId('trace-hash')).not.toHaveText(CLI_TRACE);
  await expect.poll(() => new URL(page.url()).hash).toBe('#g=seed-attack');
  await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('counterexample-banner')).toBeVisible();
  await expect(page.getByTestId('trace-hash')).toHaveText(CLI_TRACE);
  await expect.poll(() => new URL(page.url()).hash).toBe(LINK);
});

test('an edit that changes the scenario drops the timing and says so', async ({ page }) => {
  await fresh(page, LINK);
  await expect(page.getByTestId('counterexample-banner')).toBeVisible();
  await page.getByLabel('Policy').selectOption('P1');
  await expect(page.getByTestId('notice')).toContainText("The counterexample's timing was dropped");
  await expect(page.getByTestId('counterexample-banner')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('counterexample-banner')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText("The counterexample's timing (1 choice) is back.");
});

test('a malformed choice list is refused with its message', async ({ page }) => {
  await fresh(page, '#g=seed-attack&x=2-8.oops');
  await expect(page.getByTestId('notice')).toContainText(
    'This link\'s timing (&x=) cannot be read: choice list: "oops" is not an index-value pair in base 36 (e.g. "3k-5").',
  );
  await expect(page.getByTestId('counterexample-banner')).toHaveCount(0);
});

test('every policy runs the scenario’s own row with the counterexample’s timing', async ({ page }) => {
  await fresh(page, LINK);
  await expect.poll(() => tick(page)).toBe(47);
  await seek(page, 100);
  await page.getByRole('button', { name: 'Every policy' }).click();
  await expect(page.getByRole('dialog', { name: 'Every policy' })).toContainText(
    "P0 with the counterexample's timing (x=2-8), the others with the default",
  );
  const table = page.getByTestId('matrix');
  await expect(table.locator('tbody tr')).toHaveCount(9, { timeout: 30_000 });
  // I1, violated only with the counterexample's timing, at its tick; it opens this run there.
  await table.locator('tr[data-policy=P0] td').nth(1).getByRole('button', { name: 't=47' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => tick(page)).toBe(47);
  await expect(page.getByTestId('counterexample-banner')).toBeVisible();
  await expect(page.getByTestId('violation-detail')).toContainText('I1');
});

test('an embedded counterexample plays its timing, marked, and opens in the app with it', async ({ page }) => {
  await page.goto('/?embed=1#g=seed-attack&x=2-8');
  await expect(page.getByTestId('embed-counterexample')).toHaveText('Counterexample · x=2-8');
  await expect.poll(() => tick(page)).toBe(47);
  await expect(page.getByTestId('embed-open')).toHaveAttribute('href', /\/#g=seed-attack&x=2-8$/);
});
