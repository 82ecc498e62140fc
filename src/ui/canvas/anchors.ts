// Where a transaction is drawn, in flow coordinates: a device's DMA port (its right edge), the
// SMMU's input and output, and a page cell. Node positions come from React Flow; a page's offset
// inside its region node is measured once from the DOM and cached (offsets do not change with
// pan and zoom, only when the node's content changes — the cache is refreshed periodically).

import type { InternalNode } from '@xyflow/react';

export interface Point {
  x: number;
  y: number;
}

type Lookup = Map<string, InternalNode>;

export class Anchors {
  private pageOffsets = new Map<number, Point | null>();
  private measuredAt = 0;

  constructor(private root: () => HTMLElement | null) {}

  refresh(now: number): void {
    // Node sizes are fixed, so offsets only go stale when the scenario's structure changes.
    if (now - this.measuredAt > 5000) {
      this.pageOffsets.clear();
      this.measuredAt = now;
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
    let off = this.pageOffsets.get(page);
    if (off === undefined) {
      off = this.measure(regionId, page, zoom);
      this.pageOffsets.set(page, off);
    }
    const base = n.internals.positionAbsolute;
    if (off === null) return { x: base.x, y: base.y + 20 };
    return { x: base.x + off.x, y: base.y + off.y };
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
