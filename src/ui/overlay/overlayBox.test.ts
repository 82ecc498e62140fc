// The overlay canvas's box (overlayBox.ts): every anchor through the viewport, with room for what
// is drawn around them, clipped to the pane; moved, not resized, by a pan.

import { describe, expect, it } from 'vitest';
import { NO_BOX, overlayBox } from './overlayBox';
import { BYPASS_LEG, LABEL_GAP } from './draw';
import type { Geometry } from './geometry';

// A device port at (100, 50), the SMMU from (300, 50) to (400, 50), pages at (600, 80) and (600, 200).
const geometry: Geometry = {
  devices: new Float64Array([100, 50, NaN, NaN]),
  smmuIn: { x: 300, y: 50 },
  smmuOut: { x: 400, y: 50 },
  pages: new Float64Array([600, 80, 600, 200]),
};
const pane = { w: 2000, h: 1000 };

describe('the overlay canvas box', () => {
  it('covers every anchor with a margin, the fault labels left of and above the SMMU input, and the bypass leg', () => {
    const b = overlayBox(geometry, [500, 400, 1], pane);
    // Labels reach further left than the device port, and above the topmost anchor.
    expect(b.x).toBeLessThan(500 + 300 - LABEL_GAP - 200);
    expect(b.y).toBeLessThan(400 + 50 - 150);
    // The pages and a particle around them.
    expect(b.x + b.w).toBeGreaterThanOrEqual(500 + 600 + 10);
    expect(b.y + b.h).toBeGreaterThanOrEqual(400 + 200 + 10);
    // Not the whole pane: nothing is drawn far right of the pages or far below them.
    expect(b.x + b.w).toBeLessThan(500 + 600 + 60);
    expect(b.y + b.h).toBeLessThan(400 + 200 + 60);
  });

  it('a pan moves the box without resizing it; the pane edge clips it', () => {
    const a = overlayBox(geometry, [500, 400, 1], pane);
    const moved = overlayBox(geometry, [537.4, 411.6, 1], pane);
    expect([moved.w, moved.h]).toEqual([a.w, a.h]);
    expect(moved.x - a.x).toBeCloseTo(37, 0);
    const clipped = overlayBox(geometry, [-500, -100, 1], pane);
    expect(clipped.x).toBe(0);
    expect(clipped.y).toBe(0);
    expect(clipped.w).toBeLessThan(a.w);
  });

  it('follows the zoom, and reaches the bypass leg right of the SMMU when no page is further right', () => {
    const g = { ...geometry, pages: new Float64Array([350, 60]) };
    const b = overlayBox(g, [0, 0, 2], pane);
    expect(b.x + b.w).toBeGreaterThanOrEqual((400 + BYPASS_LEG) * 2);
    expect(b.x + b.w).toBeLessThan((400 + BYPASS_LEG) * 2 + 40);
  });

  it('is empty with nothing to anchor to, or off the pane', () => {
    expect(overlayBox(null, [0, 0, 1], pane)).toEqual(NO_BOX);
    expect(overlayBox({ ...geometry, smmuIn: null }, [0, 0, 1], pane)).toEqual(NO_BOX);
    expect(overlayBox(geometry, [5000, 0, 1], pane)).toEqual(NO_BOX);
  });
});
