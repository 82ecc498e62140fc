// Where a transaction is drawn, in flow coordinates: a device's DMA port (its right edge), the
// SMMU's input and output, and a page cell. Node positions come from React Flow; a page's offset
// inside its region node is measured once from the DOM and cached: offsets do not change with pan
// and zoom, only when the node's content does — a new scenario, or a region node whose measured
// size changed. (Measuring reads layout, so it must not happen on every animation frame.)

import type { InternalNode } from '@xyflow/react';

export interface Point {
  x: number;
  y: number;
}

type Lookup = Map<string, InternalNode>;

interface Offset {
  at: Point | null;
  /** The region node's measured size when the offset was taken. */
  w: number;
  h: number;
}

export class Anchors {
  private pageOffsets = new Map<number, Offset>();
  private scenario: object | null = null;

  constructor(private root: () => HTMLElement | null) {}

  /** Forgets every offset when another scenario (another structure) is drawn. */
  refresh(scenario: object): void {
    if (scenario !== this.scenario) {
      this.pageOffsets.clear();
      this.scenario = scenario;
    }
  }

  deviceOut(lookup: Lookup, id: string): Point | null {
    const n = lookup.get(id);
    if (n === undefined) return null;
    return { x: n.internals.positionAbsolute.x + (n.measured.width ?? 0), y: n.internals.positionAbsolute.y + (n.measured.height ?? 0) / 2 };
  }

  smmu(lookup: Lookup, side: 'in' | 'out'): Point | null {
    const n = lookup.get('smmu');
    if (n === undefined) return null;
    const h = n.measured.height ?? 0;
    // Where the stream and mapping edges meet the node: its handles, at mid-height.
    return { x: n.internals.positionAbsolute.x + (side === 'in' ? 0 : (n.measured.width ?? 0)), y: n.internals.positionAbsolute.y + h / 2 };
  }

  page(lookup: Lookup, regionId: string, page: number, zoom: number): Point | null {
    const n = lookup.get(regionId);
    if (n === undefined) return null;
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    let off = this.pageOffsets.get(page);
    if (off === undefined || off.w !== w || off.h !== h) {
      off = { at: this.measure(regionId, page, zoom), w, h };
      this.pageOffsets.set(page, off);
    }
    const base = n.internals.positionAbsolute;
    if (off.at === null) return { x: base.x, y: base.y + 20 };
    return { x: base.x + off.at.x, y: base.y + off.at.y };
  }

  private measure(regionId: string, page: number, zoom: number): Point | null {
    const root = this.root();
    const node = root?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(regionId)}"]`);
    const cell = node?.querySelector<HTMLElement>(`[data-page="${page}"]`);
    if (!node || !cell) return null;
    const a = node.getBoundingClientRect();
    const b = cell.getBoundingClientRect();
    return { x: (b.left - a.left + b.width / 2) / zoom, y: (b.top - a.top + b.height / 2) / zoom };
  }
}
