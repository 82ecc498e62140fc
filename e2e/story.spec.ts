// The story on screen: the strip above the canvas (description edited in place, the caption at the
// playhead), the timeline's caption chips, the canvas legend, the first-run welcome and the side
// panel's tabs — each as a user meets it.

import { test, expect, expectPlayheadKeysInert, openGallery, seek, tick } from './fixtures';
import type { Locator } from '@playwright/test';

const SEED_DESCRIPTION =
  "VM A programs the NIC to read IPA 0x40000000 in a loop, then hands it to VM P under P0 (the STE points at the owner's CPU stage-2). A's descriptors now translate through P's stage-2 and read P's secret.";

test('the description is edited in place, as one step of undo', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const description = page.getByTestId('story-description');
  await expect(description).toHaveText(SEED_DESCRIPTION);
  await expect(page.getByTestId('story-title')).toHaveText("The seed's attack");

  await page.getByRole('button', { name: 'Edit the description' }).click();
  const field = page.getByRole('textbox', { name: 'Description', exact: true });
  await expect(field).toHaveValue(SEED_DESCRIPTION);
  await field.fill('A leaks to P.\nThe NIC keeps its descriptor.');
  await field.press('Control+Enter');
  await expect(field).toBeHidden();
  await expect(description).toHaveText('A leaks to P.\nThe NIC keeps its descriptor.');
  // The editor shows the same document.
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByLabel('description', { exact: true })).toHaveValue(/^A leaks to P\.\n?The NIC keeps its descriptor\.$/);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(description).toHaveText(SEED_DESCRIPTION);
  await expect(page.getByTestId('notice')).toContainText('Undone: Description');
  // Escape leaves the field without an edit.
  await page.getByRole('button', { name: 'Edit the description' }).click();
  await field.fill('not kept');
  await field.press('Escape');
  await expect(description).toHaveText(SEED_DESCRIPTION);
});

test('a long description is clamped to two lines with more', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openGallery(page, 'seed-attack');
  const description = page.getByTestId('story-description');
  const clamped = (await description.boundingBox())!.height;
  expect(clamped).toBeLessThan(45);
  await page.getByTestId('story').getByRole('button', { name: 'more' }).click();
  await expect.poll(async () => (await description.boundingBox())!.height).toBeGreaterThan(clamped + 10);
  await page.getByRole('button', { name: 'less' }).click();
  await expect.poll(async () => (await description.boundingBox())!.height).toBe(clamped);
  // The strip stays short: the canvas keeps most of the height.
  expect((await page.getByTestId('story').boundingBox())!.height).toBeLessThan(80);
});

