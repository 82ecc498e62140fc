// The scenario under every policy, in the app: the table fills in from a worker, a violated cell
// opens that run paused at the violation with it selected, the table copies as Markdown, and a
// link with &view=matrix opens with the table.

import { test, expect, openGallery, tick } from './fixtures';

test('every policy: a violated cell opens that run at the violation; copy as Markdown', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGallery(page, 'seed-attack');
  await page.getByLabel('Policy').selectOption('P1');
  await page.getByRole('button', { name: 'Every policy' }).click();
  const table = page.getByTestId('matrix');
  await expect(table.locator('tbody tr')).toHaveCount(9, { timeout: 30_000 });
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('9 policies.');
  await expect(table.locator('tr[data-policy=P7]')).toContainText('1 refused');
  await expect(table.locator('tr[data-policy=P1]')).toHaveClass(/mx-current/);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('| Policy | I1 | I1b |');
  expect(md).toContain('**violated** t=77');
  // P0's I1b: the run under P0, paused at t=77, the violation selected.
  await table.locator('tr[data-policy=P0] td').nth(2).getByRole('button', { name: 't=77' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByLabel('Policy')).toHaveValue('P0');
  await expect.poll(() => tick(page)).toBe(77);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.locator('.pn-reason')).toContainText("reading P's secret");
});

test('a link with &view=matrix opens the scenario with the table; Escape closes it', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/#g=seed-attack&view=matrix');
  await expect(page.getByTestId('matrix').locator('tbody tr')).toHaveCount(9, { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
