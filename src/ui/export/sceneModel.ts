// The scene an exported picture draws, and its geometry: the themes, what the picture is built
// from (the canvas graph's nodes, the engine's view, the transactions in flight), the sizes of a
// node's box, and where a page's cell is drawn.

import type { Edge } from '@xyflow/react';
import type { SimView } from '../../worker/view';
import type { ViolationPath } from '../../sim';
import { cellCentre } from '../nodes/pageGrid';
import type { NodeKind } from '../canvas/graph';

export type Theme = 'dark' | 'light';

export const THEMES = {
  dark: {
    bg: '#0d0f12',
    node: '#14171c',
    border: '#3a3f47',
    text: '#e8eaed',
    dim: '#9aa1ab',
    strip: '#1b1f26',
    stream: '#5b6270',
    iommu: '#7d8594',
    danger: '#ff2d55',
  },
  light: {
    bg: '#ffffff',
    node: '#f5f6f8',
    border: '#b9bec6',
    text: '#15181d',
    dim: '#4d5560',
    strip: '#eceef1',
    stream: '#5b6270',
    iommu: '#4d5560',
    danger: '#c8102e',
  },
} as const;

export interface SceneNode {
  id: string;
  kind: NodeKind;
  /** The view index (endpoints offset by the two built-ins), as the canvas graph gives it. */
  index: number;
  x: number;
  y: number;
}

export interface SceneInput {
  title: string;
  tick: number;
  /** Nanoseconds per tick, for the caption's time. */
  tickNs: number;
  /** The invariants violated up to the tick, in the order they happened. */
  violations: { number: string; invariant: string; t: number; message: string; device?: string | null; path?: ViolationPath | null }[];
  nodes: SceneNode[];
  edges: Edge[];
  view: SimView;
  /** Transactions in flight at the tick, packed (frameFormat.ts); empty when there are none. */
  inflight: Float64Array;
  theme: Theme;
  /** What the picture carries in its <metadata>: the moment's link fragment. */
  payload: string;
  /** Room for at least this many caption lines: an animation's frames keep one size as violations add lines. */
  captionRows?: number;
}

export const W = { endpoint: 150, device: 200, smmu: 240, region: 200 } as const;
export const HEAD = 26;
export const ROW = 18;
export const PAD = 40;
export const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif"`;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export const GRID_TOP = 8;

/** Where page `page` is drawn (its cell's centre and region box), or null when no region holds it. */
export function pageCell(input: SceneInput, boxes: Map<string, Box>, page: number): { x: number; y: number; region: Box } | null {
  for (const n of input.nodes) {
    if (n.kind !== 'region') continue;
    const r = input.view.regions[n.index];
    if (page < r.firstPage || page >= r.firstPage + r.pages) continue;
    const b = boxes.get(n.id)!;
    const at = cellCentre(page - r.firstPage);
    return { x: b.x + 8 + at.x, y: b.y + HEAD + 8 + ROW + GRID_TOP + at.y, region: b };
  }
  return null;
}