test('the caption follows the playhead, and its buttons seek', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const caption = page.getByTestId('story-caption-text');
  const count = page.getByTestId('story-caption-count');
  await expect(count).toHaveText('caption 1/6');
  await expect(caption).toContainText('A programs the NIC to read IPA 0x40000000');

  await seek(page, 44);
  await expect(count).toHaveText('caption 2/6');
  await expect(caption).toContainText('A hands the NIC to P');
  await seek(page, 77);
  await expect(count).toHaveText('caption 5/6');
  await expect(caption).toContainText("A's descriptor reads P's secret");

  await page.getByRole('button', { name: 'Next caption' }).click();
  await expect.poll(() => tick(page)).toBe(100);
  await expect(count).toHaveText('caption 6/6');
  await expect(page.getByRole('button', { name: 'Next caption' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous caption' }).click();
  await expect.poll(() => tick(page)).toBe(77);
  await expect(count).toHaveText('caption 5/6');

  // Playing, it keeps up with the run: paused anywhere, it is the caption at or before the playhead.
  await seek(page, 30);
  await expect(count).toHaveText('caption 1/6');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(count).not.toHaveText('caption 1/6', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const at = await tick(page);
  const shown = [0, 40, 46, 49, 77, 100].filter((t) => t <= at).length;
  await expect(count).toHaveText(`caption ${shown}/6`);
});

test('caption chips show their text on hover and focus, seek on click, and never overlap', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const chips = page.getByTestId('timeline-caption');
  // Six captions, two of them three ticks apart: every number is on a chip, and no chip covers another.
  const labels = (await chips.allTextContents()).join(',');
  expect(labels.replace(/(\d+)–(\d+)/g, (_, a: string, b: string) => range(+a, +b).join(','))).toBe('1,2,3,4,5,6');
  await expectNoOverlap(chips);

  const tip = page.getByTestId('timeline-caption-text');
  await expect(tip).toHaveCount(0);
  const second = page.locator('[data-testid=timeline-caption][data-t="40"]');
  await second.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('A hands the NIC to P');
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);

  const fifth = page.locator('[data-testid=timeline-caption][data-t="77"]');
  await fifth.focus();
  await expect(tip).toContainText("A's descriptor reads P's secret");
  await page.keyboard.press('Tab');
  await expect(page.locator('[data-testid=timeline-caption][data-t="100"]')).toBeFocused();
  await expect(tip).toContainText('P programs the NIC for itself');

  await second.click();
  await expect.poll(() => tick(page)).toBe(40);
  await expect(page.getByTestId('story-caption-count')).toHaveText('caption 2/6');
});

test('close captions take a second row or merge at any width', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openGallery(page, 'seed-attack');
  await expectNoOverlap(page.getByTestId('timeline-caption'));
});

test('the legend opens, folds, and stays as it was left after a reload', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const toggle = page.getByRole('button', { name: /^Legend/ });
  const legend = page.getByTestId('legend');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(legend.getByText('DMA read in flight')).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  for (const text of [
    'owners: A, P',
    'DMA write in flight',
    'DMA read in flight',
    'landed on a page',
    'blocked at the SMMU',
    'secret page',
    'IOMMU mapping',
    'CPU stage-2',
    'stale SMMU cache entry',
  ])
    await expect(legend.getByText(text)).toBeVisible();
  // The samples are drawn: each mark's canvas has painted pixels.
  for (const mark of ['write', 'read', 'landed', 'blocked'])
    expect(await painted(legend.locator(`canvas[data-mark=${mark}]`)), mark).toBeGreaterThan(10);

  await page.reload();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(legend.getByText('DMA read in flight')).toHaveCount(0);
});

test('Act live is in view without scrolling at 1280×800, and the side panel collapses', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await expect(page.getByRole('tab', { name: 'Verdicts' })).toHaveAttribute('aria-selected', 'true');
  await page.locator('.react-flow__node[data-id="X"]').click();
  await expect(page.getByRole('tab', { name: 'Selection' })).toHaveAttribute('aria-selected', 'true');
  const live = page.getByTestId('live-ops');
  await expect(live.getByRole('heading', { name: 'Act live on X' })).toBeInViewport({ ratio: 1 });
  await expect(live.getByRole('button', { name: /^Apply / })).toBeInViewport({ ratio: 1 });
  expect(await page.getByTestId('side-panel').evaluate((el) => el.scrollTop)).toBe(0);
  // The inspector of the selection is on the same tab; the verdicts are a click away.
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.getByRole('tab', { name: 'Verdicts' }).click();
  await expect(page.locator('[data-testid=verdict][data-invariant=I1b]')).toBeVisible();

  const canvas = page.getByTestId('canvas');
  const narrow = (await canvas.boundingBox())!.width;
  await page.getByRole('button', { name: 'Hide the side panel' }).click();
  await expect.poll(async () => (await canvas.boundingBox())!.width).toBeGreaterThan(narrow + 250);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show the side panel' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Verdicts' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the side panel' }).click();
  await expect(page.getByRole('tab', { name: 'Verdicts' })).toBeVisible();
});

