// I13, its static half (pKVM's refcount rule): every IOMMU mapping of an endpoint covers only pages
// that endpoint may access, with no more permission than it has. Checked whenever page modes are
// reduced (a send, a relinquish, an abort): the mappings themselves are filled from the modes.
// source: __pkvm_host_use_dma / __pkvm_host_unuse_dma (arch/arm64/kvm/hyp/nvhe/mem_protect.c), called
// from kvm_iommu_map_pages / kvm_iommu_unmap_pages (arch/arm64/kvm/hyp/nvhe/iommu/iommu.c).

import { hex } from '../model/log';
import { PAGE, type SimState } from '../model/state';
import { canAccess } from '../model/pages';
import { violate } from './violate';

export function checkIommuAccess(s: SimState, pages: number[], why: string): void {
  const pfns = new Set(pages.map((i) => s.pages[i].pfn));
  for (const t of s.tables.values()) {
    // Only tables a device translates through now, acting for an endpoint (not the hypervisor,
    // quarantine or a VM's own CPU stage-2, whose contents are the modes themselves).
    if (t.state !== 'live' || t.cpuOf >= 0 || t.scratch || t.owner < 2) continue;
    for (const enc of t.map.values()) {
      const pfn = Math.floor(enc / 4);
      if (!pfns.has(pfn)) continue;
      const page = s.pages[s.pfnToPage.get(pfn)!];
      const r = (enc & 1) !== 0;
      const w = (enc & 2) !== 0;
      if ((r && !canAccess(page, t.owner, false)) || (w && !canAccess(page, t.owner, true))) {
        const who = s.endpoints[t.owner].id;
        const dev = t.device >= 0 ? ` (${s.devices[t.device].id})` : '';
        violate(
          s,
          'I13',
          t.device,
          -1,
          pfn,
          `${why}: ${t.id}${dev} still maps ${hex(pfn * PAGE)}${w ? ' writable' : ''} for ${who}, who may no longer ${w ? 'write' : 'read'} it`,
        );
      }
    }
  }
}
