// The app's journeys on the production build: the seed's attack and its fix, layout that
// persists, blocked DMA at the SMMU, the engine in a worker, and live operations that replay.

import { test, expect, openGallery, tick, seek } from './fixtures';

test('the seed attack: play, see I1b violated, jump to it; P1 fixes it', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Gallery').selectOption('seed-attack');
  await expect(page.getByLabel('Policy')).toHaveValue('P0');
  await page.getByLabel('Speed').selectOption('100');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => tick(page), { timeout: 15_000 }).toBeGreaterThan(70);
  await page.getByRole('button', { name: 'Pause' }).click();

  const i1b = page.locator('[data-testid=verdict][data-invariant=I1b]');
  await expect(i1b).toHaveAttribute('data-status', 'violated');
  await expect(i1b).not.toContainText('ahead');
  await expect(page.locator('[data-testid=timeline-violation][data-invariant=I1b]')).toHaveCount(1);

  await i1b.getByRole('button').click();
  await expect.poll(() => tick(page)).toBe(60);
  const detail = page.getByTestId('violation-detail');
  await expect(detail).toContainText('I1b');
  await expect(detail).toContainText('programmed by A');

  await page.getByLabel('Policy').selectOption('P1');
  await expect(i1b).toHaveAttribute('data-status', 'holds');
  await expect(page.locator('[data-testid=verdict][data-invariant=I1]')).toHaveAttribute('data-status', 'holds');
  await expect(page.locator('[data-testid=timeline-violation][data-invariant=I1b]')).toHaveCount(0);
});

test('a dragged node is where it was dropped after a reload', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const node = page.locator('.react-flow__node[data-id="A"]');
  const before = (await node.boundingBox())!;
  await page.mouse.move(before.x + 40, before.y + 10);
  await page.mouse.down();
  await page.mouse.move(before.x + 100, before.y + 90, { steps: 8 });
  await page.mouse.up();
  const moved = (await node.boundingBox())!;
  expect(Math.round(moved.y - before.y)).toBeGreaterThan(50);
  const transform = await node.evaluate((el) => el.style.transform);

  await page.reload();
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="A"]')).toHaveCSS('transform', /matrix|none/);
  expect(await page.locator('.react-flow__node[data-id="A"]').evaluate((el) => el.style.transform)).toBe(transform);
});

test('a blocked transaction stops at the SMMU with its fault', async ({ page }) => {
  // Per-VM tables (P3): once A's table is disabled, A's descriptor still runs and the SMMU aborts
  // it with C_BAD_STE (its STE is invalid), recorded in the event queue.
  await openGallery(page, 'per-vm-table');
  await seek(page, 46);
  await expect.poll(() => tick(page)).toBe(46);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => tick(page)).toBe(52);
  await expect(page.getByTestId('dma-overlay')).toHaveAttribute('data-blocked', /C_BAD_STE 0x04/);
  await expect(page.getByTestId('log')).toContainText('C_BAD_STE (0x04)');
});

test('with reduced motion the same transactions and faults are shown, without travel', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openGallery(page, 'per-vm-table');
  await seek(page, 46);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => tick(page)).toBe(52);
  const overlay = page.getByTestId('dma-overlay');
  await expect(overlay).toHaveAttribute('data-blocked', /C_BAD_STE 0x04/);
  // Every transaction in flight is still drawn (at the middle of its leg): as many as the NIC counts.
  const inFlight = Number(/in flight\s*(\d+)\//.exec((await page.locator('.react-flow__node[data-id="X"]').innerText()).replace(/\n/g, ' '))?.[1]);
  await expect(overlay).toHaveAttribute('data-drawn', String(inFlight));
});

test('the simulation runs in a worker, and the overlay is painted in another, not on the main thread', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await expect(page.locator('[data-host=worker]')).toHaveCount(1);
  expect(page.workers().some((w) => /engine\.worker/.test(w.url()))).toBe(true);
  await expect(page.getByTestId('dma-overlay')).toHaveAttribute('data-painter', 'worker');
  expect(page.workers().some((w) => /painter\.worker/.test(w.url()))).toBe(true);
});

test('a live transfer enters the script at the playhead and replays', async ({ page }) => {
  await openGallery(page, 'reset-on-transfer');
  await seek(page, 20);
  await expect.poll(() => tick(page)).toBe(20);
  await page.locator('.react-flow__node[data-id="X"]').click();
  const live = page.getByTestId('live-ops');
  await live.getByLabel('Operation').selectOption('transfer');
  await live.getByLabel('to').selectOption('P');
  await live.getByRole('button', { name: 'Apply transfer at t=20' }).click();

  await expect(page.locator('[data-testid=timeline-op][data-op=transfer][data-t="20"]')).toHaveCount(1);
  // Replay from the start: before t=20 the NIC is A's; P1 then holds it for the hypervisor while it
  // resets (20 ticks), and then it is P's.
  await page.keyboard.press('Home');
  await expect.poll(() => tick(page)).toBe(0);
  await expect(page.locator('.react-flow__node[data-id="X"] .dn-chip')).toHaveText('A');
  await seek(page, 30);
  await expect(page.locator('.react-flow__node[data-id="X"] .dn-chip')).toHaveText('hyp');
  await seek(page, 80);
  await expect(page.locator('.react-flow__node[data-id="X"] .dn-chip')).toHaveText('P');
  await expect(page.getByTestId('log')).toContainText('transfer(device=X, to=P)');
});
