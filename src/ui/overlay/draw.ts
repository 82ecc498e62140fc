// Drawing one overlay frame: every in-flight transaction on its leg (device → SMMU, SMMU → page),
// coloured by who programmed it — filled for a write, a ring for a read; blocked ones stopped at the
// SMMU with their fault; landed ones flashing their page; a page a leaking transaction reached
// framed in the danger colour with a "!" (held by the painter, leaks.ts). Pure canvas calls, no React.

import { FAULT, faultName, FLAG, hasFlag, inPhase, TX } from '../../worker/frameFormat';
import { DANGER_COLOUR, endpointColour, FAULT_COLOUR } from '../theme';
import type { Geometry } from './geometry';
import { drawBlocked, drawLanded, drawParticle } from './marks';

/** A 2D context on the page or in a worker: drawing uses only what both have. */
export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface DrawInput {
  /** In-flight and recently ended transactions, packed (worker/frameFormat.ts). */
  inflight: Float64Array;
  ended: Float64Array;
  /** The playhead, in ticks, between two engine frames while playing. */
  clock: number;
  geometry: Geometry;
  /** React Flow's viewport: flow → screen is `p * zoom + (x, y)`. */
  transform: readonly [number, number, number];
  reducedMotion: boolean;
  selectedTxn: number;
  /** Pages a leaking transaction reached lately (global page indices), marked whatever the frame holds. */
  leakPages: readonly number[];
}

export interface DrawStats {
  drawn: number;
  blockedLabels: string[];
  landed: number;
  /** Pages marked as reached by a leak. */
  leaks: number;
  /** A particle's radius on screen (px). */
  radius: number;
}

/** A transaction with no page to go to (bypass outside memory, the scratch page) leaves the SMMU this far to the right (flow units). */
export const BYPASS_LEG = 60;
/** Fault labels: right-aligned this far left of the SMMU input, the first this far above it, one per line (screen pixels). */
export const LABEL_GAP = 18;
export const LABEL_FIRST = 26;
export const LABEL_LINE = 18;

/** How long (ticks) a landed transaction flashes its page and a blocked one stays at the SMMU. */
const FLASH_TICKS = 6;
const BLOCKED_TICKS = 20;

export function faultLabel(code: number): string {
  if (code === FAULT.unrecorded) return 'aborted, not recorded';
  return `${faultName(code) ?? 'fault'} 0x${code.toString(16).padStart(2, '0')}`;
}

