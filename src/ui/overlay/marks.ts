// The overlay's marks, one function each: a particle (filled for a write, a ring for a read), a
// transaction landed on its page, and one blocked at the SMMU. The overlay's frames draw them
// (draw.ts, which sizes them by the zoom), and so does the canvas legend, at a size of its own, so
// the legend shows the shapes and colours the overlay draws.

import { FAULT_COLOUR } from '../theme';
import type { Ctx2D } from './draw';

/** One transaction in flight at screen point (sx, sy). */
export function drawParticle(ctx: Ctx2D, sx: number, sy: number, radius: number, colour: string, write: boolean): void {
  ctx.beginPath();
  ctx.arc(sx, sy, radius, 0, Math.PI * 2);
  if (write) {
    ctx.fillStyle = colour;
    ctx.fill();
  } else {
    ctx.lineWidth = 2;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
}

/** A transaction landed on the page at (sx, sy): a square `size` pixels wide, filled for a write. */
export function drawLanded(ctx: Ctx2D, sx: number, sy: number, size: number, colour: string, write: boolean): void {
  if (write) {
    ctx.fillStyle = colour;
    ctx.fillRect(sx - size / 2, sy - size / 2, size, size);
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1;
    ctx.strokeRect(sx - size / 2, sy - size / 2, size, size);
  } else {
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2.5;
    ctx.strokeRect(sx - size / 2, sy - size / 2, size, size);
  }
}

/** A transaction the SMMU blocked, at (sx, sy): a cross in the fault colour over its ring. */
export function drawBlocked(ctx: Ctx2D, sx: number, sy: number, radius: number, colour: string): void {
  ctx.strokeStyle = FAULT_COLOUR;
  ctx.lineWidth = 2.5;
  const r = radius + 1;
  ctx.beginPath();
  ctx.moveTo(sx - r, sy - r);
  ctx.lineTo(sx + r, sy + r);
  ctx.moveTo(sx + r, sy - r);
  ctx.lineTo(sx - r, sy + r);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(sx, sy, radius, 0, Math.PI * 2);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}
