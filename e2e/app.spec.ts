// The app's journeys on the production build: the seed's attack and its fix, layout that
// persists, blocked DMA at the SMMU, the engine in a worker, and live operations that replay.

import { test, expect, openBlockedDma, openDocument, openGallery, tick, seek } from './fixtures';
import type { Page } from '@playwright/test';
import { stressDocument } from '../src/scenario/stress';

test('the seed attack: play, see I1b violated, jump to it; P1 fixes it', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Gallery').selectOption('seed-attack');
  await expect(page.getByLabel('Policy')).toHaveValue('P0');
  await page.getByLabel('Speed').selectOption('100');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => tick(page), { timeout: 15_000 }).toBeGreaterThan(80);
  await page.getByRole('button', { name: 'Pause' }).click();

  const i1b = page.locator('[data-testid=verdict][data-invariant=I1b]');
  await expect(i1b).toHaveAttribute('data-status', 'violated');
  await expect(i1b).not.toContainText('ahead');
  await expect(page.locator('[data-testid=timeline-violation][data-invariant=I1b]')).toHaveCount(1);

  await i1b.getByRole('button', { name: /^I1b/ }).click();
  await expect.poll(() => tick(page)).toBe(77);
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
  // A's edges follow it: its ownership of the NIC still runs from A's handle to the NIC's.
  await expect.poll(() => edgeMisfit(page, 'own:X', 'A', 'right', 'X', 'left')).toBeLessThan(1.5);
  const transform = await node.evaluate((el) => el.style.transform);

  await page.reload();
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="A"]')).toHaveCSS('transform', /matrix|none/);
  expect(await page.locator('.react-flow__node[data-id="A"]').evaluate((el) => el.style.transform)).toBe(transform);
});

/**
 * How far, in screen pixels, an edge's ends lie from the handles it joins: the middle of the
 * source handle's outer side and of the target handle's (where React Flow puts an edge's ends).
 */
async function edgeMisfit(
  page: Page,
  edge: string,
  source: string,
  sourceSide: string,
  target: string,
  targetSide: string,
): Promise<number> {
  const ends = await page.locator(`[data-edge="${edge}"]`).evaluate((p: SVGPathElement) => {
    const m = p.getScreenCTM()!;
    return [0, p.getTotalLength()].map((l) => {
      const q = new DOMPoint(p.getPointAtLength(l).x, p.getPointAtLength(l).y).matrixTransform(m);
      return [q.x, q.y];
    });
  });
  const side = async (node: string, s: string) => {
    const b = (await page.locator(`.react-flow__node[data-id="${node}"] .react-flow__handle-${s}`).first().boundingBox())!;
    return {
      left: [b.x, b.y + b.height / 2],
      right: [b.x + b.width, b.y + b.height / 2],
      top: [b.x + b.width / 2, b.y],
      bottom: [b.x + b.width / 2, b.y + b.height],
    }[s]!;
  };
  const [a, z] = [await side(source, sourceSide), await side(target, targetSide)];
  return Math.max(Math.hypot(ends[0][0] - a[0], ends[0][1] - a[1]), Math.hypot(ends[1][0] - z[0], ends[1][1] - z[1]));
}

