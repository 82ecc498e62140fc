// pKVM's dmaCoupled rule: which device tables map a page, counting a page being unmapped as mapped
// until the SYNC after its unmapping completes.

import { hex } from '../model/log';
import { PAGE, type SimState } from '../model/state';

/**
 * Does the table `t` serve endpoint `e`: does its DMA act for `e` (its own table), or is its
 * device shared with `e` (P5's shared table)?
 */
function serves(s: SimState, owner: number, device: number, e: number): boolean {
  if (owner === e) return true;
  const d = device >= 0 ? s.devices[device] : undefined;
  return d !== undefined && d.assign === 'shared' && d.pendingFor === e;
}

/**
 * A revocation job that has unmapped pages from a device table but whose SYNC after the unmap has
 * not completed: until then the pages still count as mapped for DMA, because pKVM drops its
 * refcount only after unmap, TLBI and SYNC.
 * source: kvm_iommu_unmap_pages (arch/arm64/kvm/hyp/nvhe/iommu/iommu.c) — IOTLB sync before
 * __pkvm_host_unuse_dma (arch/arm64/kvm/hyp/nvhe/mem_protect.c).
 */
function unmapAwaitingSync(s: SimState): { device: number; pfns: number[] }[] {
  const out: { device: number; pfns: number[] }[] = [];
  for (const j of s.jobs.values()) {
    if (j.revokedIova.length === 0 || j.state === 'done') continue;
    const u = j.steps.findIndex((st) => st.kind === 'tableUnmap');
    const y = j.steps.findIndex((st, k) => k > u && st.kind === 'sync');
    const synced = y >= 0 && j.pc > y && !(j.pc === y + 1 && j.state === 'waiting-sync');
    if (!synced) out.push({ device: j.device, pfns: j.revokedPages });
  }
  return out;
}

/**
 * Pages of `pages` that some live (non-CPU) device table maps, as "T3 maps 0x…" — counting a page
 * unmapped by a revocation whose SYNC has not completed yet. `servingAny`: only tables serving one
 * of these endpoints.
 */
export function dmaMappers(s: SimState, pages: number[], servingAny?: Set<number>): string[] {
  const pfns = new Set(pages.map((i) => s.pages[i].pfn));
  const out: string[] = [];
  const wanted = (owner: number, device: number) => !servingAny || [...servingAny].some((e) => serves(s, owner, device, e));
  for (const t of s.tables.values()) {
    if (t.state === 'freed' || t.cpuOf >= 0 || t.scratch) continue;
    if (!wanted(t.owner, t.device)) continue;
    for (const enc of t.map.values()) {
      const pfn = Math.floor(enc / 4);
      if (pfns.has(pfn)) {
        out.push(`${t.id} maps ${hex(pfn * PAGE)}`);
        break;
      }
    }
  }
  for (const u of unmapAwaitingSync(s)) {
    const d = u.device >= 0 ? s.devices[u.device] : undefined;
    const t = d?.table ? s.tables.get(d.table) : undefined;
    if (t && !wanted(t.owner, t.device)) continue;
    const pfn = u.pfns.find((p) => pfns.has(p));
    if (pfn !== undefined) out.push(`${d?.id ?? 'a device'}'s unmapping of ${hex(pfn * PAGE)} awaits its SYNC`);
  }
  return out;
}
