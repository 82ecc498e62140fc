// The SMMU's two caches. The configuration cache is keyed by StreamID and may hold invalid STEs
// (negative caching); the TLB is keyed by (VMID, IOVA page) — not by StreamID — so STEs that share
// a VMID share entries. Only invalidation commands remove entries, unless the scenario chose an LRU
// retention of N entries per cache.

import type { CfgEntry, SimState, Ste, TlbEntry } from '../model/state';

/** 2^36 IOVA pages (48-bit addresses) per VMID keeps the key an exact integer. */
const VMID_STRIDE = 68719476736;

/**
 * The TLB's key for (VMID, IOVA page). The common case — VMID < 2^10 and an IOVA below 4 GiB —
 * packs into a small integer, which V8 hashes without allocating; anything else takes a negative
 * exact-integer key, so the two forms never collide.
 */
export function tlbKey(vmid: number, iovaPage: number): number {
  if (vmid < 1024 && iovaPage < 1048576) return (vmid << 20) | iovaPage;
  return -(vmid * VMID_STRIDE + iovaPage) - 1;
}

export function cfgLookup(s: SimState, sid: number): CfgEntry | undefined {
  const e = s.cfgCache.get(sid);
  if (e !== undefined && s.smmu.retention > 0) {
    s.cfgCache.delete(sid);
    s.cfgCache.set(sid, e);
  }
  return e;
}

export function cfgInsert(s: SimState, sid: number, ste: Ste): CfgEntry {
  const e: CfgEntry = { id: s.nextCacheId++, sid, ste: { ...ste }, at: s.now };
  s.cfgCache.set(sid, e);
  if (s.smmu.retention > 0 && s.cfgCache.size > s.smmu.retention) {
    s.cfgCache.delete(s.cfgCache.keys().next().value as number);
  }
  return e;
}

export function tlbLookup(s: SimState, vmid: number, iovaPage: number): TlbEntry | undefined {
  const k = tlbKey(vmid, iovaPage);
  const e = s.tlb.get(k);
  if (e !== undefined && s.smmu.retention > 0) {
    s.tlb.delete(k);
    s.tlb.set(k, e);
  }
  return e;
}

export function tlbInsert(s: SimState, e: Omit<TlbEntry, 'id' | 'at'>): TlbEntry {
  // One literal, one field order: every entry shares a hidden class, so the hot lookups stay
  // monomorphic (a spread gives entries whose shapes vary with their source).
  const full: TlbEntry = {
    id: s.nextCacheId++,
    vmid: e.vmid,
    iovaPage: e.iovaPage,
    pfn: e.pfn,
    page: e.page,
    r: e.r,
    w: e.w,
    table: e.table,
    authority: e.authority,
    at: s.now,
  };
  s.tlb.set(tlbKey(e.vmid, e.iovaPage), full);
  if (s.smmu.retention > 0 && s.tlb.size > s.smmu.retention) {
    s.tlb.delete(s.tlb.keys().next().value as number);
  }
  return full;
}

/**
 * Invalidation: removes matching entries and puts every transaction that was translated through
 * one of them and has not committed yet into the drain set — the next SYNC waits for those.
 */
export function invalidateCfg(s: SimState, sid: number | 'all'): number {
  const ids = new Set<number>();
  if (sid === 'all') {
    for (const e of s.cfgCache.values()) ids.add(e.id);
    s.cfgCache.clear();
  } else {
    const e = s.cfgCache.get(sid);
    if (e) {
      ids.add(e.id);
      s.cfgCache.delete(sid);
    }
  }
  captureDrain(s, ids, true);
  return ids.size;
}

export function invalidateTlb(s: SimState, match: (e: TlbEntry) => boolean): number {
  const ids = new Set<number>();
  for (const [k, e] of s.tlb) {
    if (match(e)) {
      ids.add(e.id);
      s.tlb.delete(k);
    }
  }
  captureDrain(s, ids, false);
  return ids.size;
}

function captureDrain(s: SimState, ids: Set<number>, cfg: boolean): void {
  if (ids.size === 0) return;
  for (const t of s.txns.values()) {
    if (t.phase !== 'translated') continue;
    if (ids.has(cfg ? t.usedCfg : t.usedTlb)) s.cmdq.drain.add(t.id);
  }
}