export function drawFrame(ctx: Ctx2D, d: DrawInput): DrawStats {
  const [tx, ty, zoom] = d.transform;
  const g = d.geometry;
  const smmuIn = g.smmuIn;
  const smmuOut = g.smmuOut;
  if (smmuIn === null || smmuOut === null) return { drawn: 0, blockedLabels: [], landed: 0, leaks: 0, radius: 0 };
  const clamp = (f: number) => (f < 0 ? 0 : f > 1 ? 1 : f);
  // A page's place, or NaN when it has none (no page, or its region is not drawn).
  const pageX = (page: number) => (page >= 0 && 2 * page < g.pages.length ? g.pages[2 * page] : NaN);
  const pageY = (page: number) => (page >= 0 && 2 * page < g.pages.length ? g.pages[2 * page + 1] : NaN);
  // A particle stays large enough to follow: 14 px across from about the seed's fitted zoom up.
  const radius = Math.max(4, Math.min(9, 8 * zoom));
  let drawn = 0;

  // Pages reached by a leak: a thick danger frame and a "!" (shape and text, not colour alone).
  let leaks = 0;
  for (const page of d.leakPages) {
    const px = pageX(page);
    if (Number.isNaN(px)) continue;
    const sx = px * zoom + tx;
    const sy = pageY(page) * zoom + ty;
    const size = Math.max(18, 22 * zoom);
    ctx.strokeStyle = DANGER_COLOUR;
    ctx.lineWidth = 3;
    ctx.strokeRect(sx - size / 2, sy - size / 2, size, size);
    ctx.fillStyle = DANGER_COLOUR;
    ctx.font = '700 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('!', sx + size / 2 + 2, sy - size / 2 - 2);
    leaks++;
  }

  // One particle at flow point (x, y): filled for a write, a ring for a read; a leaking one has a
  // danger halo.
  const dot = (x: number, y: number, colour: string, write: boolean, id: number, leak = false) => {
    const sx = x * zoom + tx;
    const sy = y * zoom + ty;
    if (leak) {
      ctx.beginPath();
      ctx.arc(sx, sy, radius + 3, 0, Math.PI * 2);
      ctx.strokeStyle = DANGER_COLOUR;
      ctx.lineWidth = 2;
      ctx.stroke();
    }
    drawParticle(ctx, sx, sy, radius, colour, write);
    if (id === d.selectedTxn) {
      ctx.beginPath();
      ctx.arc(sx, sy, radius + 5, 0, Math.PI * 2);
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
    drawn++;
  };

  // In flight: device → SMMU input, held inside the SMMU while it translates, SMMU output → page.
  const a = d.inflight;
  for (let o = 0; o < a.length; o += TX.stride) {
    const dev = a[o + TX.device];
    const fx = 2 * dev < g.devices.length ? g.devices[2 * dev] : NaN;
    const fy = 2 * dev < g.devices.length ? g.devices[2 * dev + 1] : NaN;
    if (Number.isNaN(fx)) continue;
    const colour = endpointColour(a[o + TX.programmedBy]);
    const write = hasFlag(a, o, FLAG.write);
    let x: number;
    let y: number;
    if (inPhase(a, o, 'issued')) {
      const f = d.reducedMotion ? 0.5 : clamp((d.clock - a[o + TX.issuedAt]) / Math.max(1, a[o + TX.arriveAt] - a[o + TX.issuedAt]));
      x = fx + (smmuIn.x - fx) * f;
      y = fy + (smmuIn.y - fy) * f;
    } else {
      // No page (bypass outside memory, the scratch page): it leaves the SMMU to the right.
      let toX = pageX(a[o + TX.page]);
      let toY = pageY(a[o + TX.page]);
      if (Number.isNaN(toX)) {
        toX = smmuOut.x + BYPASS_LEG;
        toY = smmuOut.y;
      }
      const t0 = a[o + TX.translatedAt];
      if (d.clock < t0 && !d.reducedMotion) {
        const f = 0.5 * clamp((d.clock - a[o + TX.arriveAt]) / Math.max(1, t0 - a[o + TX.arriveAt]));
        x = smmuIn.x + (smmuOut.x - smmuIn.x) * f;
        y = smmuIn.y + (smmuOut.y - smmuIn.y) * f;
      } else {
        const f = d.reducedMotion ? 0.5 : clamp((d.clock - t0) / Math.max(1, a[o + TX.commitAt] - t0));
        x = smmuOut.x + (toX - smmuOut.x) * f;
        y = smmuOut.y + (toY - smmuOut.y) * f;
      }
    }
    dot(x, y, colour, write, a[o + TX.id], hasFlag(a, o, FLAG.leak));
  }

  // Ended: landed ones flash their page; blocked ones stay at the SMMU with their fault.
  const e = d.ended;
  const blocked = new Map<string, number>();
  let landed = 0;
  for (let o = 0; o < e.length; o += TX.stride) {
    const colour = endpointColour(e[o + TX.programmedBy]);
    const write = hasFlag(e, o, FLAG.write);
    if (inPhase(e, o, 'committed')) {
      const age = d.clock - e[o + TX.commitAt];
      if (age < 0 || age > FLASH_TICKS) continue;
      const px = pageX(e[o + TX.page]);
      if (Number.isNaN(px)) continue;
      const sx = px * zoom + tx;
      const sy = pageY(e[o + TX.page]) * zoom + ty;
      const k = d.reducedMotion ? 0 : age / FLASH_TICKS;
      const size = Math.max(14, (11 + 6 * k) * zoom);
      ctx.globalAlpha = 1 - 0.8 * k;
      drawLanded(ctx, sx, sy, size, colour, write);
      ctx.globalAlpha = 1;
      landed++;
    } else if (inPhase(e, o, 'aborted')) {
      const age = d.clock - e[o + TX.arriveAt];
      if (age < 0 || age > BLOCKED_TICKS) continue;
      const label = faultLabel(e[o + TX.fault]);
      blocked.set(label, (blocked.get(label) ?? 0) + 1);
      // Spread along the SMMU's edge by id (-4 … 4 steps), so blocked ones do not all overlap.
      const jitter = ((e[o + TX.id] * 7) % 9) - 4;
      const sx = (smmuIn.x - 10) * zoom + tx;
      const sy = (smmuIn.y + jitter * 3) * zoom + ty;
      ctx.globalAlpha = d.reducedMotion ? 1 : 1 - (0.6 * age) / BLOCKED_TICKS;
      drawBlocked(ctx, sx, sy, radius, colour);
      ctx.globalAlpha = 1;
    }
  }

  // Fault labels, stacked left of the SMMU input.
  const labels = [...blocked.entries()].map(([l, n]) => (n > 1 ? `${l} ×${n}` : l));
  if (labels.length > 0) {
    const sx = smmuIn.x * zoom + tx;
    const sy = smmuIn.y * zoom + ty;
    ctx.font = '600 12px ui-monospace, Menlo, monospace';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    labels.forEach((l, i) => {
      const y = sy - LABEL_FIRST - i * LABEL_LINE;
      const w = ctx.measureText(l).width;
      ctx.fillStyle = '#16191eee';
      ctx.fillRect(sx - LABEL_GAP - w - 6, y - 9, w + 12, 18);
      ctx.fillStyle = FAULT_COLOUR;
      ctx.fillText(l, sx - LABEL_GAP, y);
    });
  }
  return { drawn, blockedLabels: labels, landed, leaks, radius };
}
