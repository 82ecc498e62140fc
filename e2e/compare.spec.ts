// The Compare view in the app: the seed's attack under P0 (A) and P1 (B) — two canvases on one
// playhead, the tick where the runs diverge (the engine's own answer, computed here too), the
// verdicts as a diff, Go to that tick moving both canvases; and a link with &vs= opening the view.

import { test, expect, expectPlayheadKeysInert, openGallery, tick } from './fixtures';
import { firstDivergence } from '../src/sim';
import { galleryScenario } from '../src/testing/scenarios';
import { underConfig } from '../src/scenario/compareConfig';
import { defaultHorizon } from '../src/scenario/horizon';

const seed = galleryScenario('seed-attack');
const divergence = firstDivergence(
  underConfig(seed, { policy: 'P0', mutations: [] }),
  underConfig(seed, { policy: 'P1', mutations: [] }),
  defaultHorizon(seed),
);

test('compare P0 with P1: two canvases, where they diverge, the diff, and Go moves both', async ({ page }) => {
  expect(divergence).not.toBeNull();
  await openGallery(page, 'seed-attack');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByTestId('compare');
  await expect(view).toBeVisible();
  await view.getByLabel("A's policy").selectOption('P0');
  await view.getByLabel("B's policy").selectOption('P1');
  const a = page.getByTestId('compare-canvas-a');
  const b = page.getByTestId('compare-canvas-b');
  await expect(a.locator('figcaption')).toContainText('A · P0');
  await expect(b.locator('figcaption')).toContainText('B · P1');
  // The two-lane timeline names its lanes with their configurations and numbers its ticks.
  const lanes = page.locator('.cmp-lane-names span');
  await expect(lanes).toHaveText(['A · P0', 'B · P1']);
  const axis = page.getByTestId('compare-axis').locator('span');
  await expect(axis.first()).toHaveText('0');
  await expect(axis.last()).toHaveText(defaultHorizon(seed).toLocaleString('en-US'));
  await expect(a.locator('text', { hasText: 'SMMU' })).toBeVisible();
  await expect(b.locator('text', { hasText: 'SMMU' })).toBeVisible();
  await expect(page.getByTestId('compare-divergence-t')).toHaveText(`t=${divergence}`, { timeout: 30_000 });
  // The diff: P0 breaks I1b, P1 does not.
  await expect(page.getByTestId('compare-only-a').locator('li[data-what=I1b]')).toContainText('A t=77', { timeout: 30_000 });
  await expect(page.getByTestId('compare-only-b').locator('li[data-what=I1b]')).toHaveCount(0);
  await expect(page.getByTestId('compare-both').locator('li[data-what=I1b]')).toHaveCount(0);
  await view.getByRole('button', { name: `Go to t=${divergence}` }).click();
  await expect(page.getByTestId('compare-t')).toHaveText(`t=${divergence}`);
  await expect(a).toHaveAttribute('data-clock', String(divergence));
  await expect(b).toHaveAttribute('data-clock', String(divergence));
  // Stepping moves both.
  await view.getByRole('button', { name: 'Step one tick' }).click();
  await expect(a).toHaveAttribute('data-clock', String(divergence! + 1));
  await expect(b).toHaveAttribute('data-clock', String(divergence! + 1));
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
});

test('from the Every-policy table; the comparison copies as a &vs= link', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGallery(page, 'seed-attack');
  await page.getByRole('button', { name: 'Every policy' }).click();
  await page.getByRole('button', { name: 'Compare two side by side' }).click();
  const view = page.getByTestId('compare');
  await expect(view).toBeVisible();
  await view.getByLabel("B's policy").selectOption('P0');
  await view.getByRole('checkbox', { name: 'skip-sync' }).check();
  await expect(page.getByTestId('compare-canvas-b').locator('figcaption')).toContainText('B · P0+skip-sync');
  await view.getByRole('button', { name: 'Copy link to this comparison' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/#g=seed-attack[^&]*&.*&vs=P0\+skip-sync$/);
});

test('a link with &vs=P1 opens the Compare view with B = P1; a bad one says what is wrong', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/#g=seed-attack&vs=P1');
  await expect(page.getByTestId('compare-canvas-b').locator('figcaption')).toContainText('B · P1');
  await expect(page.getByTestId('compare-divergence-t')).toHaveText(`t=${divergence}`, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Close Compare (Esc)' }).click();
  await expect(page.getByTestId('compare')).toHaveCount(0);
  await page.goto('/#g=seed-attack&vs=P9');
  await expect(page.getByText('"vs=P9" cannot be read')).toBeVisible();
});

test('while Compare or the every-policy table is open, the keys act on it and not on the workbench behind', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByTestId('compare');
  await expect(view).toBeVisible();
  const compareT = async () => Number(/t=(\d+)/.exec((await page.getByTestId('compare-t').textContent()) ?? '')?.[1] ?? NaN);

  // The arrows step the compare playhead; End and Home go to the ends of its run.
  await page.keyboard.press('ArrowRight');
  await expect.poll(compareT).toBe(1);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(compareT).toBe(2);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(compareT).toBe(1);
  await page.keyboard.press('End');
  await expect.poll(compareT).toBe(defaultHorizon(seed));
  await page.keyboard.press('Home');
  await expect.poll(compareT).toBe(0);
  // Space plays the two runs and pauses them.
  await page.keyboard.press('Space');
  await expect(view.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(compareT).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(view.getByRole('button', { name: 'Play' })).toBeVisible();
  // Keys the view has no use for do nothing: not the shortcut list, not undo.
  await page.keyboard.press('Shift+?');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  // Behind it, the workbench never moved.
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  expect(await tick(page)).toBe(0);
  await expect(page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Play' })).toBeVisible();

  // The table too: the playhead keys do nothing behind it; Escape closes it.
  await page.getByRole('button', { name: 'Every policy' }).click();
  const table = page.getByRole('dialog', { name: 'Every policy' });
  await expect(table).toBeVisible();
  await expectPlayheadKeysInert(page);
  await page.keyboard.press('Escape');
  await expect(table).toHaveCount(0);

  // With nothing over it, the same key moves the workbench.
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => tick(page)).toBe(1);
});
