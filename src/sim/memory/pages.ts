// Pages as the hypervisor changes them: regions, CPU stage-2 mappings, mode names. The read-only
// queries every part shares (where a PFN is, who may touch a page) are in model/pages.ts.

import { PAGE, V, type SimState } from '../model/state';
import { mappingsWillChange } from '../smmu/prefetch';

export function modeName(m: number): string {
  const b = (bit: number, c: string) => ((m & bit) !== 0 ? c : '!' + c);
  return `${b(V, 'V')} ${b(2, 'O')} ${b(4, 'X')}`;
}

/** The pages of a region, as page indices. */
export function regionPages(s: SimState, region: number): number[] {
  const r = s.regions[region];
  const out: number[] = [];
  for (let i = 0; i < r.pages; i++) out.push(r.firstPage + i);
  return out;
}

/** Maps a region's pages into an endpoint's CPU stage-2 at `ipa` (bytes). */
export function s2Map(s: SimState, ep: number, region: number, ipa: number): void {
  const r = s.regions[region];
  const e = s.endpoints[ep];
  for (let i = 0; i < r.pages; i++) e.s2.set(ipa / PAGE + i, s.pages[r.firstPage + i].pfn);
}

export function s2Unmap(s: SimState, ep: number, region: number): void {
  const r = s.regions[region];
  const e = s.endpoints[ep];
  const pfn0 = s.pages[r.firstPage].pfn;
  cpuMappingsWillChange(s, ep, (pfn) => pfn >= pfn0 && pfn < pfn0 + r.pages);
  for (const [ipaPage, pfn] of e.s2) {
    if (pfn >= pfn0 && pfn < pfn0 + r.pages) e.s2.delete(ipaPage);
  }
}

/**
 * Before an endpoint's CPU stage-2 loses the mappings of some pages: where that stage-2 is also an
 * IOMMU table (P0), the SMMU may hold its current translations of them.
 */
export function cpuMappingsWillChange(s: SimState, ep: number, leaving: (pfn: number) => boolean): void {
  const table = s.tables.get(`S2:${s.endpoints[ep].id}`);
  if (table === undefined) return;
  const pages: number[] = [];
  for (const [ipaPage, pfn] of s.endpoints[ep].s2) if (leaving(pfn)) pages.push(ipaPage);
  mappingsWillChange(s, table, pages);
}

/** True when `ep`'s stage-2 has nothing mapped in [ipa, ipa + pages). */
export function s2RangeFree(s: SimState, ep: number, ipa: number, pages: number): boolean {
  const e = s.endpoints[ep];
  for (let i = 0; i < pages; i++) if (e.s2.has(ipa / PAGE + i)) return false;
  return true;
}
