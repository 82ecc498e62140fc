// Exporting a picture of the canvas: a PNG or SVG of the playhead's moment that carries the scenario,
// so dropping it back on the app opens that moment.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, openGallery, seek, tick } from './fixtures';

/** Exports a picture through Share › Export picture… and returns its file name and bytes. */
async function exportPicture(page: Page, format: 'PNG' | 'SVG', scale: '1×' | '2×' = '1×', light = false) {
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: 'Export picture…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export picture' });
  await dialog.getByLabel(format, { exact: true }).check();
  await dialog.getByLabel(scale, { exact: true }).check();
  if (light) await dialog.getByLabel('Light (for documents)').check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const d = await download;
  await expect(dialog).toBeHidden();
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

/** Drops a file on the canvas, as a user dragging it from their desktop does. */
async function dropFile(page: Page, name: string, type: string, bytes: Buffer) {
  await page.evaluate(
    ({ name, type, b64 }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      const canvas = document.querySelector('[data-testid="canvas"]')!;
      canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, type, b64: bytes.toString('base64') },
  );
}

test('a PNG of a moment opens that moment when it is dropped back on the app', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await seek(page, 80);
  const png = await exportPicture(page, 'PNG');
  expect(png.name).toBe('the-seed-s-attack-t80.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.bytes.toString('latin1')).toContain('iTXtdma-handoff');

  // Somewhere else entirely: another scenario at its start.
  await openGallery(page, 'quarantine');
  await expect(page.getByTestId('story-title')).not.toContainText('seed');
  expect(await tick(page)).toBe(0);
  await dropFile(page, png.name, 'image/png', png.bytes);
  await expect(page.getByTestId('story-title')).toContainText("The seed's attack");
  await expect.poll(() => tick(page)).toBe(80);

  // A picture that carries no scenario is refused with a message, and nothing changes.
  const plain = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64');
  await dropFile(page, 'holiday.png', 'image/png', plain);
  await expect(page.getByTestId('notice')).toContainText('holiday.png: this image does not carry a DMA Handoff scenario');
  expect(await tick(page)).toBe(80);
});

test('an SVG export is well-formed XML carrying the moment in its metadata, and opens it', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await seek(page, 120);
  const svg = await exportPicture(page, 'SVG', '2×', true);
  expect(svg.name).toBe('the-seed-s-attack-t120@2x.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      meta: doc.querySelector('metadata')?.textContent ?? null,
      caption: doc.querySelector('[data-caption]')?.textContent ?? '',
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.meta).toMatch(/^g=seed-attack@\d+&t=120$/);
  expect(parsed.caption).toContain("The seed's attack — tick 120");
  expect(parsed.caption).toMatch(/I\d+b? at tick \d+/);

  await openGallery(page, 'quarantine');
  await dropFile(page, svg.name, 'image/svg+xml', svg.bytes);
  await expect(page.getByTestId('story-title')).toContainText("The seed's attack");
  await expect.poll(() => tick(page)).toBe(120);
});

test('the same moment exports the same PNG twice, light and at 2×', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  await seek(page, 100);
  const a = await exportPicture(page, 'PNG', '2×', true);
  const b = await exportPicture(page, 'PNG', '2×', true);
  expect(a.name).toBe('the-seed-s-attack-t100@2x.png');
  expect(a.bytes.equals(b.bytes)).toBe(true);
  // 2×: the IHDR's width is twice the 1× export's.
  const one = await exportPicture(page, 'PNG', '1×', true);
  expect(a.bytes.readUInt32BE(16)).toBe(2 * one.bytes.readUInt32BE(16));
});

