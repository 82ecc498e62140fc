// The part of the pane the overlay can draw on: every anchor (device ports, the SMMU, page cells)
// through the viewport, with room for what is drawn around them, clipped to the pane. The canvas
// covers only that: the painter's clearing and hand-over and the compositor's blending grow with
// the canvas's area (a canvas 45 % as wide as the pane took 0.4–0.8 s of CPU off 8 s of the stress
// scenario's play), and a system's nodes seldom fill the pane.

import { BYPASS_LEG, LABEL_FIRST, LABEL_GAP, LABEL_LINE } from './draw';
import type { Geometry } from './geometry';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const NO_BOX: Box = { x: 0, y: 0, w: 0, h: 0 };

/** Around any anchor: a particle, its ring and the selection's, a page's flash at the largest zoom (screen pixels). */
const AROUND = 32;
/** Left of the SMMU input: the widest fault label ("F_TRANSL_FORBIDDEN 0x07 ×999") with its padding (screen pixels). */
const LABELS_LEFT = LABEL_GAP + 250;
/** Above the SMMU input: a label for each fault the drawing names, and the aborted ones (screen pixels). */
const LABELS_UP = LABEL_FIRST + 8 * LABEL_LINE + 12;

/** The box in pane pixels for a geometry seen through React Flow's viewport `[x, y, zoom]`. */
export function overlayBox(g: Geometry | null, transform: readonly [number, number, number], pane: { w: number; h: number }): Box {
  if (g === null || g.smmuIn === null || g.smmuOut === null) return NO_BOX;
  const [tx, ty, zoom] = transform;
  let x0 = Math.min(g.smmuIn.x, g.smmuOut.x);
  let y0 = Math.min(g.smmuIn.y, g.smmuOut.y);
  let x1 = Math.max(g.smmuIn.x, g.smmuOut.x + BYPASS_LEG);
  let y1 = Math.max(g.smmuIn.y, g.smmuOut.y);
  for (const xy of [g.devices, g.pages])
    for (let i = 0; i + 1 < xy.length; i += 2) {
      const x = xy[i];
      const y = xy[i + 1];
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  const inX = g.smmuIn.x * zoom + tx;
  const inY = g.smmuIn.y * zoom + ty;
  const left = Math.min(x0 * zoom + tx, inX - LABELS_LEFT) - AROUND;
  const top = Math.min(y0 * zoom + ty, inY - LABELS_UP) - AROUND;
  const right = x1 * zoom + tx + AROUND;
  const bottom = y1 * zoom + ty + AROUND;
  // Whole pixels, and a width and height that a pan alone does not change (the canvas is then
  // only moved, not resized), until the pane's edge clips it: the extent is rounded up with a
  // tolerance for the rounding noise a pan adds to it.
  let x = Math.floor(left);
  let y = Math.floor(top);
  let w = Math.ceil(right - left - 1e-6) + 1;
  let h = Math.ceil(bottom - top - 1e-6) + 1;
  if (x < 0) {
    w += x;
    x = 0;
  }
  if (y < 0) {
    h += y;
    y = 0;
  }
  w = Math.min(w, pane.w - x);
  h = Math.min(h, pane.h - y);
  return w > 0 && h > 0 ? { x, y, w, h } : NO_BOX;
}

export function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}
