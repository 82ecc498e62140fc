// Fitting clear of the minimap (fitClear.ts): the usual fit when nothing would sit under the
// minimap; otherwise one side's margin grows, and then no node is under it.

import { describe, expect, it } from 'vitest';
import { getViewportForBounds } from '@xyflow/react';
import { clearPadding, FIT_PADDING, type Box } from './fitClear';

const pane = { width: 940, height: 520 };
const minimap = { width: 215, height: 165 };
const zoom: [number, number] = [0.15, 2.5];

/** A grid of `cols` × `rows` boxes of 200 × 120 with gaps of 40. */
const grid = (cols: number, rows: number): Box[] =>
  Array.from({ length: cols * rows }, (_, i) => ({ x: (i % cols) * 240, y: Math.floor(i / cols) * 160, width: 200, height: 120 }));

/** Boxes under the minimap once fitted with `padding`. */
function underMinimap(nodes: Box[], padding: ReturnType<typeof clearPadding>): Box[] {
  const x = Math.min(...nodes.map((n) => n.x));
  const y = Math.min(...nodes.map((n) => n.y));
  const bounds = {
    x,
    y,
    width: Math.max(...nodes.map((n) => n.x + n.width)) - x,
    height: Math.max(...nodes.map((n) => n.y + n.height)) - y,
  };
  const vp = getViewportForBounds(bounds, pane.width, pane.height, zoom[0], zoom[1], padding);
  return nodes.filter(
    (n) =>
      (n.x + n.width) * vp.zoom + vp.x > pane.width - minimap.width && (n.y + n.height) * vp.zoom + vp.y > pane.height - minimap.height,
  );
}

describe('fitting clear of the minimap', () => {
  it('a system that fills the pane, fitted as usual, has nodes under the minimap; fitted clear, none', () => {
    const nodes = grid(8, 5);
    expect(underMinimap(nodes, FIT_PADDING).length).toBeGreaterThan(0);
    const p = clearPadding(nodes, pane, minimap, zoom);
    expect(p).not.toBe(FIT_PADDING);
    expect(underMinimap(nodes, p)).toEqual([]);
  });

  it('a system that leaves the corner free is fitted as usual', () => {
    // Two rows on the left and one box top right: the bottom-right corner stays empty.
    const nodes = [...grid(2, 2), { x: 1400, y: 0, width: 200, height: 120 }];
    expect(underMinimap(nodes, FIT_PADDING)).toEqual([]);
    expect(clearPadding(nodes, pane, minimap, zoom)).toBe(FIT_PADDING);
  });

  it('the margin grows on the side that loses less zoom', () => {
    // A system wider than the pane's proportions is limited by the pane's width: the bottom margin
    // grows, at no cost in zoom.
    const wide = grid(10, 4);
    const even = `${Math.floor((pane.width - pane.width / (1 + FIT_PADDING)) / 2)}px`;
    expect(clearPadding(wide, pane, minimap, zoom)).toMatchObject({ right: even, bottom: `${minimap.height + 8}px` });
    // A narrower one is limited by its height: the right margin grows instead.
    const narrow = grid(5, 5);
    expect(clearPadding(narrow, pane, minimap, zoom)).toMatchObject({ right: `${minimap.width + 8}px` });
    for (const nodes of [wide, narrow]) expect(underMinimap(nodes, clearPadding(nodes, pane, minimap, zoom))).toEqual([]);
  });

  it('without a minimap, or nodes, the usual fit', () => {
    expect(clearPadding(grid(8, 5), pane, { width: 0, height: 0 }, zoom)).toBe(FIT_PADDING);
    expect(clearPadding([], pane, minimap, zoom)).toBe(FIT_PADDING);
  });
});
