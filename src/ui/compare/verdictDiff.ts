// The two runs' verdicts as a diff: each safety invariant, and liveness, sorted into what only A
// breaks, what only B breaks, what both break (with each run's first tick), and what neither breaks.

import { INVARIANTS, type Handover, type Violation } from '../../sim';

export interface Verdicts {
  violations: readonly Violation[];
  handovers: readonly Handover[];
}

export interface DiffItem {
  /** `I1b`, …, or `liveness`. */
  what: string;
  /** The first tick it broke in A and in B (null: it held there). */
  a: number | null;
  b: number | null;
}

export interface VerdictDiff {
  onlyA: DiffItem[];
  onlyB: DiffItem[];
  both: DiffItem[];
  neither: DiffItem[];
}

/** Each invariant's first violation tick, by number. */
function firsts(v: readonly Violation[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of v) if (!m.has(x.number) || x.t < m.get(x.number)!) m.set(x.number, x.t);
  return m;
}

/**
 * When liveness broke: the first hand-over that was refused or never completed, or whose new owner's
 * DMA never worked (its request tick); null when every hand-over completed and worked.
 */
export function livenessBroken(h: readonly Handover[]): number | null {
  const bad = h.filter((x) => x.status !== 'completed' || x.newOwnerDma === false);
  return bad.length === 0 ? null : Math.min(...bad.map((x) => x.requestedAt));
}

export function verdictDiff(a: Verdicts, b: Verdicts): VerdictDiff {
  const fa = firsts(a.violations);
  const fb = firsts(b.violations);
  const items: DiffItem[] = INVARIANTS.map((i) => ({ what: i.number as string, a: fa.get(i.number) ?? null, b: fb.get(i.number) ?? null }));
  items.push({ what: 'liveness', a: livenessBroken(a.handovers), b: livenessBroken(b.handovers) });
  const out: VerdictDiff = { onlyA: [], onlyB: [], both: [], neither: [] };
  for (const it of items) {
    if (it.a !== null && it.b !== null) out.both.push(it);
    else if (it.a !== null) out.onlyA.push(it);
    else if (it.b !== null) out.onlyB.push(it);
    else out.neither.push(it);
  }
  return out;
}
