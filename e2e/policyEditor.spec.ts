// The policy editor: a custom policy started from P0 on the seed's attack, a reset added to its
// transfer stops the leak, undo brings it back, a step that can never act is refused with its
// reason, and the edited policy travels in the scenario's link.

import { test, expect, openGallery } from './fixtures';
import type { Page } from '@playwright/test';

const verdict = (page: Page, inv: string) => page.locator(`[data-testid=verdict][data-invariant=${inv}]`);
const kinds = (page: Page) => page.getByTestId('pe-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));

test('start from P0, add a reset to transfer, see I1b hold; undo; a refused step; the link carries the policy', async ({
  page,
  browser,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGallery(page, 'seed-attack');
  const policy = page.getByLabel('Policy', { exact: true });
  await expect(verdict(page, 'I1b')).toHaveAttribute('data-status', 'violated');

  // The toolbar's "Edit policy…" opens the editor; starting from P0 converts its steps.
  await policy.selectOption('edit-policy');
  const editor = page.getByTestId('policy-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Explore' })).toBeEnabled();
  await editor.getByLabel('Start from').selectOption('P0');
  await editor.getByRole('button', { name: 'Start' }).click();
  await expect(policy).toHaveValue('custom');
  await expect(policy.locator('option:checked')).toHaveText('custom: P0 whole-address-space');
  // P0 boots STEs on the CPU stage-2, which a custom policy cannot say: the editor says so.
  await expect(editor.getByTestId('pe-notes')).toContainText('CPU stage-2');
  await expect(verdict(page, 'I1b')).toHaveAttribute('data-status', 'violated');
  await editor.getByLabel('Policy name').fill('P0 + reset');
  await editor.getByLabel('Policy name').press('Enter');
  await expect(policy.locator('option:checked')).toHaveText('custom: P0 + reset');

  const before = await kinds(page);
  expect(before).toEqual(['setOwner', 'steWrite', 'cmd', 'sync', 'steWrite', 'cmd', 'sync', 'steWrite', 'cmd', 'sync']);
  // After the SYNC that ends A's tenure (step 4): a reset drops A's descriptors before the STE
  // points at P's stage-2.
  await editor
    .getByTestId('pe-step')
    .nth(3)
    .click({ position: { x: 4, y: 4 } });
  await editor.getByRole('button', { name: 'Add reset' }).click();
  await expect.poll(() => kinds(page)).toEqual([...before.slice(0, 4), 'reset', ...before.slice(4)]);
  await expect(verdict(page, 'I1b')).toHaveAttribute('data-status', 'holds');

  // Reordered by keyboard: Alt+↓ moves the focused reset one down, Alt+↑ back; each is one undo step.
  const reset = editor.locator('[data-testid=pe-step][data-kind=reset]');
  await reset.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => kinds(page)).toEqual([...before.slice(0, 5), 'reset', ...before.slice(5)]);
  await expect(editor.getByTestId('pe-step').nth(5)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => kinds(page)).toEqual([...before.slice(0, 4), 'reset', ...before.slice(4)]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => kinds(page)).toEqual([...before.slice(0, 4), 'reset', ...before.slice(4)]);
  await expect(verdict(page, 'I1b')).toHaveAttribute('data-status', 'holds');
  // Undoing the insert brings the leak back; redo stops it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => kinds(page)).toEqual(before);
  await expect(verdict(page, 'I1b')).toHaveAttribute('data-status', 'violated');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(verdict(page, 'I1b')).toHaveAttribute('data-status', 'holds');

  // A tableMap in unassign can never act (unassign has no receiver): refused, with its path and reason.
  await editor.getByRole('tab', { name: /^unassign/ }).click();
  const unassignSteps = await editor.getByTestId('pe-step').count();
  await editor.getByRole('button', { name: 'Add tableMap' }).click();
  const refusal = editor.getByTestId('pe-refusal');
  await expect(refusal).toContainText(`policy.custom.steps.unassign[${unassignSteps}]`);
  await expect(refusal).toContainText("tableMap maps a region with the receiver's access; unassign has no receiver");
  await expect(editor.getByTestId('pe-step')).toHaveCount(unassignSteps);
  await expect(verdict(page, 'I1b')).toHaveAttribute('data-status', 'holds');

  // The link carries the custom policy: the same policy, steps and trace in a fresh browser.
  const hash = await page.getByTestId('trace-hash').textContent();
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: /Copy link/ }).click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(url);
  await expect(p2.getByTestId('node-smmu')).toBeVisible();
  const policy2 = p2.getByLabel('Policy', { exact: true });
  await expect(policy2.locator('option:checked')).toHaveText('custom: P0 + reset');
  await expect(p2.getByTestId('trace-hash')).toHaveText(hash!);
  await expect(verdict(p2, 'I1b')).toHaveAttribute('data-status', 'holds');
  await policy2.selectOption('edit-policy');
  await expect(p2.getByTestId('policy-editor')).toBeVisible();
  await expect.poll(() => kinds(p2)).toEqual([...before.slice(0, 4), 'reset', ...before.slice(4)]);
  await other.close();
});

test('a step dragged onto another takes its place; the move buttons and Delete act on one step each', async ({ page }) => {
  await openGallery(page, 'reset-on-transfer');
  await page.getByLabel('Policy', { exact: true }).selectOption('edit-policy');
  const editor = page.getByTestId('policy-editor');
  await editor.getByLabel('Start from').selectOption('P1');
  await editor.getByRole('button', { name: 'Start' }).click();
  // P1 runs here exactly as its custom copy: no note, the same verdicts.
  await expect(page.getByLabel('Policy', { exact: true })).toHaveValue('custom');
  await expect(editor.getByTestId('pe-notes')).toHaveCount(0);
  const before = await kinds(page);
  expect(before.slice(0, 3)).toEqual(['setOwner', 'busMaster', 'steWrite']);

  await editor.getByTestId('pe-step').nth(0).dragTo(editor.getByTestId('pe-step').nth(2));
  await expect.poll(() => kinds(page)).toEqual(['busMaster', 'steWrite', 'setOwner', ...before.slice(3)]);
  await editor.getByRole('button', { name: 'Move step 3 up' }).click();
  await editor.getByRole('button', { name: 'Move step 2 up' }).click();
  await expect.poll(() => kinds(page)).toEqual(before);

  await editor.getByTestId('pe-step').nth(1).focus();
  await page.keyboard.press('Delete');
  await expect.poll(() => kinds(page)).toEqual([before[0], ...before.slice(2)]);
  // Arguments: a select and a checkbox each change one field of the step.
  await editor.getByLabel('Step 1 state').selectOption('held');
  await expect(editor.getByLabel('Step 1 state')).toHaveValue('held');
  await editor.getByLabel('Step 2 valid').check();
  await expect(editor.getByLabel('Step 2 valid')).toBeChecked();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(editor.getByLabel('Step 2 valid')).not.toBeChecked();
});
