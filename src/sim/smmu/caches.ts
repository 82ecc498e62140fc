// The SMMU's two caches. The configuration cache is keyed by StreamID and may hold invalid STEs
// (negative caching); the TLB is keyed by (VMID, IOVA page) — not by StreamID — so STEs that share
// a VMID share entries. Only a completed invalidation removes entries (at the SYNC after the
// command), unless the scenario chose an LRU retention of N entries per cache.

import { CH_EVICT_CFG, CH_EVICT_TLB, chooseFixed } from '../core/choice';
import { PAGE, type CfgEntry, type Cmd, type SimState, type Ste, type TlbEntry, type Txn } from '../model/state';

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

/** `at`: when the fetch that fills the entry completes; until then a lookup waits for it. */
export function cfgInsert(s: SimState, sid: number, ste: Ste, at = s.now): CfgEntry {
  const e: CfgEntry = { id: s.nextCacheId++, sid, ste: { ...ste }, at };
  s.cfgCache.set(sid, e);
  if (s.smmu.retention > 0 && s.cfgCache.size > s.smmu.retention) {
    s.cfgCache.delete(victim(s.cfgCache, chooseFixed(s.choices, CH_EVICT_CFG, 0, s.cfgCache.size - 2, 0)));
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

/** `at`: when the walk that fills the entry completes; until then a lookup waits for it. */
export function tlbInsert(s: SimState, e: Omit<TlbEntry, 'id' | 'at'>, at = s.now): TlbEntry {
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
    at,
  };
  s.tlb.set(tlbKey(e.vmid, e.iovaPage), full);
  if (s.smmu.retention > 0 && s.tlb.size > s.smmu.retention) {
    s.tlb.delete(victim(s.tlb, chooseFixed(s.choices, CH_EVICT_TLB, 0, s.tlb.size - 2, 0)));
  }
  return full;
}

/** True when an invalidation command's scope covers a TLB entry of (vmid, IOVA page). */
function tlbInScope(c: Cmd, vmid: number, iovaPage: number): boolean {
  switch (c.kind) {
    case 'TLBI_NSNH_ALL':
      return true;
    case 'TLBI_S12_VMALL':
      return vmid === c.vmid;
    case 'TLBI_S2_IPA':
      return vmid === c.vmid && iovaPage === c.iovaPage;
    default:
      return false;
  }
}

/** True when an invalidation command's scope covers what transaction `t` was translated with. */
function txnInScope(c: Cmd, t: Txn): boolean {
  switch (c.kind) {
    case 'CFGI_ALL':
      return t.usedCfg >= 0;
    case 'CFGI_STE':
      return t.usedCfg >= 0 && t.sid === c.sid;
    default:
      return t.vmid >= 0 && tlbInScope(c, t.vmid, Math.floor(t.iova / PAGE));
  }
}

/**
 * Completes the invalidations consumed since the last SYNC, as that SYNC begins: the entries in
 * their scope leave the caches, and every transaction translated with anything in their scope that
 * has not committed joins the drain set — whether or not its entry is still cached (an entry evicted
 * earlier translated it all the same). Returns the number of entries dropped.
 */
export function completeInvalidations(s: SimState): number {
  const pending = s.cmdq.pending;
  if (pending.length === 0) return 0;
  let n = 0;
  for (const c of pending) {
    // An STE fetched after the CFGI was consumed is what memory held then, which the CFGI does not
    // cover: if the STE was rewritten after the CFGI, that entry may be the old one, and survives.
    if (c.kind === 'CFGI_ALL') {
      for (const [sid, e] of s.cfgCache) {
        if (e.id < c.filledBefore) {
          s.cfgCache.delete(sid);
          n++;
        }
      }
    } else if (c.kind === 'CFGI_STE') {
      const e = s.cfgCache.get(c.sid);
      if (e !== undefined && e.id < c.filledBefore) {
        s.cfgCache.delete(c.sid);
        n++;
      }
    } else {
      for (const [k, e] of s.tlb) {
        if (tlbInScope(c, e.vmid, e.iovaPage)) {
          s.tlb.delete(k);
          n++;
        }
      }
    }
  }
  for (const t of s.txns.values()) {
    if (t.phase !== 'translated') continue;
    for (const c of pending) {
      if (txnInScope(c, t)) {
        s.cmdq.drain.add(t.id);
        break;
      }
    }
  }
  pending.length = 0;
  return n;
}

/**
 * The key an overfull LRU cache evicts: the `k`-th least recently used (0, the default, is the least
 * recently used). The entry just inserted (the most recent) is never a candidate.
 */
function victim<V>(m: Map<number, V>, k: number): number {
  let i = 0;
  for (const key of m.keys()) if (i++ === k) return key;
  return m.keys().next().value as number;
}