test('a GIF of a range is the same file every time, and can be cancelled', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const gif = async () => {
    await page.getByLabel('Share').click();
    await page.getByRole('menuitem', { name: 'Export picture…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export picture' });
    await dialog.getByLabel('GIF (animation)').check();
    await dialog.getByLabel('From').fill('40');
    await dialog.getByLabel('To').fill('100');
    await dialog.getByLabel('Every').fill('10');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('the-seed-s-attack-t40-100.gif');
    return readFile((await d.path())!);
  };
  const a = await gif();
  const b = await gif();
  expect(a.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  const sha = (x: Buffer) => createHash('sha256').update(x).digest('hex');
  expect(sha(a)).toBe(sha(b));
  // Seven frames (40, 50, …, 100): seven image descriptors after their graphic control blocks.
  expect(a.toString('latin1').split('\x21\xf9\x04').length - 1).toBe(7);

  // A bad range is refused with the reason; a long one can be cancelled.
  await page.getByLabel('Share').click();
  await page.getByRole('menuitem', { name: 'Export picture…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export picture' });
  await dialog.getByLabel('GIF (animation)').check();
  await dialog.getByLabel('To').fill('0');
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('"To" must come after "From".');
  await dialog.getByLabel('To').fill('400');
  await dialog.getByLabel('Every').fill('1');
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(dialog.getByLabel('Export progress')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('button', { name: 'Download' })).toBeEnabled();
  await expect(dialog.getByLabel('Export progress')).toBeHidden();
});

test('a WebM of a range is the same file every time, or the dialog says the browser cannot make one', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const webm = async () => {
    await page.getByLabel('Share').click();
    await page.getByRole('menuitem', { name: 'Export picture…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export picture' });
    await dialog.getByLabel('WebM (video)').check();
    await dialog.getByLabel('From').fill('40');
    await dialog.getByLabel('To').fill('100');
    await dialog.getByLabel('Every').fill('10');
    await dialog.getByRole('button', { name: 'Download' }).click();
    return dialog;
  };
  const supported = await page.evaluate(
    async () =>
      typeof VideoEncoder !== 'undefined' &&
      ((await VideoEncoder.isConfigSupported({ codec: 'vp09.00.31.08', width: 1280, height: 720, bitrate: 2_000_000 })).supported ?? false),
  );
  if (!supported) {
    const dialog = await webm();
    await expect(dialog.getByRole('alert')).toContainText('This browser has no WebM (VP9) encoder: export a GIF instead.');
    return;
  }
  const one = async () => {
    const download = page.waitForEvent('download');
    await webm();
    const d = await download;
    expect(d.suggestedFilename()).toBe('the-seed-s-attack-t40-100.webm');
    return readFile((await d.path())!);
  };
  const a = await one();
  const b = await one();
  expect([...a.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  const sha = (x: Buffer) => createHash('sha256').update(x).digest('hex');
  expect(sha(a)).toBe(sha(b));
});

test('an animation starts as the span of the caption at the playhead, and the range can be changed', async ({ page }) => {
  await openGallery(page, 'seed-attack');
  const open = async () => {
    await page.getByLabel('Share').click();
    await page.getByRole('menuitem', { name: 'Export picture…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export picture' });
    await dialog.getByLabel('GIF (animation)').check();
    return dialog;
  };
  // At t=60 the caption is the one at 49, and the next is at 77.
  await seek(page, 60);
  let dialog = await open();
  await expect(dialog.getByLabel('From')).toHaveValue('49');
  await expect(dialog.getByLabel('To')).toHaveValue('77');
  await expect(dialog.getByTestId('export-span')).toContainText("Ticks 49–77, the caption at the playhead: “P's stage-2 is live");
  await dialog.getByLabel('To').fill('70');
  await expect(dialog.getByTestId('export-span')).toContainText('Ticks 49–77, the caption at the playhead (exporting 49–70): “P');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('the-seed-s-attack-t49-70.gif');

  // After the last caption, the span runs to the end of the run.
  await seek(page, 150);
  dialog = await open();
  await expect(dialog.getByLabel('From')).toHaveValue('100');
  await expect(dialog.getByLabel('To')).toHaveValue('600');
});
