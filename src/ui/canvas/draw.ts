// Drawing one overlay frame: every in-flight transaction on its leg (device → SMMU, SMMU → page),
// coloured by who programmed it — filled for a write, a ring for a read; blocked ones stopped at the
// SMMU with their fault; landed ones flashing their page. Pure canvas calls, no React.

import type { InternalNode, Transform } from '@xyflow/react';
import type { Scenario } from '../../sim/model/scenario';
import type { Frame } from '../../worker/protocol';
import { TX, type SimView } from '../../worker/view';
import { endpointColour, FAULT_COLOUR } from '../theme';
import type { Anchors, Point } from './anchors';

export interface DrawInput {
  frame: Frame;
  clock: number;
  scenario: Scenario;
  view: SimView;
  transform: Transform;
  lookup: Map<string, InternalNode>;
  anchors: Anchors;
  reducedMotion: boolean;
  selectedTxn: number;
}

/** How long (ticks) a landed transaction flashes its page and a blocked one stays at the SMMU. */
const FLASH_TICKS = 6;
const BLOCKED_TICKS = 20;

const FAULT_NAMES: Record<number, string> = { 2: 'C_BAD_STREAMID', 4: 'C_BAD_STE', 6: 'F_STREAM_DISABLED', 7: 'F_TRANSL_FORBIDDEN', 11: 'F_WALK_EABT', 16: 'F_TRANSLATION', 19: 'F_PERMISSION' };

export function faultLabel(code: number): string {
  if (code === -1) return 'aborted, not recorded';
  return `${FAULT_NAMES[code] ?? 'fault'} 0x${code.toString(16).padStart(2, '0')}`;
}

