// Where a node sits when the scenario's `layout` does not say: columns in the order DMA flows —
// owners, devices, the SMMU, memory — so a transaction travels left to right.

import type { Scenario } from '../../sim/model/scenario';

export const COLUMN = { endpoint: 0, device: 270, smmu: 680, region: 1150 } as const;
export const SMMU_ID = 'smmu';

/** Approximate heights, enough to stack nodes without overlap before they are measured. */
const ENDPOINT_H = 150;
const DEVICE_H = 190;
const PAGES_PER_ROW = 8;
const regionHeight = (pages: number) => 78 + Math.ceil(pages / PAGES_PER_ROW) * 26;
const GAP = 28;

export function autoLayout(s: Scenario): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  let y = 0;
  for (const e of s.endpoints) {
    out[e.id] = [COLUMN.endpoint, y];
    y += ENDPOINT_H + GAP;
  }
  y = 0;
  for (const d of s.devices) {
    out[d.id] = [COLUMN.device, y];
    y += DEVICE_H + GAP;
  }
  out[SMMU_ID] = [COLUMN.smmu, 0];
  y = 0;
  for (const r of s.memory) {
    out[r.id] = [COLUMN.region, y];
    y += regionHeight(r.pages) + GAP;
  }
  return out;
}

export function positionOf(s: Scenario, auto: Record<string, [number, number]>, id: string): { x: number; y: number } {
  const p = s.layout[id] ?? auto[id] ?? [0, 0];
  return { x: p[0], y: p[1] };
}

export { PAGES_PER_ROW };
