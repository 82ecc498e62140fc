// Every browser test fails on a console error or an uncaught page error, and starts with the
// first-run welcome dismissed unless it asks for it.

import { test as base, expect, type Page } from '@playwright/test';
import { AUTOSAVE_KEY } from '../src/store/library';
import { PREFS_KEY } from '../src/store/prefs';

export const test = base.extend<{ errors: string[]; welcome: boolean }>({
  /**
   * Whether the first-run welcome card may show. Off by default: every page of the test's context
   * finds it dismissed (even after `localStorage.clear()`), so other tests see the workbench as
   * before; `test.use({ welcome: true })` gives a fresh browser's first run.
   */
  welcome: [false, { option: true }],
  context: async ({ context, welcome }, use) => {
    if (!welcome)
      await context.addInitScript((key) => {
        try {
          const prefs = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
          localStorage.setItem(key, JSON.stringify({ ...prefs, welcomeDismissed: true }));
        } catch {
          // A page without storage (about:blank) has no welcome to dismiss.
        }
      }, PREFS_KEY);
    await use(context);
  },
  errors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a gallery scenario through the picker, from a clean slate (no autosave). */
export async function openGallery(page: Page, id: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/#g=${id}`);
  await expect(page.getByTestId('node-smmu')).toBeVisible();
}

/**
 * Opens a scenario document as the app's autosaved work (how a large generated system gets in), with
 * the first-run welcome dismissed (the benchmark's pages, which do not use this file's `test`, too).
 */
export async function openDocument(page: Page, doc: unknown): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    ([key, d, prefsKey]) => {
      localStorage.setItem(key as string, JSON.stringify({ version: 1, galleryId: null, doc: d }));
      const prefs = JSON.parse(localStorage.getItem(prefsKey as string) ?? '{}') as Record<string, unknown>;
      localStorage.setItem(prefsKey as string, JSON.stringify({ ...prefs, welcomeDismissed: true }));
    },
    [AUTOSAVE_KEY, doc, PREFS_KEY] as const,
  );
  // Not a reload: the address shows the scenario opened at first (`#g=…`), which would open again.
  await page.goto('about:blank');
  await page.goto('/');
}

/** The playhead tick shown in the toolbar. */
export async function tick(page: Page): Promise<number> {
  const text = (await page.getByTestId('tick').textContent()) ?? '';
  return Number(/t = (\d+)/.exec(text)?.[1] ?? NaN);
}

/** Presses the playhead's keys (a tick on, the end, play) and checks the playhead stayed at t=0: something over the workbench owns the keyboard. */
export async function expectPlayheadKeysInert(page: Page): Promise<void> {
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('End');
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  expect(await tick(page)).toBe(0);
}

export async function seek(page: Page, t: number): Promise<void> {
  const input = page.getByLabel('Go to tick');
  await input.fill(String(t));
  await input.press('Enter');
  await expect.poll(() => tick(page)).toBe(t);
}

/**
 * Per-VM tables (P3) at t=62, reached by stepping tick by tick from 56 (stepping keeps the ended
 * transactions a seek would drop): A's table is disabled, its descriptor still runs, and the SMMU
 * has just aborted it with C_BAD_STE.
 */
export async function openBlockedDma(page: Page): Promise<void> {
  await openGallery(page, 'per-vm-table');
  await seek(page, 56);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => tick(page)).toBe(62);
}
