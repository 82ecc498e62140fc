// Presenting to a room: a remote's keys, blanking, zoom and speed keys, a caption's camera, the last
// caption ending the run, and type large enough for a projector, measured from the page.

import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** A fresh browser presenting a gallery scenario at this window size. */
async function present(page: Page, id: string, size = { width: 1920, height: 1080 }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  await page.goto(`/#g=${id}&present`);
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.getByTestId('node-smmu')).toBeInViewport();
}

/** The canvas's zoom (React Flow's viewport transform). */
const zoom = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => Number(/scale\(([\d.]+)\)/.exec(el.style.transform)?.[1] ?? NaN));

/** The canvas point at the middle of the pane. */
const centre = (page: Page) =>
  page.locator('.react-flow').evaluate((pane) => {
    const vp = pane.querySelector<HTMLElement>('.react-flow__viewport')!;
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(vp.style.transform)!;
    const [x, y, z] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const r = pane.getBoundingClientRect();
    return { x: (r.width / 2 - x) / z, y: (r.height / 2 - y) / z };
  });

/**
 * The smallest rendered size of any text in the canvas's nodes, in CSS pixels at the screen: each
 * text's font size times the canvas's zoom, for text that is drawn (not hidden, not empty).
 */
async function smallestNodeText(page: Page): Promise<number> {
  // The fit animates: measure once the zoom has settled.
  let z = await zoom(page);
  await expect.poll(async () => (z === (z = await zoom(page)) ? 'settled' : 'moving'), { intervals: [300] }).toBe('settled');
  return page.locator('.react-flow__viewport').evaluate(
    (vp, scale) => {
      let min = Infinity;
      const walker = document.createTreeWalker(vp, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        const el = n.parentElement;
        if (el === null || (n.textContent ?? '').trim() === '' || el.closest('.react-flow__node') === null) continue;
        const cs = getComputedStyle(el);
        if (cs.visibility === 'hidden' || cs.display === 'none' || el.getClientRects().length === 0) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        min = Math.min(min, parseFloat(cs.fontSize) * scale);
      }
      return min;
    },
    await zoom(page),
  );
}

/** Whether every node is inside the window. */
async function allNodesOnScreen(page: Page): Promise<boolean> {
  const size = page.viewportSize()!;
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom];
    }),
  );
  return boxes.every(([l, t, r, b]) => l >= -1 && t >= -1 && r <= size.width + 1 && b <= size.height + 1);
}

test('at 1920×1080, Present draws node text at 16 px or more and captions at 40 px or more, the whole system on screen', async ({
  page,
}) => {
  await present(page, 'seed-attack');
  expect(await smallestNodeText(page)).toBeGreaterThanOrEqual(16);
  const caption = await page.getByTestId('caption').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(caption).toBeGreaterThanOrEqual(40);
  expect(await allNodesOnScreen(page)).toBe(true);
});

test('at 1280×800, Present draws node text at 12 px or more, the whole system on screen', async ({ page }) => {
  await present(page, 'seed-attack', { width: 1280, height: 800 });
  expect(await smallestNodeText(page)).toBeGreaterThanOrEqual(12);
  expect(await allNodesOnScreen(page)).toBe(true);
});

test('a presentation remote’s keys: Page Down and Page Up step captions, Home and End jump, . and b blank', async ({ page }) => {
  await present(page, 'seed-attack', { width: 1280, height: 800 });
  const caption = page.getByTestId('caption');
  await expect(caption).toContainText('A programs the NIC');
  await page.keyboard.press('PageDown');
  await expect(caption).toContainText('A hands the NIC to P', { timeout: 15_000 });
  await page.keyboard.press('PageDown');
  await expect(caption).toContainText('The SYNC completed', { timeout: 15_000 });
  await page.keyboard.press('PageUp');
  await expect(caption).toContainText('A hands the NIC to P');
  await page.keyboard.press('End');
  await expect(caption).toContainText('P programs the NIC for itself');
  await page.keyboard.press('Home');
  await expect(caption).toContainText('A programs the NIC');

  await page.keyboard.press('b');
  await expect(page.getByTestId('blank')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('blank')).toBeHidden();
  await page.keyboard.press('.');
  await expect(page.getByTestId('blank')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('blank')).toBeHidden();
});

test('after the last caption, → ends the run there rather than playing on', async ({ page }) => {
  await present(page, 'seed-attack', { width: 1280, height: 800 });
  const caption = page.getByTestId('caption');
  await page.keyboard.press('End');
  await expect(caption).toContainText('P programs the NIC for itself');
  const t = page.getByTestId('presentation').locator('.pn-present-t');
  await expect(t).toHaveText('t = 100');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await page.waitForTimeout(1000);
  await expect(t).toHaveText('t = 100');
  await expect(page.getByTestId('presentation')).toContainText('the end');
});

test('while presenting, + − and 0 zoom, and [ and ] change the speed', async ({ page }) => {
  await present(page, 'seed-attack', { width: 1280, height: 800 });
  let z = await zoom(page);
  await expect.poll(async () => (z === (z = await zoom(page)) ? 'settled' : 'moving'), { intervals: [300] }).toBe('settled');
  const fitted = await zoom(page);
  await page.keyboard.press('+');
  await expect.poll(() => zoom(page)).toBeGreaterThan(fitted * 1.1);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(() => zoom(page)).toBeLessThan(fitted * 0.95);
  await page.keyboard.press('0');
  await expect.poll(() => zoom(page)).toBeCloseTo(fitted, 2);

  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Speed')).toHaveValue('20');
  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation')).toBeVisible();
  await page.keyboard.press(']');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Speed')).toHaveValue('100');
  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation')).toBeVisible();
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Speed')).toHaveValue('5');
});

test('a caption’s camera, saved from the view in the editor, is shown when Present reaches it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  await page.goto('/#g=seed-attack');
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  // Zoom in, and save that view for the second caption.
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.waitForTimeout(500);
  const zoomed = await zoom(page);
  const saved = await centre(page);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Save the view for caption 2' }).click();
  await expect(page.getByRole('button', { name: 'Save the view for caption 2' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Forget the view of caption 2' }).waitFor();

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  await page.keyboard.press('Home');
  // The first caption fits the whole system; the fit may still be animating.
  await expect.poll(() => zoom(page)).toBeLessThan(zoomed);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('caption')).toContainText('A hands the NIC to P', { timeout: 15_000 });
  await expect.poll(() => zoom(page)).toBeCloseTo(zoomed, 1);
  // The same point of the canvas is in the middle of the screen as when the view was saved.
  await expect.poll(async () => Math.abs((await centre(page)).x - saved.x) + Math.abs((await centre(page)).y - saved.y)).toBeLessThan(2);
});
