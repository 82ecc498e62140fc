// The SMMU may fetch and cache any structure it can reach, at any time, whether or not a
// transaction needed it. Under `adversarial` retention the model takes that worst case: when the
// hypervisor rewrites an STE or a live table's mapping, the value before the write counts as
// already cached (if no entry holds that key yet), so it stays usable until a completed
// invalidation — CFGI or TLBI, then SYNC — drops it. Under `lru:N` only what transactions fetched
// is cached.

import { cfgInsert, tlbInsert, tlbKey } from './caches';
import { R, V, W, type IoTable, type SimState } from '../model/state';

const pageIndex = (s: SimState, pfn: number): number => s.pfnToPage.get(pfn) ?? -1;

/**
 * Before an STE is written: its current value may already sit in the configuration cache, and the
 * translations of the table it points at (in memory or as cached) may already sit in the TLB.
 */
export function steWillChange(s: SimState, sid: number): void {
  // With SMMUEN = 0 no structure is reachable, so none is fetched (SMMUv3 §3.21.3).
  if (s.smmu.retention > 0 || !s.smmu.enabled) return;
  const ste = s.streamTable.get(sid);
  if (ste === undefined) return;
  for (const v of [ste, s.cfgCache.get(sid)?.ste]) {
    const table = v !== undefined && v.valid && v.config === 's2' && v.table !== null ? s.tables.get(v.table) : undefined;
    if (table !== undefined) mappingsWillChange(s, table);
  }
  if (!s.cfgCache.has(sid)) cfgInsert(s, sid, ste);
}

/** True when some STE, in memory or cached, points at the table: the SMMU can walk it. */
function reachable(s: SimState, table: IoTable): boolean {
  for (const ste of s.streamTable.values()) if (ste.valid && ste.config === 's2' && ste.table === table.id) return true;
  for (const c of s.cfgCache.values()) if (c.ste.valid && c.ste.config === 's2' && c.ste.table === table.id) return true;
  return false;
}

/**
 * Before mappings of a table change (IOVA pages; all of them when `pages` is omitted): each current
 * translation may already sit in the TLB under the table's VMID.
 */
export function mappingsWillChange(s: SimState, table: IoTable, pages?: Iterable<number>): void {
  if (s.smmu.retention > 0 || !s.smmu.enabled || table.scratch || table.state === 'building' || table.state === 'freed') return;
  if (!reachable(s, table)) return;
  for (const iovaPage of pages ?? currentPages(s, table)) {
    if (s.tlb.has(tlbKey(table.vmid, iovaPage))) continue;
    const tr = translation(s, table, iovaPage);
    if (tr === null) continue;
    tlbInsert(s, {
      vmid: table.vmid,
      iovaPage,
      pfn: tr.pfn,
      page: pageIndex(s, tr.pfn),
      r: tr.r,
      w: tr.w,
      table: table.id,
      authority: table.owner,
    });
  }
}

function currentPages(s: SimState, table: IoTable): Iterable<number> {
  return table.cpuOf >= 0 ? [...s.endpoints[table.cpuOf].s2.keys()] : [...table.map.keys()];
}

/** What a walk of the table gives for an IOVA page now, or null where it faults. */
function translation(s: SimState, table: IoTable, iovaPage: number): { pfn: number; r: boolean; w: boolean } | null {
  if (table.cpuOf >= 0) {
    const pfn = s.endpoints[table.cpuOf].s2.get(iovaPage);
    const i = pfn === undefined ? -1 : pageIndex(s, pfn);
    const m = i < 0 ? 0 : s.pages[i].modes[table.cpuOf];
    if (pfn === undefined || (m & V) === 0) return null;
    return { pfn, r: (m & R) !== 0, w: (m & W) !== 0 };
  }
  const enc = table.map.get(iovaPage);
  if (enc === undefined) return null;
  return { pfn: Math.floor(enc / 4), r: (enc & 1) !== 0, w: (enc & 2) !== 0 };
}
