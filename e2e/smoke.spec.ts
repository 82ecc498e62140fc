// The production build loads, lists the gallery and carries its Content-Security-Policy.

import { test, expect } from './fixtures';

test('the app loads with the gallery and a strict CSP', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('DMA Handoff', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Gallery').locator('option')).toHaveCount(16);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
});
