// IOMMU (stage-2) tables and VMIDs. A table is `building` until an STE points at it, `live` while
// one does, `retired` after the last STE moved away, and `freed` once the hypervisor frees it.

import { hex, log } from '../model/log';
import { NOBODY, PAGE, R, V, W, type IoTable, type SimState } from '../model/state';
import { violate } from '../invariants/violate';
import { ipaPageOf } from '../model/pages';
import { mappingsWillChange } from './prefetch';

export function createTable(s: SimState, owner: number, device: number, opts: Partial<IoTable> = {}): IoTable {
  const id = opts.cpuOf !== undefined && opts.cpuOf >= 0 ? `S2:${s.endpoints[opts.cpuOf].id}` : `T${s.nextTable++}`;
  const existing = s.tables.get(id);
  if (existing) return existing;
  const t: IoTable = {
    id,
    vmid: 0,
    owner,
    device,
    state: 'building',
    cpuOf: NOBODY,
    scratch: false,
    map: new Map(),
    reusedBy: null,
    ...opts,
  };
  s.tables.set(id, t);
  // The allocator hands out the most recently freed table memory first: a walk through the freed
  // table now reads this table's descriptors (what `freedTables: reused` shows).
  if (t.cpuOf < 0 && !t.scratch) {
    const freed = s.freedUnused.pop();
    if (freed !== undefined) s.tables.get(freed)!.reusedBy = id;
  }
  return t;
}

export function encodeEntry(pfn: number, r: boolean, w: boolean): number {
  return pfn * 4 + (r ? 1 : 0) + (w ? 2 : 0);
}

/** Maps every page `ep` can access now, at `ep`'s IPAs (a per-device view of the owner's memory). */
export function fillFromOwner(s: SimState, t: IoTable, ep: number): void {
  for (const [ipaPage, pfn] of s.endpoints[ep].s2) {
    const i = s.pfnToPage.get(pfn);
    if (i === undefined) continue;
    const m = s.pages[i].modes[ep];
    if ((m & V) === 0) continue;
    t.map.set(ipaPage, encodeEntry(pfn, (m & R) !== 0, (m & W) !== 0));
  }
}

/** Maps one region's pages where `ep` sees them, with `ep`'s permissions. Returns pages mapped. */
export function mapRegion(s: SimState, t: IoTable, ep: number, region: number): number {
  const r = s.regions[region];
  let n = 0;
  for (let i = 0; i < r.pages; i++) {
    const page = s.pages[r.firstPage + i];
    const m = page.modes[ep];
    if ((m & V) === 0) continue;
    let ipaPage = ipaPageOf(s, ep, page.pfn);
    if (ipaPage < 0) ipaPage = r.ipa / PAGE + i;
    if (t.map.has(ipaPage)) mappingsWillChange(s, t, [ipaPage]);
    t.map.set(ipaPage, encodeEntry(page.pfn, (m & R) !== 0, (m & W) !== 0));
    n++;
  }
  return n;
}

/**
 * The VMID for a new device table: the lowest one not in use at or above the base — so a VMID freed
 * by a retired table is handed out again, which is safe only after TLBI_S12_VMALL + SYNC. Under the
 * `reuse-vmid` mutation every table takes its owner's own VMID instead (Hafnium's scheme), so
 * tables of one VM alias in the TLB.
 */
export function chooseVmid(s: SimState, t: IoTable): number {
  const owner = s.endpoints[t.owner];
  if (s.mutations.has('reuse-vmid') && (owner.kind === 'vm' || owner.kind === 'sp')) {
    assignVmid(s, t, owner.vmid);
    return owner.vmid;
  }
  return allocVmid(s, t);
}

/** The lowest VMID not in use at or above the base. */
export function allocVmid(s: SimState, t: IoTable): number {
  let v = s.vmidBase;
  while (s.vmidsInUse.has(v)) v++;
  assignVmid(s, t, v);
  return v;
}

/** Gives a table a VMID, checking the TLB for entries another table left under it (I5). */
export function assignVmid(s: SimState, t: IoTable, vmid: number): void {
  let stale = 0;
  let from = '';
  for (const e of s.tlb.values()) {
    if (e.vmid === vmid && e.table !== t.id) {
      stale++;
      from = e.table;
    }
  }
  if (stale > 0) {
    violate(
      s,
      'I5',
      t.device,
      -1,
      -1,
      `VMID ${vmid} given to ${t.id} while the TLB still holds ${stale} entr${stale === 1 ? 'y' : 'ies'} from ${from} (no TLBI_S12_VMALL + SYNC)`,
    );
  }
  t.vmid = vmid;
  s.vmidsInUse.set(vmid, t.id);
}

export function freeVmid(s: SimState, t: IoTable): void {
  if (s.vmidsInUse.get(t.vmid) === t.id) s.vmidsInUse.delete(t.vmid);
}

/** Frees a table, checking that nothing still refers to it (I4). */
export function freeTable(s: SimState, t: IoTable): void {
  if (t.state === 'freed') return;
  const refs: string[] = [];
  for (const ste of s.streamTable.values()) if (ste.valid && ste.config === 's2' && ste.table === t.id) refs.push(`STE ${ste.sid}`);
  for (const c of s.cfgCache.values()) if (c.ste.valid && c.ste.config === 's2' && c.ste.table === t.id) refs.push(`cached STE ${c.sid}`);
  let tlb = 0;
  for (const e of s.tlb.values()) if (e.table === t.id) tlb++;
  if (tlb > 0) refs.push(`${tlb} TLB entr${tlb === 1 ? 'y' : 'ies'}`);
  if (refs.length > 0) {
    violate(
      s,
      'I4',
      t.device,
      -1,
      -1,
      `table ${t.id} freed while ${refs.join(', ')} still refer${refs.length === 1 && tlb !== 1 && !refs[0].includes('TLB') ? 's' : ''} to it`,
    );
  }
  t.state = 'freed';
  s.freedUnused.push(t.id);
  log(s, 'note', `table ${t.id} (VMID ${t.vmid}) freed`, -1);
}

export function describeEntry(iovaPage: number, e: number): string {
  const pfn = Math.floor(e / 4);
  return `${hex(iovaPage * PAGE)} → ${hex(pfn * PAGE)} ${(e & 1) !== 0 ? 'R' : ''}${(e & 2) !== 0 ? 'W' : ''}`;
}
