// The run's report from the app (Share › Export picture… › Report): the same document the CLI's
// `report` writes for the same scenario, with the picture of the first violation inside the HTML or
// saved beside the Markdown as a PNG.

import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, openGallery } from './fixtures';
import { galleryScenario } from '../src/testing/scenarios';
import { defaultHorizon } from '../src/scenario/horizon';
import { writtenReport } from '../src/cli/commands';

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const ALT = "The seed's attack at t=49, its first violation";

/** Asks for a report in `format` and returns every file the browser downloads for it. */
async function exportReport(page: Page, format: 'Report (HTML)' | 'Report (Markdown + PNG)', files: number) {
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: 'Export picture…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export picture' });
  await dialog.getByLabel(format).check();
  const downloads: { name: string; bytes: Buffer }[] = [];
  const done = new Promise<void>((resolve) => {
    page.on('download', (d) => {
      void d.path().then(async (p) => {
        downloads.push({ name: d.suggestedFilename(), bytes: await readFile(p) });
        if (downloads.length === files) resolve();
      });
    });
  });
  await dialog.getByRole('button', { name: 'Download' }).click();
  await done;
  await expect(dialog).toBeHidden();
  return downloads.sort((a, b) => a.name.localeCompare(b.name));
}

/** What the CLI's `report` writes for the seed's attack, with the app's address and the picture at `src`. */
function cliReport(base: string, format: 'md' | 'html', src: string): string {
  const s = galleryScenario('seed-attack');
  return writtenReport(s, defaultHorizon(s), format, { base, galleryId: 'seed-attack', image: { src, alt: ALT } });
}

test('the HTML report has every section, the CLI report’s text, and the first violation’s picture inside it', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const base = new URL('/', page.url()).href;
  const [html] = await exportReport(page, 'Report (HTML)', 1);
  expect(html.name).toBe('the-seed-s-attack-report.html');
  const text = html.bytes.toString('utf8');

  // The picture is a PNG carried in the page itself.
  const img = /<img src="data:image\/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">/.exec(text);
  expect(img, 'an inline PNG').not.toBeNull();
  expect([...Buffer.from(img![1], 'base64').subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(img![2]).toBe(ALT);

  // The sections a reviewer reads, read as the browser shows them.
  // (On a blank page: the app's own page admits no data: images, a file opened from disk does.)
  await page.goto('about:blank');
  await page.setContent(text);
  expect(await page.locator('img').evaluate((i: HTMLImageElement) => i.decode().then(() => i.naturalWidth))).toBeGreaterThan(400);
  const body = await page.locator('body').innerText();
  expect(await page.locator('h2').allInnerTexts()).toEqual(['Verdicts', 'Liveness', 'Violations', 'Timeline']);
  expect(body).toContain('Policy:');
  expect(body).toMatch(/Verdict: violates I\d/);
  const rows = await page.locator('table').first().locator('tr').allInnerTexts();
  expect(rows.find((r) => r.startsWith('I1b'))).toMatch(/^I1b\s+violated\s+t=77\s+107/);
  expect(rows.find((r) => /^I1\s/.test(r))).toMatch(/^I1\s+holds/);
  expect(await page.locator('table').nth(1).innerText()).toMatch(/transfer\s+X\s+P\s+t=40\s+done t=52/);
  const violations = page.locator('h2:text("Violations") + ul > li');
  await expect(violations).toHaveCount(3);
  await expect(violations.nth(2)).toContainText(/I1b at t=77 \(device X, page 0x90000000\), 107 times: .+ — open this moment/);
  expect(await violations.nth(2).locator('a').getAttribute('href')).toMatch(/#g=seed-attack@\d+&model=\d+&trace=[0-9a-f]+&t=77&sel=v2$/);
  expect(body).toContain('t=40 transfer X → P — done t=52');
  expect(body).toContain('t=43 sync');

  // Everything but the picture is what the CLI writes.
  const placeholder = 'moment.png';
  expect(text.replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/, placeholder)).toBe(cliReport(base, 'html', placeholder));
});

test('the Markdown report is the CLI report’s text and refers to the PNG saved beside it', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const base = new URL('/', page.url()).href;
  const [md, png] = await exportReport(page, 'Report (Markdown + PNG)', 2);
  expect(md.name).toBe('the-seed-s-attack-report.md');
  expect(png.name).toBe('the-seed-s-attack-t49.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);

  const text = md.bytes.toString('utf8');
  expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual([
    "# The seed's attack",
    '## Verdicts',
    '## Liveness',
    '## Violations',
    '## Timeline',
  ]);
  expect(text).toContain(`![${ALT}](the-seed-s-attack-t49.png)`);
  expect(text).toMatch(/- \*\*Policy:\*\* /);
  expect(text).toContain('| I1b | **violated** | t=77 | 107 |');
  expect(text).toContain('| transfer | X | P | t=40 | done t=52');
  expect(text).toMatch(
    /- \*\*I1b\*\* at t=77 \(device X, page 0x90000000\), 107 times: .+ — \[open this moment\]\(http:\/\/localhost:\d+\/#g=seed-attack@\d+&model=\d+&trace=[0-9a-f]+&t=77&sel=v2\)/,
  );
  expect(text).toContain('- t=40 **transfer X → P** — done t=52');
  expect(text).toContain('  - t=43 sync');
  expect(text).toBe(cliReport(base, 'md', 'the-seed-s-attack-t49.png'));
});
