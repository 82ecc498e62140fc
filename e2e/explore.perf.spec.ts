// The explorer in the browser, on the production build (docs/performance.md, "Explorer"). First, for
// each mutation on the gallery scenario that shows it and for the runs whose violation needs other
// timing (the rows of bench/explore-sweep.bench.ts), the time from pressing Run in the Explore panel
// (K = 2) to the invariant's ✗ counterexample in its results; the target is ≤ 10 s each. Then the
// stress scenario plays while a search of it runs in the worker pool (the panel minimised to its
// strip), and frame times and main-thread long tasks are recorded as in canvas.perf.spec.ts; the
// targets are p95 ≤ 20 ms with ≥ 500 transactions in flight, and no task over 50 ms. Figures are
// printed.

import { test, expect, openDocument } from './fixtures';
import type { Page } from '@playwright/test';
import { galleryEntry } from '../src/scenario/gallery';
import { stressDocument } from '../src/scenario/stress';
import { MUTATION_CASES } from '../src/testing/mutationCases';
import { recordFrames, secondsSinceStart } from './framePerf';

type Doc = Record<string, unknown> & { script: unknown[]; policy?: Record<string, unknown> };

function galleryDoc(id: string, mutations?: string[]): Doc {
  const g = galleryEntry(id);
  if (g === undefined) throw new Error(`no gallery entry ${id}`);
  const doc = structuredClone(g.doc) as unknown as Doc;
  if (mutations !== undefined) doc.policy = { ...(doc.policy ?? {}), mutations };
  return doc;
}

/** Seed-attack's read loop and hand-over alone: I1 breaks only when a read's delay carries it past the hand-over. */
function handover(): Doc {
  const doc = galleryDoc('seed-attack');
  doc.script = doc.script.slice(0, 2);
  doc.title = 'Seed attack, hand-over only';
  return doc;
}

interface Row {
  scenario: string;
  mutation: string;
  invariant: string;
  doc: Doc;
}

/** The mutations and timing-dependent runs of bench/explore-sweep.bench.ts, with the invariant each breaks. */
const ROWS: Row[] = [
  ...MUTATION_CASES.map(([m, g, inv]) => ({ scenario: g, mutation: m, invariant: inv, doc: galleryDoc(g, [m]) })),
  { scenario: 'late-atc-ack', mutation: '(timing)', invariant: 'I2', doc: galleryDoc('late-atc-ack') },
  { scenario: 'late-atc-ack', mutation: '(timing)', invariant: 'I8', doc: galleryDoc('late-atc-ack') },
  { scenario: 'seed-attack, hand-over only', mutation: '(timing)', invariant: 'I1', doc: handover() },
];

const LIMIT_S = 10;

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Explore' });

/**
 * Presses Run inside the page and resolves with the seconds until the invariant's row shows a
 * counterexample (or the results show it without one), with its number of deviations. The moment is
 * taken by a mutation observer in the page, not by the test's polling.
 */
async function timeToCounterexample(page: Page, invariant: string): Promise<{ s: number; found: boolean; deviations: number }> {
  await page.evaluate((inv) => {
    type Found = { ms: number; found: boolean; deviations: number };
    const w = window as unknown as { __found?: Found };
    delete w.__found;
    const start = performance.now();
    const look = () => {
      const row = document.querySelector(`[data-testid=explore-results] tr[data-invariant="${inv}"]`);
      if (row === null || w.__found !== undefined) return false;
      w.__found = {
        ms: performance.now() - start,
        found: row.getAttribute('data-result') === 'counterexample',
        deviations: row.querySelectorAll('.ex-how li').length,
      };
      return true;
    };
    const obs = new MutationObserver(() => {
      if (look()) obs.disconnect();
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true });
    const run = [...document.querySelectorAll<HTMLButtonElement>('[role=dialog] button')].find((b) => b.textContent === 'Run');
    if (run === undefined) throw new Error('the Explore panel has no Run button');
    run.click();
  }, invariant);
  await page.waitForFunction(() => (window as unknown as { __found?: unknown }).__found !== undefined, null, {
    timeout: 3 * LIMIT_S * 1000,
  });
  const r = await page.evaluate(() => (window as unknown as { __found: { ms: number; found: boolean; deviations: number } }).__found);
  return { s: r.ms / 1000, found: r.found, deviations: r.deviations };
}

