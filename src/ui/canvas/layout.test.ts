import { describe, expect, it } from 'vitest';
import { autoLayout, columnLayout, SMMU_ID } from './layout';
import { GALLERY } from '../../scenario/gallery';
import { parseScenario } from '../../scenario/parse';
import { stressDocument } from '../../scenario/stress';
import type { Scenario } from '../../sim';

const scenarioOf = (doc: unknown): Scenario => {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
};

/** Distinct x positions of each kind's nodes: its columns. */
const columns = (s: Scenario, at: Record<string, [number, number]>) => ({
  endpoint: new Set(s.endpoints.map((e) => at[e.id][0])).size,
  device: new Set(s.devices.map((d) => at[d.id][0])).size,
  region: new Set(s.memory.map((r) => at[r.id][0])).size,
});

describe('auto-layout and arranging in columns', () => {
  it('gives every scenario one column per kind, where they always were; arranging a small system changes nothing', () => {
    const stress = scenarioOf(stressDocument());
    expect(columns(stress, autoLayout(stress))).toEqual({ endpoint: 1, device: 1, region: 1 });
    for (const g of GALLERY) {
      const s = scenarioOf(g.doc);
      const at = autoLayout(s);
      expect(columnLayout(s), g.id).toEqual(at);
      expect(columns(s, at), g.id).toEqual({ endpoint: 1, device: 1, region: 1 });
      expect(at[s.endpoints[0].id][0]).toBe(0);
      if (s.devices.length > 0) expect(at[s.devices[0].id][0]).toBe(190);
      expect(at[SMMU_ID]).toEqual([460, 0]);
      expect(at[s.memory[0].id][0]).toBe(760);
    }
  });

  it('arranges a large system in columns that keep it near the pane proportions, without overlaps', () => {
    const s = scenarioOf(stressDocument());
    const at = columnLayout(s);
    const cols = columns(s, at);
    expect(cols.device).toBeGreaterThan(1);
    expect(cols.region).toBeGreaterThan(1);
    // Boxes at their approximate sizes: nothing overlaps, and the order of kinds is kept left to right.
    const box = (id: string, w: number, h: number) => ({ id, x: at[id][0], y: at[id][1], w, h });
    const boxes = [
      ...s.endpoints.map((e) => box(e.id, 150, 150)),
      ...s.devices.map((d) => box(d.id, 200, 196)),
      box(SMMU_ID, 240, 470),
      ...s.memory.map((r) => box(r.id, 200, 101)),
    ];
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.id} overlaps ${b.id}`).toBe(true);
    const maxX = (ids: string[], w: number) => Math.max(...ids.map((id) => at[id][0] + w));
    const minX = (ids: string[]) => Math.min(...ids.map((id) => at[id][0]));
    expect(
      maxX(
        s.endpoints.map((e) => e.id),
        150,
      ),
    ).toBeLessThan(minX(s.devices.map((d) => d.id)));
    expect(
      maxX(
        s.devices.map((d) => d.id),
        200,
      ),
    ).toBeLessThan(at[SMMU_ID][0]);
    expect(at[SMMU_ID][0] + 240).toBeLessThan(minX(s.memory.map((r) => r.id)));
    // Fit-to-view: in single columns it is 8,400 px tall (zoom 0.07 in a 1000×560 pane, below
    // the canvas's 0.15 minimum); arranged, the whole system fits at over 0.2.
    const w = Math.max(...boxes.map((b) => b.x + b.w));
    const h = Math.max(...boxes.map((b) => b.y + b.h));
    expect(Math.min(1000 / w, 560 / h)).toBeGreaterThan(0.2);
  });

  it('keeps a kind in order down each column, then across', () => {
    const s = scenarioOf(stressDocument());
    const at = columnLayout(s);
    const order = s.memory.map((r) => at[r.id]);
    for (let i = 1; i < order.length; i++) {
      const [x0, y0] = order[i - 1];
      const [x1, y1] = order[i];
      expect(x1 > x0 || (x1 === x0 && y1 > y0)).toBe(true);
    }
  });
});