test("edges join their nodes' handles: ownership, stream, mapping and stage-2, and a hand-over's pending edge", async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await seek(page, 53); // the NIC is P's, and P's table (made valid at 49–52) maps its region through the SMMU
  expect(await edgeMisfit(page, 'own:X', 'P', 'right', 'X', 'left')).toBeLessThan(1.5);
  expect(await edgeMisfit(page, 'sid:X', 'X', 'right', 'smmu', 'left')).toBeLessThan(1.5);
  const mapping = page.locator('[data-edge^="map:"]').first();
  const region = (await mapping.getAttribute('data-edge'))!.slice('map:'.length);
  expect(await edgeMisfit(page, `map:${region}`, 'smmu', 'right', region, 'left')).toBeLessThan(1.5);
  const stage2 = (await page.locator('[data-edge^="s2:P:"]').first().getAttribute('data-edge'))!;
  expect(await edgeMisfit(page, stage2, 'P', 'bottom', stage2.split(':')[2], 'top')).toBeLessThan(1.5);
  await expect(page.locator('[data-edge="own:X"]')).toHaveCount(1);
  // Mid hand-over (P1 resets the NIC for the hypervisor before P gets it), the NIC has no owner's
  // edge: a dashed one runs from the VM it is pending for.
  await openGallery(page, 'reset-on-transfer'); // X goes from A to P at t=40
  await seek(page, 50);
  await expect(page.locator('.react-flow__node[data-id="X"] .dn-chip')).toHaveText('hyp');
  await expect(page.locator('[data-edge="own:X"]')).toHaveCount(0);
  await expect(page.locator('[data-edge="pend:X"]')).toHaveCSS('stroke-dasharray', /6/);
  expect(await edgeMisfit(page, 'pend:X', 'P', 'right', 'X', 'left')).toBeLessThan(1.5);
  await seek(page, 100);
  await expect(page.locator('[data-edge="pend:X"]')).toHaveCount(0);
  expect(await edgeMisfit(page, 'own:X', 'P', 'right', 'X', 'left')).toBeLessThan(1.5);
});

test('a blocked transaction stops at the SMMU with its fault', async ({ page }) => {
  // Per-VM tables (P3): once A's table is disabled, A's descriptor still runs and the SMMU aborts
  // it with C_BAD_STE (its STE is invalid), recorded in the event queue.
  await openBlockedDma(page);
  await expect(page.getByTestId('dma-overlay')).toHaveAttribute('data-blocked', /C_BAD_STE 0x04/);
  await expect(page.getByTestId('log')).toContainText('C_BAD_STE (0x04)');
});

test('edge labels sit on a background that holds their text', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await seek(page, 53); // the NIC is P's: its stream and P's table are labelled
  const labels = page.locator('.cv-edge-label');
  await expect(labels.filter({ hasText: 'SID 17' })).toHaveCount(1);
  await expect(labels.filter({ hasText: 'VMID 2' })).toHaveCount(1);
  const boxes = await labels.evaluateAll((gs) =>
    gs.map((g) => {
      const t = (g.querySelector('text') as SVGTextElement).getBBox();
      const r = (g.querySelector('rect') as SVGRectElement).getBBox();
      return {
        text: g.textContent,
        inside: t.width > 0 && t.x >= r.x && t.y >= r.y && t.x + t.width <= r.x + r.width && t.y + t.height <= r.y + r.height,
      };
    }),
  );
  for (const b of boxes) expect(b, b.text ?? '').toMatchObject({ inside: true });
  await expect(labels.first()).toBeVisible();
  // No node covers a label: the mapping beside the SMMU is wider than the gap to its region, and
  // its start and its end are the label's own pixels, not a node's. (Labels take no pointer in the
  // app; here they do, so that hit testing finds what is on top.)
  await page.addStyleTag({ content: '.cv-edge-label, .cv-edge-label * { pointer-events: auto !important }' });
  const covered = await labels.evaluateAll((gs) =>
    gs.flatMap((g) => {
      const r = g.querySelector('rect')!.getBoundingClientRect();
      const y = r.top + r.height / 2;
      return [r.left + 4, r.right - 4]
        .filter((x) => !g.contains(document.elementFromPoint(x, y)))
        .map((x) => `${g.textContent} at x=${x.toFixed(0)}: ${document.elementFromPoint(x, y)?.className}`);
    }),
  );
  expect(covered).toEqual([]);
});

test('with reduced motion the same transactions and faults are shown, without travel', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openBlockedDma(page);
  const overlay = page.getByTestId('dma-overlay');
  await expect(overlay).toHaveAttribute('data-blocked', /C_BAD_STE 0x04/);
  // Every transaction in flight is still drawn (at the middle of its leg): as many as the NIC counts.
  const inFlight = Number(
    /in flight\s*(\d+)\//.exec((await page.locator('.react-flow__node[data-id="X"]').innerText()).replace(/\n/g, ' '))?.[1],
  );
  await expect(overlay).toHaveAttribute('data-drawn', String(inFlight));
});

