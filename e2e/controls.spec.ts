// Controls that behave, as a user meets them: links that land on a moment, broken links in a fresh
// browser, the address bar, menus, stepping back and forth, the keyboard on the canvas.

import { test, expect, openGallery, tick } from './fixtures';
import type { Page } from '@playwright/test';

/** A fresh browser (no saved work) opening `hash`. */
async function fresh(page: Page, hash: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
}

test('a fresh browser opening a truncated link sees what is wrong, and not the seed’s attack', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGallery(page, 'vmid-reuse');
  await page.getByLabel('Policy').selectOption('P1');
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: /Copy link/ }).click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  // Cut inside the scenario's data, before the model and trace the link records.
  const scenarioPart = url.slice(0, url.indexOf('&model='));
  const truncated = scenarioPart.slice(0, scenarioPart.length - 12);

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(truncated);
  await expect(p2.getByTestId('notice')).toContainText('This link is damaged');
  await expect(p2.getByTestId('notice')).not.toContainText('Your current work is unchanged');
  await expect(p2.getByTestId('empty-state')).toBeVisible();
  await expect(p2.getByTestId('node-smmu')).toHaveCount(0);
  await expect(p2.getByLabel('Gallery')).not.toContainText("The seed's attack (edited)");
  await expect(p2.getByTestId('verdicts')).not.toContainText('violated');
  // The gallery is offered instead.
  await p2.getByTestId('empty-state').getByRole('button', { name: "The seed's attack" }).click();
  await expect(p2.getByTestId('node-smmu')).toBeVisible();
  await other.close();
});

test('a fresh browser opening an unknown gallery id or a newer format says which', async ({ page }) => {
  for (const [hash, message] of [
    ['#g=no-such-scenario', '"no-such-scenario", which does not exist'],
    ['#s=9.abc', 'newer than this app'],
    ['#s=2.@@@', 'not valid base64url'],
  ]) {
    await fresh(page, hash);
    await expect(page.getByTestId('notice')).toContainText(message);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expect(page.getByTestId('node-smmu')).toHaveCount(0);
  }
});

test('a link to t=60 with a violation selected lands there, paused, with the violation shown', async ({ page }) => {
  await fresh(page, '#g=seed-attack&t=60&sel=v0');
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await expect.poll(() => tick(page)).toBe(60);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByTestId('violation-detail')).toBeVisible();
  await page.getByRole('tab', { name: 'Verdicts' }).click();
  await expect(page.locator('.pn-reason')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await tick(page)).toBe(60);
  // The address still is the link, so copying it shares the same moment.
  expect(new URL(page.url()).hash).toBe('#g=seed-attack&t=60&sel=v0');
});

test('a link can select an operation or a device, and says what it could not select', async ({ page }) => {
  await fresh(page, '#g=seed-attack&t=40&sel=op1');
  await expect(page.getByTestId('op-detail')).toContainText('transfer X → P');
  await expect.poll(() => tick(page)).toBe(40);
  await page.evaluate(() => (location.hash = '#g=per-vm-table&sel=X'));
  await expect(page.getByTestId('inspector')).toContainText('NIC');
  await page.evaluate(() => (location.hash = '#g=quarantine&sel=nobody-here'));
  await expect(page.getByTestId('notice')).toContainText('"nobody-here", which this scenario does not have');
});

test('the address bar keeps the link while unedited, and lets it go after an edit', async ({ page }) => {
  await openGallery(page, 'quarantine');
  expect(new URL(page.url()).hash).toBe('#g=quarantine');
  await page.getByLabel('Gallery').selectOption('stale-atc');
  await expect.poll(() => new URL(page.url()).hash).toBe('#g=stale-atc@1');
  await page.getByLabel('Policy').selectOption('P4');
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  // A reload now restores the edited work, not the gallery's.
  await page.reload();
  await expect(page.getByLabel('Policy')).toHaveValue('P4');
});

test('Share copies a link to this moment, and a violation’s menu a link to the violation', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGallery(page, 'seed-attack');
  const seek = page.getByLabel('Go to tick');
  await seek.fill('45');
  await seek.press('Enter');
  await expect.poll(() => tick(page)).toBe(45);
  await page.getByTestId('node-device').first().click();
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: 'Link to this moment' }).click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#g=seed-attack@1&t=45&sel=X&model=1&trace=[0-9a-f]{8}$/);

  await page.getByRole('tab', { name: 'Verdicts' }).click();
  const verdict = page.locator('[data-testid=verdict][data-status=violated]').first();
  await verdict.getByRole('button', { name: /^More for/ }).click();
  await page.getByRole('menuitem', { name: 'Copy link to this violation' }).click();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#g=seed-attack@1&t=\d+&sel=v\d+&model=1&trace=[0-9a-f]{8}$/);
  // Right-click offers the same.
  await verdict.click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: 'Copy link to this violation' })).toBeVisible();

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(url);
  await expect(p2.getByTestId('violation-detail')).toBeVisible();
  await expect.poll(() => tick(p2)).toBe(Number(/t=(\d+)/.exec(url)![1]));
  await other.close();
});

