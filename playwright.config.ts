// Browser tests run against the production build (`vite preview`). Browsers: Debian's Chromium
// when present (these machines cannot download Playwright's own), chosen by CHROMIUM_PATH or by
// detection; elsewhere Playwright's own Chromium.

import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** The preview server's port; E2E_PORT lets several checkouts run their tests at once. */
const port = Number(process.env.E2E_PORT ?? 4317);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its output folder at start; the unit results written just before live next to it.
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 800 },
    headless: true,
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'browser', testIgnore: /\.perf\.spec\.ts$/ },
    { name: 'perf', testMatch: /\.perf\.spec\.ts$/ },
    { name: 'docs', testMatch: /\.shots\.ts$/ },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
