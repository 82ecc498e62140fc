// Where a node sits when the scenario's `layout` does not say: one column per kind, in the order
// DMA flows — owners, devices, the SMMU, memory — so a transaction travels left to right.
//
// A large system (the stress scenario has 16 VMs, 32 devices and 64 regions) makes those columns
// many times taller than they are wide, more than fit-to-view can show. "Arrange in columns"
// (`columnLayout`) wraps each kind into as many columns as bring the whole system closest to the
// pane's proportions, so it fits at the largest zoom. It is the user's choice, not the default:
// with every node of a large system on screen, a machine without a GPU composites several times
// the area on every overlay frame.

import type { Scenario } from '../../sim';

export const SMMU_ID = 'smmu';

/** Approximate heights, enough to stack nodes without overlap before they are measured. */
const ENDPOINT_H = 150;
const DEVICE_H = 196;
const PAGES_PER_ROW = 8;
const regionHeight = (pages: number) => 78 + Math.ceil(pages / PAGES_PER_ROW) * 23;
const SMMU_H = 470;
const GAP = 28;

/**
 * Column widths and the room between kinds (edges run there; their labels sit above the nodes). Kept
 * narrow so a small system fits a 1280×800 window at a zoom where node type reads at 11 px or more.
 */
const WIDTH = { endpoint: 150, device: 200, smmu: 240, region: 200 };
const COLUMN_GAP = 40;
const GAP_BEFORE = { device: 40, smmu: 70, region: 60 };

/** The proportions the layout aims for: the canvas pane's at common screen sizes. */
const PANE = { w: 1000, h: 560 };
const MAX_COLUMNS = 12;

interface Column {
  /** Heights of the nodes of one kind, in order. */
  heights: number[];
  width: number;
}

/** Splits `xs` into at most `k` columns of consecutive nodes: the one rule `columnsFor` and `place` share. */
function split<T>(xs: T[], k: number): T[][] {
  const per = Math.ceil(xs.length / k);
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += per) out.push(xs.slice(i, i + per));
  return out;
}

const stackHeight = (hs: number[]) => hs.reduce((a, h) => a + h + GAP, 0) - (hs.length > 0 ? GAP : 0);

/** How many columns each kind takes: the choice that lets the whole layout fit the pane at the largest zoom. */
function columnsFor(kinds: Column[]): number[] {
  const ones = kinds.map(() => 1);
  let best = { ks: ones, zoom: -1, n: Infinity };
  // Candidate heights: each kind's single column cut into 1…MAX_COLUMNS pieces.
  const targets = new Set<number>([SMMU_H]);
  for (const c of kinds) for (let j = 1; j <= MAX_COLUMNS; j++) targets.add(stackHeight(c.heights) / j);
  for (const target of targets) {
    const ks = kinds.map((c) => {
      let k = 1;
      while (k < Math.min(MAX_COLUMNS, c.heights.length) && Math.max(...split(c.heights, k).map(stackHeight)) > target) k++;
      return k;
    });
    let w = GAP_BEFORE.device + GAP_BEFORE.smmu + WIDTH.smmu + GAP_BEFORE.region;
    let h = SMMU_H;
    kinds.forEach((c, i) => {
      if (c.heights.length === 0) return;
      const cols = split(c.heights, ks[i]);
      w += cols.length * c.width + (cols.length - 1) * COLUMN_GAP;
      h = Math.max(h, ...cols.map(stackHeight));
    });
    const zoom = Math.min(PANE.w / w, PANE.h / h);
    const n = ks.reduce((a, b) => a + b, 0);
    // Fewer columns win a tie: a small system keeps its single columns.
    if (zoom > best.zoom + 1e-9 || (Math.abs(zoom - best.zoom) <= 1e-9 && n < best.n)) best = { ks, zoom, n };
  }
  return best.ks;
}

/** Places `ids` (with their heights) in `k` columns from `x`; returns the x after the last column. */
function place(out: Record<string, [number, number]>, ids: string[], heights: number[], k: number, x: number, width: number): number {
  const nodes = ids.map((id, i) => ({ id, h: heights[i] }));
  split(nodes, k).forEach((column, c) => {
    if (c > 0) x += width + COLUMN_GAP;
    let y = 0;
    for (const { id, h } of column) {
      out[id] = [x, y];
      y += h + GAP;
    }
  });
  return x + width;
}

/** One column per kind. */
export const autoLayout = (s: Scenario) => layout(s, false);

/** Each kind wrapped into the columns that let the whole system fit the pane at the largest zoom. */
export const columnLayout = (s: Scenario) => layout(s, true);

function layout(s: Scenario, wrap: boolean): Record<string, [number, number]> {
  const endpoints = s.endpoints.map(() => ENDPOINT_H);
  const devices = s.devices.map(() => DEVICE_H);
  const regions = s.memory.map((r) => regionHeight(r.pages));
  const kinds = [
    { heights: endpoints, width: WIDTH.endpoint },
    { heights: devices, width: WIDTH.device },
    { heights: regions, width: WIDTH.region },
  ];
  const [kE, kD, kR] = wrap ? columnsFor(kinds) : [1, 1, 1];
  const out: Record<string, [number, number]> = {};
  const ids = { e: s.endpoints.map((e) => e.id), d: s.devices.map((d) => d.id), r: s.memory.map((r) => r.id) };
  // The first columns sit where the single-column layout always put them (x = 0, 190, 460, 760).
  const afterEndpoints = place(out, ids.e, endpoints, kE, 0, WIDTH.endpoint);
  const afterDevices = place(out, ids.d, devices, kD, afterEndpoints + GAP_BEFORE.device, WIDTH.device);
  const smmuX = afterDevices + GAP_BEFORE.smmu;
  out[SMMU_ID] = [smmuX, 0];
  place(out, ids.r, regions, kR, smmuX + WIDTH.smmu + GAP_BEFORE.region, WIDTH.region);
  return out;
}

export function positionOf(s: Scenario, auto: Record<string, [number, number]>, id: string): { x: number; y: number } {
  const p = s.layout[id] ?? auto[id] ?? [0, 0];
  return { x: p[0], y: p[1] };
}

export { PAGES_PER_ROW };