test('opening a link over edited work says where the work went, and Undo brings it back', async ({ page }) => {
  await openGallery(page, 'per-vm-table');
  await page.getByLabel('Policy').selectOption('P4');
  await page.evaluate(() => (location.hash = '#g=attested-enable&t=5'));
  await expect(page.getByLabel('Policy')).toHaveValue('P8');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('kept in My scenarios');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Policy')).toHaveValue('P4');
  await expect(page.getByLabel('Gallery')).toContainText('(edited)');
  await expect(page.getByLabel('My scenarios')).toHaveText('My scenarios');
});

test('Escape and a click outside close a menu; only one menu is open at a time', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await page.getByLabel('Share').click();
  await expect(page.getByRole('menuitem', { name: 'Link to this moment' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menuitem', { name: 'Link to this moment' })).toBeHidden();
  await page.getByLabel('Share').click();
  await page.getByLabel('My scenarios').click();
  await expect(page.getByRole('menuitem', { name: 'Link to this moment' })).toBeHidden();
  await expect(page.getByTestId('library')).toBeVisible();
  await page.getByTestId('timeline').click({ position: { x: 5, y: 5 } });
  await expect(page.getByTestId('library')).toBeHidden();
});

test('a menu is the open menu from the press that opens it: Esc or another menu in the same moment closes it', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  // Within one task, before the details' toggle event: as a quick key or press can come.
  const escaped = await page.evaluate(() => {
    const share = document.querySelector<HTMLElement>('summary[aria-label="Share"]')!;
    share.click();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    return (share.parentElement as HTMLDetailsElement).open;
  });
  expect(escaped).toBe(false);
  await expect(page.getByRole('menuitem', { name: 'Link to this moment' })).toBeHidden();
  const open = await page.evaluate(() => {
    const share = document.querySelector<HTMLElement>('summary[aria-label="Share"]')!;
    const library = document.querySelector<HTMLElement>('summary[aria-label="My scenarios"]')!;
    share.click();
    library.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    library.click();
    return [share, library].map((s) => (s.parentElement as HTMLDetailsElement).open);
  });
  expect(open).toEqual([false, true]);
  await expect(page.getByTestId('library')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Link to this moment' })).toBeHidden();
});

test('the toolbar and ← step back as well as forward, and stepping at the end does not grow the run', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await page.getByRole('button', { name: 'Next operation' }).click();
  await expect.poll(() => tick(page)).toBe(40);
  await page.getByRole('button', { name: 'Next event' }).click();
  await expect.poll(() => tick(page)).toBeGreaterThan(40);
  const after = await tick(page);
  await page.getByRole('button', { name: 'Previous event' }).click();
  await expect.poll(() => tick(page)).toBeLessThan(after);
  await page.getByRole('button', { name: 'Previous operation' }).click();
  await expect.poll(() => tick(page)).toBe(0);
  // The keys mirror each other: → then ←, Shift for a tick, Ctrl for an operation.
  await page.keyboard.press('Control+ArrowRight');
  await expect.poll(() => tick(page)).toBe(40);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => tick(page)).toBe(41);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => tick(page)).toBe(40);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => tick(page)).toBeGreaterThan(40);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => tick(page)).toBeLessThanOrEqual(40);
  await page.keyboard.press('Control+ArrowLeft');
  await expect.poll(() => tick(page)).toBe(0);

  await page.keyboard.press('End');
  const readout = page.getByTestId('tick');
  await expect(readout).toHaveText(/t = (\d+) \/ \1$/);
  const end = await readout.textContent();
  for (const key of ['ArrowRight', 'Shift+ArrowRight', 'Control+ArrowRight']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  await expect(readout).toHaveText(end!);
});

test('a focused node shows a focus ring and Enter selects it; arrow keys step and never move it', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const node = page.locator('.react-flow__node[data-id="P"]');
  await node.click();
  const before = await node.evaluate((el) => el.style.transform);
  const t0 = await tick(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => tick(page)).toBeGreaterThan(t0);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForTimeout(200);
  expect(await node.evaluate((el) => el.style.transform)).toBe(before);
  // The layout is not edited either: nothing to undo.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // Tab to a node: a visible ring; Enter selects it.
  await page.keyboard.press('Escape');
  const device = page.locator('.react-flow__node[data-id="X"]');
  await device.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(device).toBeFocused();
  expect(await device.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('NIC');
});

test('a polite live region announces operations and violations by name as the run plays', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const region = page.getByTestId('announcer');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await page.keyboard.press('Control+ArrowRight');
  await expect(region).toContainText('transfer NIC → VM P');
  await page.getByLabel('Go to tick').fill('45');
  await page.getByLabel('Go to tick').press('Enter');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(region).toContainText('I7 violated', { timeout: 15_000 });
  await expect(region).not.toContainText(/\bX\b/);
});