test('zoomed far out, nodes show an overview that reads at that size; zoomed back in, their detail', async ({ page }) => {
  // Per-VM tables at t=62: A's STE is invalid and the SMMU aborts its DMA with C_BAD_STE.
  await openBlockedDma(page);
  await expect(page.getByTestId('dma-overlay')).toHaveAttribute('data-blocked', /C_BAD_STE 0x04/);
  const smmu = page.getByTestId('node-smmu');
  await expect(smmu).toHaveAttribute('data-detail', 'full');
  await expect(smmu).toContainText('Stream table');
  const pages = await page.locator('[data-page]').count();
  const labels = page.locator('.cv-edge-label');
  const labelCount = await labels.count();
  expect(labelCount).toBeGreaterThan(0);
  const edgeCount = await page.locator('.cv-edge').count();

  const zoomOut = page.getByRole('button', { name: 'zoom out' });
  for (let i = 0; i < 8 && (await smmu.getAttribute('data-detail')) === 'full'; i++) await zoomOut.click();
  await expect(smmu).toHaveAttribute('data-detail', 'overview');
  await expect(page.locator('[data-testid=node-device][data-detail=full]')).toHaveCount(0);
  await expect(page.locator('[data-testid=node-region][data-detail=full]')).toHaveCount(0);
  // Edges stay, without their labels (11 px type, unreadable at this zoom like the nodes' details).
  await expect(page.locator('.cv-edge')).toHaveCount(edgeCount);
  await expect(labels).toHaveCount(0);
  // The facts an engineer looks for first, in large type: an invalid STE is counted and marked.
  await expect(smmu).toContainText(/STE \d+\/\d+ valid/);
  await expect(smmu.locator('.dn-ov-line', { hasText: 'STE' })).toHaveClass(/dn-bad/);
  await expect(smmu).toContainText(/EVTQ \d+\/\d+/);
  const title = smmu.locator('.dn-ov-title');
  expect(await title.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(30);
  // Every page keeps its cell (the overlay's anchor), and the overlay still shows the blocked DMA.
  await expect(page.locator('[data-page]')).toHaveCount(pages);
  await expect(page.getByTestId('dma-overlay')).toHaveAttribute('data-blocked', /C_BAD_STE 0x04/);
  // A device's in-flight bar is filled to the share of its outstanding transactions (at t=20 the NIC
  // has 3 of its 4).
  await seek(page, 20);
  const bars = await page.locator('[data-testid=node-device] .dn-ov-bar').all();
  expect(bars.length).toBeGreaterThan(0);
  let busy = 0;
  for (const bar of bars) {
    const [, n, max] = /^(\d+)\/(\d+) in flight$/.exec((await bar.getAttribute('title')) ?? '') ?? [];
    const gradient = await bar.evaluate((e) => getComputedStyle(e).backgroundImage);
    const filled = /^linear-gradient\(to right, rgba?\([^)]*\) ([\d.]+)%/.exec(gradient)?.[1];
    expect(Number(filled)).toBeCloseTo((100 * Number(n)) / Number(max), 0);
    if (Number(n) > 0) busy++;
  }
  expect(busy).toBeGreaterThan(0);

  const zoomIn = page.getByRole('button', { name: 'zoom in' });
  for (let i = 0; i < 8 && (await smmu.getAttribute('data-detail')) === 'overview'; i++) await zoomIn.click();
  await expect(smmu).toHaveAttribute('data-detail', 'full');
  await expect(smmu).toContainText('Stream table');
  await expect(page.locator('[data-testid=node-device][data-detail=overview]')).toHaveCount(0);
  await expect(labels).toHaveCount(labelCount);
});

/** Every node's box inside the canvas pane. */
function allNodesInPane(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node')].every((n) => {
      const b = n.getBoundingClientRect();
      return b.left >= pane.left - 1 && b.right <= pane.right + 1 && b.top >= pane.top - 1 && b.bottom <= pane.bottom + 1;
    });
  });
}