test.describe('the first-run welcome', () => {
  test.use({ welcome: true });

  test('shows in a fresh browser and, dismissed, never returns', async ({ page }) => {
    await page.goto('/');
    const welcome = page.getByTestId('welcome');
    await expect(welcome).toBeVisible();
    await expect(welcome).toContainText('Welcome to DMA Handoff');
    for (const start of [/Watch the seed’s attack/, /Flip its policy/, /Build your own/])
      await expect(welcome.getByRole('button', { name: start })).toBeVisible();
    await welcome.getByRole('button', { name: 'Close the welcome' }).click();
    await expect(welcome).toBeHidden();
    await page.reload();
    await expect(page.getByTestId('node-smmu')).toBeVisible();
    await expect(welcome).toHaveCount(0);
    await page.goto('/#g=quarantine');
    await expect(page.getByTestId('story-title')).toHaveText(/^Quarantine/);
    await page.goto('/');
    await page.reload();
    await expect(page.getByTestId('node-smmu')).toBeVisible();
    await expect(welcome).toHaveCount(0);
  });

  test('Escape dismisses it too', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('node-smmu')).toBeVisible();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
  });

  test('the shortcut list opened over it owns the keys: Esc closes the list alone, nothing moves behind', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.keyboard.press('Shift+?');
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(list).toBeVisible();
    // The playhead keys do nothing behind the list.
    await expectPlayheadKeysInert(page);
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(page.getByTestId('welcome')).toBeVisible();
    // ? toggles the list; with nothing over the workbench its keys act again.
    await page.keyboard.press('Shift+?');
    await expect(list).toBeVisible();
    await page.keyboard.press('Shift+?');
    await expect(list).toHaveCount(0);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => tick(page)).toBe(1);
  });

  test('watch the seed’s attack: it opens under P0 and plays', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Watch the seed’s attack/ }).click();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    await expect(page.getByTestId('story-title')).toHaveText("The seed's attack");
    await expect(page.getByLabel('Policy')).toHaveValue('P0');
    await expect.poll(() => tick(page), { timeout: 15_000 }).toBeGreaterThan(5);
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });

  test('flip its policy: the same attack under P1 breaks no rule', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Flip its policy/ }).click();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    await expect(page.getByTestId('story-title')).toHaveText("The seed's attack");
    await expect(page.getByLabel('Policy')).toHaveValue('P1');
    await expect(page.locator('[data-testid=verdict][data-invariant=I1b]')).toHaveAttribute('data-status', 'holds');
    await expect(page.locator('[data-testid=verdict][data-status=violated]')).toHaveCount(0);
  });

  test('build your own: a starter system open in the editor', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Build your own/ }).click();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    await expect(page.getByTestId('story-title')).toHaveText('My scenario');
    await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.react-flow__node[data-id="B"]')).toBeVisible();
    await expect(page.getByTestId('node-device')).toHaveCount(1);
  });

  test('a link opened over it is not covered, and it comes back until dismissed', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toBeVisible();
    // The address now names the open scenario, written by the app: a reload is no one's link.
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#g=seed-attack/);
    await page.reload();
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.evaluate(() => (location.hash = '#g=quarantine'));
    await expect(page.getByTestId('story-title')).toHaveText(/^Quarantine/);
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    // The address now is the link; the next visit without one shows the welcome again.
    await page.goto('about:blank');
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toBeVisible();
  });

  test('a shared link opens uncovered', async ({ page }) => {
    await page.goto('/#g=per-vm-table');
    await expect(page.getByTestId('story-title')).toHaveText(/^Per-VM table/);
    await expect(page.getByTestId('node-smmu')).toBeVisible();
    await expect(page.getByTestId('welcome')).toHaveCount(0);
  });
});

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

async function expectNoOverlap(chips: Locator): Promise<void> {
  const boxes = (await chips.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))).filter(
    (b) => b.width > 0,
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `chips ${i + 1} and ${j + 1} overlap`).toBe(true);
    }
}

/** How many pixels of a canvas are painted. */
async function painted(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}
