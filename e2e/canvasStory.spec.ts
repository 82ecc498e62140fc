// The story on the canvas, as a user sees it: the leak drawn where it happens, node text legible at
// the fitted view, busy labels kept apart, the log seeking to its moments.

import type { Page } from '@playwright/test';
import { test, expect, openDocument, openGallery, seek, tick } from './fixtures';
import { stressDocument } from '../src/scenario/stress';

/** The smallest rendered font size (px on screen) of the canvas nodes' visible text. */
async function smallestNodeText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const zoom = (() => {
      const vp = document.querySelector<HTMLElement>('.react-flow__viewport');
      const m = /scale\(([\d.]+)\)/.exec(vp?.style.transform ?? '');
      return m ? Number(m[1]) : 1;
    })();
    let min = Infinity;
    const walker = document.createTreeWalker(document.querySelector('.react-flow__nodes')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      if ((n.textContent ?? '').trim() === '') continue;
      const el = n.parentElement!;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (size < min) min = size;
    }
    return min;
  });
}

async function fitted(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await openGallery(page, 'seed-attack');
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForTimeout(300);
}

/** React Flow's viewport: [x, y, zoom]. */
async function viewport(page: Page): Promise<[number, number, number]> {
  const t = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(t);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
}

/** Whether the canvas node `id` lies wholly inside the canvas pane. */
async function inPane(page: Page, id: string): Promise<boolean> {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const b = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
  return b.x >= pane.x - 1 && b.y >= pane.y - 1 && b.x + b.width <= pane.x + pane.width + 1 && b.y + b.height <= pane.y + pane.height + 1;
}

test.describe('the violation on the canvas', () => {
  test("after the leak's tick the canvas draws its path in danger, names it at the page and marks the SMMU entry", async ({ page }) => {
    await openGallery(page, 'seed-attack');
    await seek(page, 76);
    await expect(page.getByTestId('danger-path')).toHaveCount(0);
    // Step into the leak: the playhead passes I1b at t=77.
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => tick(page)).toBe(78);
    const path = page.getByTestId('danger-path');
    await expect(path).toBeVisible();
    await expect(path).toHaveAttribute('data-invariant', 'I1b');
    await expect(page.getByTestId('danger-label')).toContainText("A's descriptor read P's secret");
    await expect(page.getByTestId('smmu-culprit')).toContainText('TLB VMID 2 0x40000000 → 0x90000000 (S2:P)');
    await expect(page.locator('[data-culprit]')).toHaveCount(1);
    // The page the leak reached is marked by the overlay, and stays marked past a flash.
    const overlay = page.getByTestId('dma-overlay');
    await expect.poll(async () => Number(await overlay.getAttribute('data-leaks')), { intervals: [50] }).toBeGreaterThan(0);
    await page.waitForTimeout(2000);
    expect(Number(await overlay.getAttribute('data-leaks'))).toBeGreaterThan(0);
    // Held for about three seconds, then the canvas lets it go.
    await expect(path).toHaveCount(0, { timeout: 5000 });
  });

  test('selecting the violation in Verdicts brings the highlight back and frames the nodes it involves', async ({ page }) => {
    await openGallery(page, 'seed-attack');
    // Somewhere else, zoomed in on the VMs: the leak is out of view.
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.mouse.move(300, 300);
    const before = await viewport(page);
    await page.locator('[data-testid=verdict][data-invariant=I1b] button:not(.pn-more)').click();
    await expect(page.getByTestId('danger-path')).toBeVisible();
    await expect(page.getByTestId('danger-label')).toContainText("A's descriptor read P's secret");
    await expect(page.getByTestId('smmu-culprit')).toBeVisible();
    await expect.poll(() => viewport(page)).not.toEqual(before);
    await page.waitForTimeout(400);
    for (const id of ['X', 'smmu', 'p-ram']) expect(await inPane(page, id), id).toBe(true);
    // Selected, it stays: no hold runs out.
    await page.waitForTimeout(3500);
    await expect(page.getByTestId('danger-path')).toBeVisible();
  });

  test('selecting the violation on the timeline does the same', async ({ page }) => {
    await openGallery(page, 'seed-attack');
    await page.locator('[data-testid=timeline-violation][data-invariant=I1b]').click();
    await expect(page.getByTestId('danger-path')).toHaveAttribute('data-invariant', 'I1b');
    await expect(page.getByTestId('smmu-culprit')).toBeVisible();
  });
});

test.describe('the violation label hides no node', () => {
  /** The nodes the label's box shares area with, by id. */
  const covered = (page: Page) =>
    page.evaluate(() => {
      const l = document.querySelector('[data-testid=danger-label]')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
        .filter((n) => {
          const r = n.getBoundingClientRect();
          return Math.min(l.right, r.right) - Math.max(l.left, r.left) > 2 && Math.min(l.bottom, r.bottom) - Math.max(l.top, r.top) > 2;
        })
        .map((n) => n.dataset.id);
    });

  for (const [what, hash] of [
    ['under a region with another region right under it', '#g=handover-window&x=0-14'],
    ['under the last region of its column', '#g=seed-attack&t=77&sel=v2'],
  ] as const)
    test(what, async ({ page }) => {
      await page.goto(`/${hash}`);
      await expect(page.getByTestId('danger-label')).toBeVisible();
      await page.waitForTimeout(600);
      await expect.poll(() => covered(page)).toEqual([]);
    });
});