test('each mutation and timing-dependent run: Run to its counterexample', async ({ page }) => {
  test.setTimeout(ROWS.length * 60_000);
  const results: { row: Row; s: number; found: boolean; deviations: number }[] = [];
  for (const row of ROWS) {
    await openDocument(page, row.doc);
    await expect(page.getByTestId('node-smmu')).toBeVisible();
    await page.getByRole('button', { name: 'Explore…' }).click();
    await dialog(page).getByLabel('Deviations K').fill('2');
    results.push({ row, ...(await timeToCounterexample(page, row.invariant)) });
    await expect(page.getByTestId('explore-progress')).toHaveCount(0, { timeout: 120_000 });
  }
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    [
      `explorer in the browser — Run (K = 2) to the invariant's counterexample; ${await page.evaluate(() => navigator.hardwareConcurrency)} cores reported`,
      `  ${pad('scenario', 30)}${pad('mutation', 22)}${pad('inv', 5)}${pad('seconds', 9)}deviations`,
      ...results.map(
        (r) =>
          `  ${pad(r.row.scenario, 30)}${pad(r.row.mutation, 22)}${pad(r.row.invariant, 5)}${pad(r.s.toFixed(2), 9)}${r.found ? r.deviations : 'not found'}`,
      ),
      `  slowest ${Math.max(...results.map((r) => r.s)).toFixed(2)} s (target ≤ ${LIMIT_S} s each)`,
    ].join('\n'),
  );
  for (const r of results) {
    expect(r.found, `${r.row.scenario} ${r.row.mutation}: no ${r.row.invariant} counterexample`).toBe(true);
    expect(r.s, `${r.row.scenario} ${r.row.mutation}: ${r.row.invariant} took ${r.s.toFixed(2)} s`).toBeLessThanOrEqual(LIMIT_S);
  }
});

test('stress scenario plays while the pool searches it: frame times, long tasks', async ({ page }) => {
  test.setTimeout(180_000);
  await openDocument(page, stressDocument());
  await expect(page.locator('[data-testid=node-device]')).toHaveCount(32);
  await page.getByLabel('Speed').selectOption('20');
  await page.getByLabel('Go to tick').fill('300');
  await page.getByLabel('Go to tick').press('Enter');
  await expect(page.getByTestId('tick')).toHaveText(/^t = 300 /);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Explore…' }).click();
  for (const [label, value] of Object.entries({ 'Deviations K': '2', 'Budget (schedules)': '1000000', 'Time limit (s)': '' }))
    await dialog(page).getByLabel(label).fill(value);
  const workers = Number(/(\d+) workers?/.exec((await dialog(page).textContent()) ?? '')?.[1]);
  await page.waitForTimeout(300);

  // Run is pressed in the task that starts the recording, so handing the scenario to the pool is
  // measured too; then the panel is minimised, the canvas uncovered, as one watching the run would.
  const f = await recordFrames(page, ['dialog:Run', 'dialog:Minimise']);
  // The search is still going: its progress line gives the states per second so far.
  const progress = page.getByTestId('explore-progress');
  await expect(progress).toContainText(/[1-9]\d* states\/s/, { timeout: 60_000 });
  const line = ((await progress.textContent()) ?? '').replace(/\s+/g, ' ');
  const elapsed = await secondsSinceStart(page);
  await page.screenshot({ path: 'test-results/artifacts/explore-perf-stress.png' });
  const rate = Number(/(\d+) states\/s/.exec(line)?.[1]);
  const schedules = Number(/(\d+) schedules/.exec(line)?.[1]);
  await expect(dialog(page)).toHaveCount(0);
  await page.getByTestId('explore-dock').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('explore-status')).toHaveText('Cancelled: the workers were stopped.');

  const { q, longest, inflight } = f;
  console.log(
    [
      `explorer perf — stress scenario plays (speed 20) while ${workers} worker(s) search it (K = 2), the panel minimised, viewport 1280×800`,
      `  search: ${schedules} schedules in ${elapsed.toFixed(1)} s (${(schedules / elapsed).toFixed(1)} schedules/s), ${rate.toLocaleString('en-US')} distinct states/s`,
      `  transactions drawn in flight: max ${inflight}`,
      `  frame time: p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms (target p95 ≤ 20 ms) over ${f.frameCount} frames`,
      `  longest main-thread task: ${longest.toFixed(0)} ms (${f.tasks.length} tasks over 50 ms${f.taskAt.length > 0 ? `: ${f.taskAt.join(', ')}` : ''}; target none)`,
    ].join('\n'),
  );
  expect(inflight).toBeGreaterThanOrEqual(500);
  expect(rate).toBeGreaterThan(0);
  expect(q(0.95)).toBeLessThanOrEqual(20);
  expect(longest).toBeLessThanOrEqual(50);
});
