// I3: a page may leave an endpoint's access only when that endpoint's devices have no uncommitted
// transaction to it and no cached translation (TLB or ATC) of it. A device shared between two
// endpoints (P5) is driven by both: its table's translations count for each of them.

import { hex } from '../model/log';
import { PAGE, type SimState } from '../model/state';
import { violate } from './violate';

/** The endpoints that can drive DMA through a table: its owner, and whoever a device using it is shared with. */
function drivers(s: SimState, tableId: string, owner: number): number[] {
  const out = [owner];
  for (const d of s.devices) if (d.assign === 'shared' && d.table === tableId && d.pendingFor >= 0) out.push(d.pendingFor);
  return out;
}

export function checkLeaving(s: SimState, e: number, pages: number[], why: string): void {
  const pfns = new Set(pages.map((i) => s.pages[i].pfn));
  const name = s.endpoints[e].id;
  for (const t of s.txns.values()) {
    if (t.phase === 'translated' && (t.ownerAtIssue === e || t.programmedBy === e) && pfns.has(t.pfn)) {
      violate(
        s,
        'I3',
        t.device,
        t.id,
        t.pfn,
        `${why}: ${s.devices[t.device].id}'s transaction ${t.id} to ${hex(t.pfn * PAGE)} has not committed yet`,
      );
    }
  }
  for (const en of s.tlb.values()) {
    if (pfns.has(en.pfn) && (en.authority === e || drivers(s, en.table, en.authority).includes(e))) {
      const t = s.tables.get(en.table);
      violate(
        s,
        'I3',
        t ? t.device : -1,
        -1,
        en.pfn,
        `${why}: the TLB still translates ${hex(en.iovaPage * PAGE)} → ${hex(en.pfn * PAGE)} for ${name} (VMID ${en.vmid}, ${en.table})`,
      );
    }
  }
  s.devices.forEach((d, di) => {
    const sharedWith = d.assign === 'shared' ? d.pendingFor : -1;
    for (const a of d.atc.values()) {
      if ((a.authority === e || sharedWith === e) && pfns.has(a.pfn)) {
        violate(s, 'I3', di, -1, a.pfn, `${why}: ${d.id}'s ATC still translates to ${hex(a.pfn * PAGE)} for ${name}`);
      }
    }
  });
}
