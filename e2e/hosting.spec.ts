// Hosting: the preview server sends the headers docs/deploy.md asks of every host, and the page
// says it must be served when it is opened from a file instead.

import { test as plain } from '@playwright/test';
import { test, expect } from './fixtures';

test('the page and its assets carry the hosting headers', async ({ page, request }) => {
  const index = await request.get('/');
  expect(index.ok()).toBe(true);
  const html = await index.text();
  const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  expect(script).toMatch(/^\/assets\/index-[\w-]+\.js$/);

  // The header is the page's <meta> policy plus frame-ancestors, which a <meta> cannot carry.
  await page.goto('/');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  // The picture export loads the scene's SVG from a blob: URL to draw its PNG; nothing else.
  expect(meta).toContain("img-src 'self' blob:;");
  expect(meta).not.toContain('frame-ancestors');
  const csp = `${meta}; frame-ancestors 'self'`;
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');

  const asset = await request.get(script!);
  expect(asset.ok()).toBe(true);
  for (const response of [index, asset]) {
    const headers = response.headers();
    expect(headers['content-security-policy']).toBe(csp);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  }
  expect(index.headers()['cache-control']).toBe('no-cache');
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-type']).toMatch(/^text\/javascript\b/);
});

// Without the console-error fixture: from a file, the app's own files fail to load by design.
plain('opened from a file, the page says it must be served', async ({ page }) => {
  await page.goto(new URL('../dist/index.html', import.meta.url).href);
  const notice = page.getByRole('heading', { name: 'DMA Handoff must be served over HTTP' });
  await expect(notice).toBeVisible();
  await expect(page.getByText('npm run preview')).toBeVisible();
  await expect(page.getByText('docs/deploy.md')).toBeVisible();
});

test('served, the page never shows that notice', async ({ page }) => {
  // Holding the app's script back shows the page as it is before the app mounts.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  const notice = page.getByRole('heading', { name: 'DMA Handoff must be served over HTTP', includeHidden: true });
  await expect(notice).toBeAttached();
  // A frame is painted only once the page's stylesheets (which block rendering) have loaded, so
  // the first frame the page can show already hides the notice.
  await page.screenshot();
  expect(await notice.isVisible()).toBe(false);
  release();
  await expect(page.getByLabel('Gallery')).toBeVisible();
  await expect(notice).not.toBeAttached();
});
