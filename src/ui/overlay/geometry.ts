// Where a transaction is drawn, in flow coordinates: each device's DMA port (its right edge), the
// SMMU's input and output, and each page cell. Measured on the main thread (it owns the DOM and
// React Flow's node table) and handed to the painter, which only adds pan and zoom.
//
// Node positions and sizes come from React Flow. A page's offset inside its region node is its
// grid's place, measured from the DOM once, plus the cell's place in the grid, and is cached: offsets do not change with pan, zoom or drag, only when
// the node's content does — a new scenario, or a region node whose measured size changed.
// (Measuring reads layout, so it happens only then, never per frame.)

import type { InternalNode } from '@xyflow/react';
import { cellCentre } from '../nodes/pageGrid';

export interface Point {
  x: number;
  y: number;
}

export interface Geometry {
  /** Each device's DMA port by device index, as x, y pairs; NaN where the node is not drawn. */
  devices: Float64Array;
  smmuIn: Point | null;
  smmuOut: Point | null;
  /** Each page cell's centre by global page index, as x, y pairs; NaN where not drawn. */
  pages: Float64Array;
}

/** What the geometry is built from: the scenario's devices and the view's regions. */
export interface Structure {
  /** A new array for each scenario opened: measured offsets are forgotten with it. */
  deviceIds: readonly string[];
  regions: readonly { id: string; firstPage: number; pages: number }[];
}

type Lookup = Map<string, InternalNode>;

interface Offsets {
  /** The region node's measured size and its pages when they were measured. */
  w: number;
  h: number;
  firstPage: number;
  /** Page centres relative to the node's top-left, x, y pairs; null where a cell was not found. */
  at: (Point | null)[];
}

export class GeometryProbe {
  private offsets = new Map<string, Offsets>();
  private deviceIds: readonly string[] | null = null;

  constructor(private root: () => HTMLElement | null) {}

  /**
   * The geometry for the current node table, or null when nothing can be drawn yet (no SMMU node).
   * `zoom` converts measured screen pixels back to flow units.
   */
  build(structure: Structure, lookup: Lookup, zoom: number): Geometry | null {
    // Another scenario: other nodes, whatever their ids. (A region changing owner or access
    // mode keeps its cells where they are, so the offsets stay.)
    if (structure.deviceIds !== this.deviceIds) {
      this.offsets.clear();
      this.deviceIds = structure.deviceIds;
    }
    const smmu = lookup.get('smmu');
    if (smmu === undefined) return null;
    const devices = new Float64Array(structure.deviceIds.length * 2).fill(NaN);
    structure.deviceIds.forEach((id, i) => {
      const n = lookup.get(id);
      if (n === undefined) return;
      devices[2 * i] = n.internals.positionAbsolute.x + (n.measured.width ?? 0);
      devices[2 * i + 1] = n.internals.positionAbsolute.y + (n.measured.height ?? 0) / 2;
    });
    const end = structure.regions.reduce((m, r) => Math.max(m, r.firstPage + r.pages), 0);
    const pages = new Float64Array(end * 2).fill(NaN);
    for (const r of structure.regions) {
      const n = lookup.get(r.id);
      if (n === undefined) continue;
      const off = this.regionOffsets(r, n, zoom);
      const base = n.internals.positionAbsolute;
      for (let k = 0; k < r.pages; k++) {
        // A cell that could not be measured still gets a place: the node's top-left corner.
        const at = off.at[k] ?? { x: 0, y: 20 };
        pages[2 * (r.firstPage + k)] = base.x + at.x;
        pages[2 * (r.firstPage + k) + 1] = base.y + at.y;
      }
    }
    // Where the stream and mapping edges meet the SMMU node: its handles, at mid-height.
    const sx = smmu.internals.positionAbsolute.x;
    const sy = smmu.internals.positionAbsolute.y + (smmu.measured.height ?? 0) / 2;
    return { devices, smmuIn: { x: sx, y: sy }, smmuOut: { x: sx + (smmu.measured.width ?? 0), y: sy }, pages };
  }

  private regionOffsets(r: Structure['regions'][number], n: InternalNode, zoom: number): Offsets {
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    const known = this.offsets.get(r.id);
    if (known !== undefined && known.w === w && known.h === h && known.firstPage === r.firstPage && known.at.length === r.pages)
      return known;
    const at: (Point | null)[] = [];
    // The grid is measured once; its cells' places are arithmetic (pageGrid.ts).
    const node = this.root()?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(r.id)}"]`);
    const grid = node?.querySelector<HTMLElement>('.dn-pages');
    if (node && grid) {
      const a = node.getBoundingClientRect();
      const g = grid.getBoundingClientRect();
      const x0 = (g.left - a.left) / zoom;
      const y0 = (g.top - a.top) / zoom;
      for (let k = 0; k < r.pages; k++) {
        const c = cellCentre(k);
        at.push({ x: x0 + c.x, y: y0 + c.y });
      }
    } else for (let k = 0; k < r.pages; k++) at.push(null);
    const off = { w, h, firstPage: r.firstPage, at };
    // A node not laid out yet (no size) is measured again once it has one.
    if (w > 0 && h > 0) this.offsets.set(r.id, off);
    return off;
  }
}
