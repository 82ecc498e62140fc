// Scenarios the app refuses to run, opened over edited work: a custom policy with a step that can
// never act is refused by validation with the step's field path, and a system too large for the
// browser is refused before it runs with the reason. Neither leaves another run on screen, and the
// work it was opened over is kept.

import { deflateSync, strToU8 } from 'fflate';
import { test, expect, openGallery } from './fixtures';
import { toBase64Url } from '../src/scenario/codec';
import { crc32 } from '../src/scenario/crc32';
import { galleryEntry } from '../src/scenario/gallery';

/** A `#s=2.` link to a document, written as the app writes one. */
function linkTo(doc: unknown): string {
  const data = deflateSync(strToU8(JSON.stringify(doc)), { level: 9 });
  const payload = new Uint8Array(data.length + 4);
  payload.set(data);
  new DataView(payload.buffer).setUint32(data.length, crc32(data));
  return `#s=2.${toBase64Url(payload)}`;
}

const seedAttack = () => structuredClone(galleryEntry('seed-attack')!.doc) as unknown as Record<string, unknown> & { memory: unknown[] };

test('a custom policy with a step that can never act is refused with its field path, and the work stays', async ({ page }) => {
  await openGallery(page, 'quarantine');
  const before = await page.getByTestId('trace-hash').textContent();
  await page.getByLabel('Policy').selectOption('P2');
  // The hash of the run under P2, once it has replaced the one before.
  await expect(page.getByTestId('trace-hash')).not.toHaveText(before!);
  const hash = await page.getByTestId('trace-hash').textContent();
  const doc = {
    ...seedAttack(),
    title: 'Never acts',
    // An unassign has no receiver, so the receiver's CPU stage-2 names nothing.
    policy: { id: 'custom', custom: { name: 'mine', steps: { unassign: [{ kind: 'cmd', cmd: 'TLBI_S12_VMALL', table: 'owner-cpu' }] } } },
  };
  await page.evaluate((h) => (location.hash = h), linkTo(doc));
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('policy.custom.steps.unassign[0].table');
  await expect(notice).toContainText('unassign has no receiver');
  await expect(notice).toContainText('Your current work is unchanged');
  await expect(page.getByLabel('Policy')).toHaveValue('P2');
  await expect(page.getByTestId('trace-hash')).toHaveText(hash!);
  await expect(page.getByLabel('Gallery')).not.toContainText('Never acts');
});

test('a system too large for the browser is refused before it runs, with the reason; no other run stays on screen', async ({ page }) => {
  await openGallery(page, 'quarantine');
  await page.getByLabel('Policy').selectOption('P2');
  await expect(page.getByTestId('trace-hash')).not.toBeEmpty();
  const doc = seedAttack();
  doc.title = 'Too large';
  // 40 regions of 4,096 pages: 163,840 pages, each with a mode for every endpoint.
  for (let i = 0; i < 40; i++)
    doc.memory.push({
      id: `big${i}`,
      owner: 'P',
      pa: '0x' + (0x100000000 + i * 4096 * 4096).toString(16),
      ipa: '0x' + (0x200000000 + i * 4096 * 4096).toString(16),
      pages: 4096,
    });
  await page.evaluate((h) => (location.hash = h), linkTo(doc));
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('This system is too large to run in the browser');
  await expect(notice).toContainText('the limit is 32 MB');
  // The document is the one opened, and nothing of the run before it is shown under its title.
  await expect(page.getByLabel('Gallery')).toContainText('Too large');
  await expect(page.getByTestId('trace-hash')).toHaveCount(0);
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  // Nothing is drawn: the canvas draws a run, and there is none. The work opened over is kept.
  await expect(page.getByTestId('node-smmu')).toHaveCount(0);
  await expect(page.getByLabel('My scenarios', { exact: true })).toHaveText('My scenarios (1)');
});