test.describe('legible at every size', () => {
  test('at 1280×800 the fitted seed attack shows node text at 11 px or more, and particles 14 px across', async ({ page }) => {
    await fitted(page, 1280, 800);
    await expect(page.getByTestId('node-smmu')).toHaveAttribute('data-detail', 'full');
    expect(await smallestNodeText(page)).toBeGreaterThanOrEqual(11);
    // The minimap is hidden on a small system; its control shows it.
    await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    await page.getByTestId('minimap-toggle').click();
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
    await page.getByTestId('minimap-toggle').click();
    await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    await seek(page, 60);
    await page.keyboard.press('Shift+ArrowRight');
    const overlay = page.getByTestId('dma-overlay');
    await expect.poll(async () => Number(await overlay.getAttribute('data-particle'))).toBeGreaterThanOrEqual(14);
    await page.screenshot({ path: 'test-results/canvas-1280x800.png' });
  });

  test('at 1024×768 the fitted seed attack shows node text at 10 px or more, or the large-type overview', async ({ page }) => {
    await fitted(page, 1024, 768);
    const smallest = await smallestNodeText(page);
    const detail = await page.getByTestId('node-smmu').getAttribute('data-detail');
    expect(detail === 'overview' || smallest >= 10, `${detail} at ${smallest} px`).toBe(true);
    expect(smallest).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: 'test-results/canvas-1024x768.png' });
  });

  for (const [w, h] of [
    [1280, 800],
    [1024, 768],
    [1920, 1080],
  ] as const) {
    test(`the seed attack after its violation at ${w}×${h}`, async ({ page }) => {
      await fitted(page, w, h);
      await seek(page, 76);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await expect(page.getByTestId('danger-path')).toBeVisible();
      expect(await smallestNodeText(page)).toBeGreaterThanOrEqual(10);
      await page.screenshot({ path: `test-results/story-${w}x${h}.png` });
    });
  }
});

test.describe('busy scenarios stay readable', () => {
  test('timeline operation labels never overlap: they stack, shorten or become marks, with the full text on hover', async ({ page }) => {
    await openDocument(page, stressDocument());
    await expect(page.getByTestId('node-smmu')).toBeVisible();
    const ops = page.getByTestId('timeline-op');
    await expect.poll(() => ops.count()).toBeGreaterThan(20);
    const boxes = await ops.evaluateAll((els) =>
      els
        .filter((e) => e.getAttribute('data-form') !== 'mark')
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
        }),
    );
    const overlapping = boxes.filter((a, i) =>
      boxes.some((b, j) => i < j && a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5),
    );
    expect(overlapping).toEqual([]);
    const forms = await ops.evaluateAll((els) => els.map((e) => e.getAttribute('data-form')));
    expect(forms.some((f) => f !== 'full')).toBe(true);
    await expect(ops.first()).toHaveAttribute('title', /^t=\d+ \w+/);
  });

  test('a long edge label is cut short, whole on hover and in the inspector when selected', async ({ page }) => {
    await openGallery(page, 'eventq-overflow');
    const smmu = page.getByTestId('node-smmu');
    for (let i = 0; i < 6 && (await smmu.getAttribute('data-detail')) === 'overview'; i++)
      await page.getByRole('button', { name: 'Zoom In' }).click();
    const label = page.locator('[data-testid=edge-label][data-label-of="map:a-ram"]');
    await expect(label.locator('text')).toHaveText('T1 · VMID 3 / T2 · VMID 4 /…');
    await expect(label.locator('title')).toHaveText('T1 · VMID 3 / T2 · VMID 4 / T3 · VMID 5');
    await label.click();
    await expect(page.getByTestId('edge-full-label')).toHaveText('T1 · VMID 3 / T2 · VMID 4 / T3 · VMID 5');
  });

  test('the log is a log, its rows open to their whole text, and clicking one seeks to its tick', async ({ page }) => {
    await openGallery(page, 'seed-attack');
    await seek(page, 120);
    const log = page.getByRole('log', { name: 'Run log' });
    await expect(log).toBeVisible();
    const row = log.getByTestId('log-row').filter({ hasText: 'I1b dma-provenance' }).first();
    await expect(row).toHaveAttribute('data-t', '77');
    const height = (await row.boundingBox())!.height;
    await row.click();
    await expect.poll(() => tick(page)).toBe(77);
    await expect(row).toHaveAttribute('aria-expanded', 'true');
    expect((await row.boundingBox())!.height).toBeGreaterThan(height);
    // Seeking there is the moment of the violation: the canvas shows it.
    await expect(page.getByTestId('danger-path')).toBeVisible();
  });
});

test.describe('colour is never the only cue', () => {
  test("each page names its owner's initial, and the violation's marks carry words and shapes", async ({ page }) => {
    await openGallery(page, 'seed-attack');
    const cells = page.locator('[data-page]');
    await expect(cells).toHaveCount(8);
    const letters = await cells.evaluateAll((els) => els.map((e) => e.querySelector('.dn-page-owner')?.textContent ?? ''));
    expect(letters).toEqual(['A', 'A', 'A', 'A', 'P', 'P', 'P', 'P']);
    await page.locator('[data-testid=verdict][data-invariant=I1b] button:not(.pn-more)').click();
    await expect(page.getByTestId('danger-label')).toContainText('⚠ I1b');
    await expect(page.getByTestId('smmu-culprit')).toContainText('⚠ let through by');
  });
});
