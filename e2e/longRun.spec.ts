// A run of 10^9 ticks (the seed's attack, whose read loops forever, with a caption at t = 10^9),
// opened from the autosave: the canvas and the first frame come at once, the run is computed in
// the background with its progress shown, the playhead answers meanwhile, and the engine is never
// restarted (the page used to replace it every 15 s, forever).

import { test, expect, openDocument, tick } from './fixtures';
import { galleryEntry } from '../src/scenario/gallery';

test('a run of 10^9 ticks shows its first frame at once and is computed in the background', async ({ page }) => {
  const doc = structuredClone(galleryEntry('seed-attack')!.doc) as unknown as { captions: { at: number; text: string }[] };
  doc.captions = [...doc.captions, { at: 1_000_000_000, text: 'Much later.' }];
  const start = Date.now();
  await openDocument(page, doc);
  await expect(page.getByTestId('node-smmu')).toBeVisible({ timeout: 5000 });
  await expect(page.getByTestId('tick')).toHaveText('t = 0 / 1000000400', { timeout: 5000 });
  const firstFrameMs = Date.now() - start;
  const computing = page.getByTestId('computing');
  await expect(computing).toContainText('computing the run… t = ');
  await expect(computing).toContainText('of 1,000,000,400');
  const progress = async () => Number(/t = ([\d,]+)/.exec((await computing.textContent()) ?? '')![1].replace(/,/g, ''));
  const first = await progress();
  await expect.poll(progress).toBeGreaterThan(first);
  await expect(page.getByTestId('verdicts')).toHaveAttribute('data-provisional', 'true');
  // The playhead answers while the run is computed.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /step one tick/i }).click();
  await expect.poll(() => tick(page), { timeout: 2000 }).toBe(1);
  // Past the page's old 15 s allowance for a load: no restart, and the computation goes on.
  await page.waitForTimeout(Math.max(0, 16_000 - (Date.now() - start)));
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(await progress()).toBeGreaterThan(first);
  test.info().annotations.push({ type: 'first frame', description: `${firstFrameMs} ms` });
});

test('going to t = 10^9 in such a run waits for the computation, without freezing or restarting the engine', async ({ page }) => {
  const doc = structuredClone(galleryEntry('seed-attack')!.doc) as unknown as { captions: { at: number; text: string }[] };
  doc.captions = [...doc.captions, { at: 1_000_000_000, text: 'Much later.' }];
  await openDocument(page, doc);
  await expect(page.getByTestId('tick')).toHaveText('t = 0 / 1000000400', { timeout: 5000 });
  const input = page.getByLabel('Go to tick');
  await input.fill('1000000000');
  await input.press('Enter');
  // Answered: the playhead stays where it is and the readout says where it is going.
  await expect(page.getByTestId('computing')).toContainText('going to t = 1,000,000,000');
  expect(await tick(page)).toBe(0);
  // It still steps meanwhile.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /step one tick/i }).click();
  await expect.poll(() => tick(page)).toBe(1);
  // Past the 2 s the engine was given before it was replaced: nothing restarted.
  await page.waitForTimeout(3000);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
