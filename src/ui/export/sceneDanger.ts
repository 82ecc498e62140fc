// The violation an exported picture draws, as the canvas holds the one the playhead passed: which
// one, what let it through, and its path, ringed page and reason.

import type { ViolationPath } from '../../sim';
import { PAGE_CELL } from '../nodes/pageGrid';
import { xmlEscape as esc } from './svgMeta';
import { pageCell, THEMES, type Box, type SceneInput, type Theme } from './sceneModel';
import { cut, wrap } from './sceneText';

/** The violation the picture draws, as the canvas holds the one the playhead passed: the latest with a path, or else the latest. */
export interface Danger {
  number: string;
  t: number;
  /** The device whose transaction (or whose hand-over) broke the invariant. */
  device: string | null;
  path: ViolationPath | null;
  /** What the label says after the invariant and tick: the path's reason, or the violation's message. */
  reason: string;
}

export function dangerOf(violations: SceneInput['violations']): Danger | null {
  let pick = -1;
  for (let i = violations.length - 1; i >= 0 && pick < 0; i--) if (violations[i].path) pick = i;
  if (pick < 0) pick = violations.length - 1;
  if (pick < 0) return null;
  const v = violations[pick];
  const path = v.path ?? null;
  return { number: v.number, t: v.t, device: path?.device ?? v.device ?? null, path, reason: path?.summary ?? v.message };
}

/** What let the violation's transaction through, as the SMMU's first row says it (short: the row is narrow). */
export function letThrough(p: ViolationPath): string {
  const to = p.pa === null ? '' : ` → ${p.pa}`;
  switch (p.via) {
    case 'tlb':
      return `⚠ via ${p.staleEntry ? 'stale ' : ''}TLB VMID ${p.vmid}${to}`;
    case 'walk':
      return `⚠ via walk of ${p.table ?? 'freed table'}${to}`;
    case 'atc':
      return `⚠ via the device's ATC${to}`;
    case 'bypass':
      return `⚠ bypassed${to}`;
  }
}

/**
 * The violation as the canvas draws it: dashed from the device into the SMMU and, for a path, out
 * to the page, the page ringed; the invariant, its tick and reason in a label under the page's
 * region (or under the device when there is no page).
 */
export function dangerPath(input: SceneInput, d: Danger, boxes: Map<string, Box>, c: (typeof THEMES)[Theme]): string[] {
  const dev = d.device === null ? undefined : input.view.devices.find((x) => x.id === d.device || x.name === d.device);
  const from = dev && boxes.get(dev.id);
  const smmu = boxes.get('smmu');
  if (smmu === undefined) return [];
  const midY = smmu.y + Math.min(smmu.h / 2, 60);
  const pts = from === undefined ? [] : [{ x: from.x + from.w, y: from.y + from.h / 2 }];
  pts.push({ x: smmu.x, y: midY });
  const page = d.path !== null && d.path.pageIndex >= 0 ? pageCell(input, boxes, d.path.pageIndex) : null;
  if (d.path !== null && d.path.via !== 'atc') pts.push({ x: smmu.x + smmu.w, y: midY });
  if (page !== null) pts.push({ x: page.x, y: page.y });
  const out = [`<g data-danger="${esc(d.number)}">`];
  if (pts.length > 1)
    out.push(
      `<path d="M${pts.map((p) => `${p.x} ${p.y}`).join(' L')}" fill="none" stroke="${c.danger}" stroke-width="3" stroke-dasharray="8 5" stroke-linejoin="round"/>`,
    );
  if (page !== null) {
    const r = PAGE_CELL / 2 + 4;
    out.push(
      `<rect x="${page.x - r}" y="${page.y - r}" width="${2 * r}" height="${2 * r}" rx="4" fill="none" stroke="${c.danger}" stroke-width="2.5"/>`,
    );
  }
  const anchor = page?.region ?? from ?? smmu;
  // Under a region the label may reach left, under the SMMU's bottom; under a device it keeps to the
  // device's width, clear of the SMMU beside it.
  const text = `⚠ ${d.number} at tick ${d.t} · ${d.reason}`;
  const w = page !== null ? Math.min(Math.max(anchor.w, text.length * 7 + 16), 420) : anchor.w;
  const lines = wrap(text, Math.floor((w - 16) / 7), 4);
  const x = page !== null ? anchor.x + anchor.w - w : anchor.x;
  const y = anchor.y + anchor.h + 8;
  out.push(
    `<rect x="${x}" y="${y}" width="${w}" height="${10 + lines.length * 17}" rx="4" fill="${c.node}" stroke="${c.danger}" stroke-width="1.5"/>`,
  );
  lines.forEach((l, i) =>
    out.push(
      `<text x="${x + 8}" y="${y + 18 + i * 17}" font-size="13" font-weight="600" fill="${c.danger}">${esc(cut(l, Math.floor((w - 16) / 7)))}</text>`,
    ),
  );
  out.push('</g>');
  return out;
}