export function drawFrame(ctx: CanvasRenderingContext2D, d: DrawInput): { drawn: number; blockedLabels: string[]; landed: number } {
  const [tx, ty, zoom] = d.transform;
  const screen = (p: Point): Point => ({ x: p.x * zoom + tx, y: p.y * zoom + ty });
  const lerp = (a: Point, b: Point, f: number): Point => ({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f });
  const clamp = (f: number) => (f < 0 ? 0 : f > 1 ? 1 : f);
  const smmuIn = d.anchors.smmu(d.lookup, 'in');
  const smmuOut = d.anchors.smmu(d.lookup, 'out');
  if (smmuIn === null || smmuOut === null) return { drawn: 0, blockedLabels: [], landed: 0 };
  const deviceIds = d.scenario.devices.map((x) => x.id);
  const regionIds = regionIndex(d.view);
  const regionOf = (page: number): string | null => regionIds[page] ?? null;
  const pageAt = (page: number): Point | null => {
    const r = page >= 0 ? regionOf(page) : null;
    return r === null ? null : d.anchors.page(d.lookup, r, page, zoom);
  };
  const radius = Math.max(3, Math.min(6, 5 * zoom));
  let drawn = 0;

  const dot = (p: Point, colour: string, write: boolean, id: number) => {
    const s = screen(p);
    ctx.beginPath();
    ctx.arc(s.x, s.y, radius, 0, Math.PI * 2);
    if (write) {
      ctx.fillStyle = colour;
      ctx.fill();
    } else {
      ctx.lineWidth = 2;
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
    if (id === d.selectedTxn) {
      ctx.beginPath();
      ctx.arc(s.x, s.y, radius + 5, 0, Math.PI * 2);
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
    drawn++;
  };

  // In flight.
  const a = d.frame.inflight;
  for (let o = 0; o < a.length; o += TX.stride) {
    const dev = deviceIds[a[o + TX.device]];
    const from = dev === undefined ? null : d.anchors.deviceOut(d.lookup, dev);
    if (from === null) continue;
    const colour = endpointColour(a[o + TX.programmedBy]);
    const write = (a[o + TX.flags] & 1) !== 0;
    let p: Point;
    if (a[o + TX.phase] === 0) {
      const f = d.reducedMotion ? 0.5 : clamp((d.clock - a[o + TX.issuedAt]) / Math.max(1, a[o + TX.arriveAt] - a[o + TX.issuedAt]));
      p = lerp(from, smmuIn, f);
    } else {
      const to = pageAt(a[o + TX.page]) ?? { x: smmuOut.x + 60, y: smmuOut.y };
      const t0 = a[o + TX.translatedAt];
      if (d.clock < t0 && !d.reducedMotion) p = lerp(smmuIn, smmuOut, 0.5 * clamp((d.clock - a[o + TX.arriveAt]) / Math.max(1, t0 - a[o + TX.arriveAt])));
      else p = lerp(smmuOut, to, d.reducedMotion ? 0.5 : clamp((d.clock - t0) / Math.max(1, a[o + TX.commitAt] - t0)));
    }
    dot(p, colour, write, a[o + TX.id]);
  }

  // Ended: landed ones flash their page; blocked ones stay at the SMMU with their fault.
  const e = d.frame.ended;
  const blocked = new Map<string, number>();
  let landed = 0;
  for (let o = 0; o < e.length; o += TX.stride) {
    const colour = endpointColour(e[o + TX.programmedBy]);
    const write = (e[o + TX.flags] & 1) !== 0;
    if (e[o + TX.phase] === 2) {
      const age = d.clock - e[o + TX.commitAt];
      if (age < 0 || age > FLASH_TICKS) continue;
      const at = pageAt(e[o + TX.page]);
      if (at === null) continue;
      const s = screen(at);
      const k = d.reducedMotion ? 0 : age / FLASH_TICKS;
      const size = (11 + 6 * k) * zoom;
      ctx.globalAlpha = 1 - 0.8 * k;
      if (write) {
        ctx.fillStyle = colour;
        ctx.fillRect(s.x - size / 2, s.y - size / 2, size, size);
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 1;
        ctx.strokeRect(s.x - size / 2, s.y - size / 2, size, size);
      } else {
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2.5;
        ctx.strokeRect(s.x - size / 2, s.y - size / 2, size, size);
      }
      ctx.globalAlpha = 1;
      landed++;
    } else if (e[o + TX.phase] === 3) {
      const age = d.clock - e[o + TX.arriveAt];
      if (age < 0 || age > BLOCKED_TICKS) continue;
      const label = faultLabel(e[o + TX.fault]);
      blocked.set(label, (blocked.get(label) ?? 0) + 1);
      const jitter = ((e[o + TX.id] * 7) % 9) - 4;
      const s = screen({ x: smmuIn.x - 10, y: smmuIn.y + jitter * 3 });
      ctx.globalAlpha = d.reducedMotion ? 1 : 1 - (0.6 * age) / BLOCKED_TICKS;
      ctx.strokeStyle = FAULT_COLOUR;
      ctx.lineWidth = 2.5;
      const r = radius + 1;
      ctx.beginPath();
      ctx.moveTo(s.x - r, s.y - r);
      ctx.lineTo(s.x + r, s.y + r);
      ctx.moveTo(s.x + r, s.y - r);
      ctx.lineTo(s.x - r, s.y + r);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(s.x, s.y, radius, 0, Math.PI * 2);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.5;
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
  }

  // Fault labels, stacked left of the SMMU input.
  const labels = [...blocked.entries()].map(([l, n]) => (n > 1 ? `${l} ×${n}` : l));
  if (labels.length > 0) {
    const s = screen(smmuIn);
    ctx.font = '600 12px ui-monospace, Menlo, monospace';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    labels.forEach((l, i) => {
      const y = s.y - 26 - i * 18;
      const w = ctx.measureText(l).width;
      ctx.fillStyle = '#16191eee';
      ctx.fillRect(s.x - 18 - w - 6, y - 9, w + 12, 18);
      ctx.fillStyle = FAULT_COLOUR;
      ctx.fillText(l, s.x - 18, y);
    });
  }
  return { drawn, blockedLabels: labels, landed };
}

/** Page index → region id, built once per view (the view object is shared while nothing changes). */
const regionCache = new WeakMap<SimView['regions'], string[]>();
function regionIndex(v: SimView): string[] {
  let ids = regionCache.get(v.regions);
  if (ids === undefined) {
    ids = [];
    for (const r of v.regions) for (let i = 0; i < r.pages; i++) ids[r.firstPage + i] = r.id;
    regionCache.set(v.regions, ids);
  }
  return ids;
}
