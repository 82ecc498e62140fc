// I3: a page may leave an endpoint's access only when that endpoint's devices have no uncommitted
// transaction to it and no cached translation (TLB or ATC) of it.

import { hex } from '../model/log';
import { PAGE, type SimState } from '../model/state';
import { violate } from './violate';

export function checkLeaving(s: SimState, e: number, pages: number[], why: string): void {
  const pfns = new Set(pages.map((i) => s.pages[i].pfn));
  const name = s.endpoints[e].id;
  for (const t of s.txns.values()) {
    if (t.phase === 'translated' && t.ownerAtIssue === e && pfns.has(t.pfn)) {
      violate(s, 'I3', t.device, t.id, t.pfn, `${why}: ${s.devices[t.device].id}'s transaction ${t.id} to ${hex(t.pfn * PAGE)} has not committed yet`);
    }
  }
  for (const en of s.tlb.values()) {
    if (en.authority === e && pfns.has(en.pfn)) {
      const t = s.tables.get(en.table);
      violate(s, 'I3', t ? t.device : -1, -1, en.pfn, `${why}: the TLB still translates ${hex(en.iovaPage * PAGE)} → ${hex(en.pfn * PAGE)} for ${name} (VMID ${en.vmid}, ${en.table})`);
    }
  }
  s.devices.forEach((d, di) => {
    for (const a of d.atc.values()) {
      if (a.authority === e && pfns.has(a.pfn)) {
        violate(s, 'I3', di, -1, a.pfn, `${why}: ${d.id}'s ATC still translates to ${hex(a.pfn * PAGE)} for ${name}`);
      }
    }
  });
}