/** The ids of the nodes any part of which is under the minimap. */
function nodesUnderMinimap(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = document.querySelector('.react-flow__minimap')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => {
        const b = n.getBoundingClientRect();
        return b.right > map.left && b.left < map.right && b.bottom > map.top && b.top < map.bottom;
      })
      .map((n) => n.dataset.id ?? '');
  });
}

test('a large system arranged in columns fits the pane, as one step to undo', async ({ page }) => {
  await openDocument(page, stressDocument());
  const devices = page.locator('.react-flow__node-device');
  await expect(devices).toHaveCount(32);
  const columns = async () =>
    new Set((await devices.evaluateAll((ns) => ns.map((n) => Math.round(n.getBoundingClientRect().left)))).map(String)).size;
  const allInPane = () => allNodesInPane(page);
  expect(await columns()).toBe(1);
  // In single columns the system is taller than fit-to-view can show at its minimum zoom.
  expect(await allInPane()).toBe(false);

  await page.getByRole('button', { name: 'Arrange in columns' }).click();
  await expect.poll(columns).toBeGreaterThan(1);
  await expect.poll(allInPane).toBe(true);
  // The columns fill the pane's proportions, and the minimap (bottom right) hides none of them.
  await expect.poll(() => nodesUnderMinimap(page)).toEqual([]);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(columns).toBe(1);
});

test('a scenario opened after another is shown whole, and an edit keeps the view', async ({ page }) => {
  // The stress scenario fits at 15 % zoom; the seed's attack, opened after it, needs about 70 %.
  await openDocument(page, stressDocument());
  await expect(page.locator('.react-flow__node-device')).toHaveCount(32);
  // Fitted: the SMMU node drawn small.
  await expect.poll(async () => (await page.getByTestId('node-smmu').boundingBox())?.width ?? 0).toBeLessThan(100);
  await page.getByLabel('Gallery').selectOption('seed-attack');
  await expect(page.locator('.react-flow__node-device')).toHaveCount(1);
  await expect.poll(() => allNodesInPane(page)).toBe(true);
  const smmu = await page.getByTestId('node-smmu').boundingBox();
  expect(smmu!.width).toBeGreaterThan(150); // not left at the stress scenario's zoom

  // Zoomed in by the user, then an edit (the policy): the view stays where the user put it.
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.waitForTimeout(400);
  const zoomed = (await page.getByTestId('node-smmu').boundingBox())!.width;
  await page.getByLabel('Policy').selectOption('P1');
  await page.waitForTimeout(600);
  expect((await page.getByTestId('node-smmu').boundingBox())!.width).toBeCloseTo(zoomed, 0);
});

