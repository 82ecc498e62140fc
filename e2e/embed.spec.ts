// The embed: a read-only player inside a design document's iframe, driven over postMessage. The
// host page is docs/embed-example.html, served from the app's origin (frame-ancestors 'self').

import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const HOST = readFileSync(new URL('../docs/embed-example.html', import.meta.url), 'utf8');

/** Serves the example host page at /review.html, its player pointing at `src` on this server. */
async function openHost(page: Page, src: string): Promise<void> {
  await page.route('**/review.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: HOST.replace(/src="http:\/\/localhost:4317\/[^"]*"/, `src="${src}"`),
    }),
  );
  await page.goto('/review.html');
}

test('the player works inside a host page, answers seek, and tells its ticks and violations', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  // What the user was building stays as it was: the embed neither reads nor writes it.
  const saved = await page.evaluate(() => Object.entries(localStorage).sort());
  await openHost(page, '/?embed=1#g=seed-attack');
  const player = page.frameLocator('#player');
  await expect(player.getByTestId('embed')).toBeVisible();
  await expect(player.getByTestId('node-smmu')).toBeVisible();
  // No editing chrome; a way out to the full app with the same link.
  await expect(player.getByRole('tab', { name: 'Edit' })).toHaveCount(0);
  await expect(player.getByLabel('Share')).toHaveCount(0);
  await expect(player.getByRole('button', { name: 'Arrange in columns' })).toHaveCount(0);
  await expect(player.getByTestId('embed-open')).toHaveAttribute('href', /\/#g=seed-attack$/);
  await expect(page.locator('#log')).toContainText('"type":"ready"');

  await page.getByRole('button', { name: 'The leak (t=77)' }).click();
  await expect(player.getByTestId('tick')).toContainText('t = 77');
  await expect(page.locator('#log')).toContainText('"type":"tick","t":77');
  await expect(page.locator('#log')).toContainText('"type":"violation","invariant":"dma-provenance","number":"I1b","t":77');
  await expect(player.getByTestId('story-caption-text')).toContainText("A's descriptor reads P's secret");
  await page.screenshot({ path: 'test-results/artifacts/embed.png' });

  // A message the player cannot read is answered with what is wrong.
  await page.evaluate(() =>
    (document.getElementById('player') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'seek', t: -3 }, '*'),
  );
  await expect(page.locator('#log')).toContainText('seek needs \\"t\\", a whole tick');

  // load opens another link.
  await page.evaluate(() =>
    (document.getElementById('player') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'load', link: '#g=quarantine' }, '*'),
  );
  await expect(player.locator('.em-title')).toHaveText(/^Quarantine/);

  expect(await page.evaluate(() => Object.entries(localStorage).sort())).toEqual(saved);
});

test('controls=0 leaves the canvas and the caption; autoplay plays; t= opens there', async ({ page }) => {
  await openHost(page, '/?embed=1#g=seed-attack&t=40&controls=0');
  const player = page.frameLocator('#player');
  await expect(player.getByTestId('node-smmu')).toBeVisible();
  await expect(player.locator('.em-bar')).toHaveCount(0);
  await expect(player.getByTestId('timeline')).toHaveCount(0);
  await expect(player.getByTestId('story-caption-count')).toContainText('caption 2/');
  await expect(player.getByTestId('embed-open')).toHaveAttribute('href', /\/#g=seed-attack&t=40$/);

  await page.goto('/?embed=1#g=seed-attack&autoplay');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
});

test('Share copies the embed code for the open scenario at the playhead', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#g=seed-attack&t=60');
  await expect(page.getByTestId('node-smmu')).toBeVisible();
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: 'Copy embed code' }).click();
  await expect(page.getByTestId('notice')).toContainText('Embed code copied');
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toMatch(/^<iframe src="http:\/\/localhost:\d+\/\?embed=1#g=seed-attack@1&amp;t=60" title="DMA Handoff: The seed's attack"/);
});
