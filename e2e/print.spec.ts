// Printing the workbench gives the canvas and the verdicts, not the toolbar: with print media the
// toolbar, side panel, timeline and log are gone, the title and playhead head the page, the canvas
// keeps the user's framing scaled to the page, and the verdicts are a table.

import { test, expect, openGallery, seek } from './fixtures';

test('printing gives the title, the canvas and the verdicts, not the toolbar', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await seek(page, 80);
  await expect(page.getByTestId('print-sheet')).toBeHidden();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.pn-toolbar')).toBeHidden();
  await expect(page.locator('.wb-side')).toBeHidden();
  await expect(page.locator('.wb-bottom')).toBeHidden();
  await expect(page.getByTestId('print-sheet').getByRole('heading', { name: "The seed's attack" })).toBeVisible();
  await expect(page.getByTestId('print-sheet')).toContainText('Policy P0');
  await expect(page.getByTestId('print-sheet')).toContainText('shown at t = 80');
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  const row = page.locator('.pr-verdicts tr', { hasText: 'I1b' });
  await expect(row).toContainText('violated');
  await expect(row).toContainText('t=77');
  await expect(page.locator('.pr-verdicts tr', { hasText: 'transfer' })).toContainText('done t=52');
  // The canvas fits the page's printable width (A4 landscape less margins: about 1,032 px).
  const canvas = await page.locator('.wb-main').boundingBox();
  expect(canvas!.width).toBeLessThanOrEqual(1032);
  expect(canvas!.height).toBeGreaterThan(200);
  await page.screenshot({ path: test.info().outputPath('print.png'), fullPage: true });
});