test('the simulation runs in a worker, and the overlay is painted in another, not on the main thread', async ({ page }) => {
  // Counts the engine worker's messages that reach the page.
  await page.addInitScript(() => {
    const w = window as unknown as { __engineMessages: number };
    w.__engineMessages = 0;
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name === 'dma-handoff-engine') this.addEventListener('message', () => w.__engineMessages++);
      }
    };
  });
  await openGallery(page, 'seed-attack');
  await expect(page.locator('[data-host=worker]')).toHaveCount(1);
  expect(page.workers().some((w) => /engine\.worker/.test(w.url()))).toBe(true);
  const overlay = page.getByTestId('dma-overlay');
  await expect(overlay).toHaveAttribute('data-painter', 'worker');
  expect(page.workers().some((w) => /painter\.worker/.test(w.url()))).toBe(true);

  // While the run plays, the painter takes the engine's frames over its own channel: the page
  // hears from the engine a few times a second (the entities), not on every animation frame.
  const messages = () => page.evaluate(() => (window as unknown as { __engineMessages: number }).__engineMessages);
  await page.getByLabel('Speed').selectOption('20');
  const before = await messages();
  const start = Date.now();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(overlay).not.toHaveAttribute('data-drawn', '0'); // transactions in flight, drawn
  await page.waitForTimeout(2000 - (Date.now() - start));
  await page.getByRole('button', { name: 'Pause' }).click();
  const elapsed = (Date.now() - start) / 1000;
  await expect(page.getByTestId('tick')).not.toHaveText(/^t = 0 /);
  const heard = (await messages()) - before;
  expect(heard).toBeGreaterThan(2);
  expect(heard / elapsed).toBeLessThan(12); // views every 250 ms, and the answers to Play and Pause
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

  const marker = page.locator('[data-testid=timeline-op][data-op=transfer][data-t="20"]');
  await expect(marker).toHaveCount(1);
  // The timeline's playhead stands where the operation was inserted.
  const track = (await page.locator('.pn-tl-track').boundingBox())!;
  const at = /calc\(([\d.]+)%/.exec(await page.getByTestId('playhead').evaluate((e) => e.style.backgroundImage))?.[1];
  expect((track.width * Number(at)) / 100).toBeCloseTo((await marker.boundingBox())!.x - track.x + 1, 0);
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

test('the whole log scrolls, with only the rows in view in the page', async ({ page }) => {
  await openDocument(page, stressDocument());
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await seek(page, 1500);
  const log = page.getByTestId('log');
  const rows = log.locator('.pn-log-rows');
  const count = Number(await rows.getAttribute('data-rows'));
  expect(count).toBeGreaterThan(200);
  // The newest record is at the bottom, in view, and only the rows near the view are drawn.
  const drawn = log.locator('.pn-log-row');
  expect(await drawn.count()).toBeLessThan(60);
  await expect(drawn.last()).toHaveText(/^1[45]\d\d\D/);
  await expect(drawn.last()).toBeInViewport();
  // Scrolled to the top: the run's first record (the boot), in view.
  await rows.evaluate((el) => (el.scrollTop = -el.scrollHeight));
  await expect(log.locator('.pn-log-row', { hasText: /^0boot:/ })).toBeInViewport();
  expect(await drawn.count()).toBeLessThan(60);
  // Filtered, the list holds the matching records only.
  await log.getByLabel('Filter log').fill('CFGI_STE');
  await expect(rows).not.toHaveAttribute('data-rows', String(count));
  for (const text of await drawn.allTextContents()) expect(text).toContain('CFGI_STE');
});

test("Verdicts shows liveness beside safety: a completed hand-over with the new owner's DMA, a refused one, lost records", async ({
  page,
}) => {
  await openGallery(page, 'seed-attack');
  const handover = page.getByTestId('handover');
  await expect(handover).toHaveCount(1);
  await expect(handover).toHaveAttribute('data-status', 'completed');
  await expect(handover).toHaveAttribute('data-new-owner-dma', 'true');
  await expect(handover).toContainText(/transfer\s*X → P\s*done t=\d+ · P's own DMA works/);
  await expect(page.getByTestId('verdicts')).toContainText(/run to t=\d+ \([\d.]+ µs at 100 ns a tick\)/);
  // P7 has no transfer: the hand-over is refused, so its green invariants mean nothing was handed over.
  await page.getByLabel('Policy').selectOption('P7');
  await expect(handover).toHaveAttribute('data-status', 'refused');
  await expect(handover).toContainText('refused (FFA_DENIED)');
  // A full event queue loses records: architected, shown as its own figure, not as a broken rule.
  await openGallery(page, 'eventq-overflow');
  await expect(page.getByTestId('lost-records')).toContainText(/\d+ fault records lost to a full event queue \(8 entries; overflow ×\d+\)/);
  await expect(page.locator('[data-testid=verdict][data-invariant=I11]')).toHaveAttribute('data-status', 'holds');
});
