// Scenarios that travel: links between browsers, undo and redo, autosave, bad, damaged and
// oversized links, My scenarios, and presenting by keyboard.

import { deflateSync } from 'fflate';
import { test, expect, openGallery, tick } from './fixtures';
import { toBase64Url } from '../src/scenario/codec';
import { crc32 } from '../src/scenario/crc32';

test('a copied link opens the same scenario, with the same trace, in another browser', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGallery(page, 'vmid-reuse');
  await expect(page.getByTestId('trace-hash')).not.toBeEmpty();
  const underP0 = await page.getByTestId('trace-hash').textContent();
  await page.getByLabel('Policy').selectOption('P1');
  // The hash shown is the P1 run's once the re-run is in (the two runs differ).
  await expect(page.getByTestId('trace-hash')).not.toHaveText(underP0!);
  const hash = await page.getByTestId('trace-hash').textContent();
  await page.getByLabel('Share').click();
  // The toolbar wraps at 1280 px and Share sits at its left: the menu opens where it is whole.
  const menu = await page.getByRole('menu').boundingBox();
  expect(menu!.x).toBeGreaterThanOrEqual(0);
  expect(menu!.x + menu!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.getByRole('menuitem', { name: /Copy link/ }).click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  // The link records the model and the first digits of the run's trace (fingerprint.ts).
  expect(url).toMatch(new RegExp(`#s=2\\.[A-Za-z0-9_-]+&model=1&trace=${hash!.slice(0, 8)}$`));
  expect(url.length).toBeLessThanOrEqual(2000);

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(url);
  await expect(p2.getByTestId('node-smmu')).toBeVisible();
  await expect(p2.getByLabel('Policy')).toHaveValue('P1');
  await expect(p2.getByTestId('trace-hash')).toHaveText(hash!);
  await expect(p2.locator('[data-testid=node-device]')).toHaveCount(await page.locator('[data-testid=node-device]').count());
  await other.close();
});

test('undo and redo an edit and a drag', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await page.getByLabel('Policy').selectOption('P3');
  await expect(page.getByLabel('Policy')).toHaveValue('P3');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Policy')).toHaveValue('P0');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByLabel('Policy')).toHaveValue('P3');

  const node = page.locator('.react-flow__node[data-id="P"]');
  const start = await node.evaluate((el) => el.style.transform);
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 130, box.y + 70, { steps: 6 });
  await page.mouse.up();
  const moved = await node.evaluate((el) => el.style.transform);
  expect(moved).not.toBe(start);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => node.evaluate((el) => el.style.transform)).toBe(start);
  await expect(page.getByLabel('Policy')).toHaveValue('P3'); // one drag, one step
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => node.evaluate((el) => el.style.transform)).toBe(moved);
});

test('a reload restores the autosaved work', async ({ page }) => {
  await openGallery(page, 'stale-atc');
  await page.getByLabel('Policy').selectOption('P4');
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('title', { exact: true }).fill('My stale ATC study');
  await page.getByLabel('title', { exact: true }).press('Enter');
  await page.reload();
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await expect(page.getByLabel('Policy')).toHaveValue('P4');
  await expect(page.getByLabel('Gallery')).toContainText('My stale ATC study');
});

test('a bad link shows what is wrong and keeps the work', async ({ page }) => {
  await openGallery(page, 'quarantine');
  await page.getByLabel('Policy').selectOption('P2');
  for (const [link, message] of [
    ['#s=1.@@@', 'not valid base64url'],
    ['#s=1.AAAA', 'does not decompress'],
    ['#s=7.abc', 'newer than this app'],
    ['#g=no-such-scenario', 'does not exist'],
  ]) {
    await page.evaluate((h) => (location.hash = h), link);
    await expect(page.getByTestId('notice')).toContainText(message);
    await expect(page.getByTestId('notice')).toContainText('Your current work is unchanged');
    await expect(page.getByLabel('Policy')).toHaveValue('P2');
  }
  await page.reload();
  await expect(page.getByLabel('Policy')).toHaveValue('P2');
});

test('a damaged link is refused by its checksum and keeps the work', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGallery(page, 'stale-atc');
  await page.getByLabel('Policy').selectOption('P4');
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: /Copy link/ }).click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  // One character of the link changed on the way, still a valid base64url character.
  const hash = url.slice(url.indexOf('#'));
  const i = hash.length >> 1;
  const damaged = hash.slice(0, i) + (hash[i] === 'A' ? 'B' : 'A') + hash.slice(i + 1);
  await page.getByLabel('Policy').selectOption('P2');
  await page.evaluate((h) => (location.hash = h), damaged);
  await expect(page.getByTestId('notice')).toContainText('This link is damaged (its checksum does not match)');
  await expect(page.getByTestId('notice')).toContainText('Your current work is unchanged');
  await expect(page.getByLabel('Policy')).toHaveValue('P2');
  await page.reload();
  await expect(page.getByLabel('Policy')).toHaveValue('P2');
});

test('a link that expands past the limit is refused by the decoding worker and keeps the work', async ({ page }) => {
  await openGallery(page, 'quarantine');
  await page.getByLabel('Policy').selectOption('P2');
  // 10 MB of zeros, deflated to 10 KB, under a good checksum.
  const zeros = deflateSync(new Uint8Array(10_000_000));
  const payload = new Uint8Array(zeros.length + 4);
  payload.set(zeros);
  new DataView(payload.buffer).setUint32(zeros.length, crc32(zeros));
  await page.evaluate((h) => (location.hash = h), `#s=2.${toBase64Url(payload)}`);
  await expect(page.getByTestId('notice')).toContainText('This link is too large: it expands past 2,000,000 bytes');
  await expect(page.getByTestId('notice')).toContainText('Your current work is unchanged');
  await expect(page.getByLabel('Policy')).toHaveValue('P2');
});

test('opening a link keeps the edited work in My scenarios', async ({ page }) => {
  await openGallery(page, 'per-vm-table');
  await page.getByLabel('Policy').selectOption('P4');
  await page.evaluate(() => (location.hash = '#g=attested-enable'));
  await expect(page.getByLabel('Policy')).toHaveValue('P8');
  await page.getByLabel('My scenarios').click();
  const entry = page.getByTestId('library-entry').first();
  await expect(entry).toContainText('Per-VM table');
  await expect(entry).toContainText('(edited)');
  await entry.getByRole('button').first().click();
  await expect(page.getByLabel('Policy')).toHaveValue('P4');
});

test('presenting a gallery scenario by keyboard', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/#g=seed-attack&present');
  const caption = page.getByTestId('caption');
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.locator('.pn-toolbar')).toBeHidden();
  // The canvas fills the screen (not just the captions).
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  expect(canvas.height).toBeGreaterThan(400);
  await expect(page.getByTestId('node-smmu')).toBeInViewport();
  await expect(caption).toContainText('A programs the NIC');
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('A hands the NIC to P', { timeout: 15_000 });
  expect(await page.getByTestId('presentation').locator('.pn-present-t').textContent()).toBe('t = 40');
  await page.keyboard.press('Space');
  await expect(caption).toContainText('The SYNC completed', { timeout: 15_000 });
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText("P's stage-2 is live", { timeout: 15_000 });
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText("reads P's secret", { timeout: 15_000 });
  await expect(page.getByTestId('presentation')).toContainText(/violated: .*I1b/);
  await page.keyboard.press('ArrowLeft');
  await expect(caption).toContainText("P's stage-2 is live");
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toBeHidden();
  await expect(page.locator('.pn-toolbar')).toBeVisible();
  expect(await tick(page)).toBe(49);
});
