// The path a violating transaction took — device, stream, what in the SMMU translated it, page —
// read from the engine's state when the violation is first recorded.

import { PAGE, type SimState, type TlbEntry, type Txn, type ViolationPath } from '../model/state';

export function pathOf(s: SimState, t: Txn): ViolationPath {
  const d = s.devices[t.device];
  const iovaPage = Math.floor(t.iova / PAGE);
  const entry = t.usedTlb >= 0 ? tlbEntry(s, t.usedTlb) : undefined;
  const via: ViolationPath['via'] = t.viaBypass ? 'bypass' : t.viaAts ? 'atc' : t.usedTlb >= 0 ? 'tlb' : 'walk';
  let table: string | null = entry?.table ?? null;
  if (via === 'walk') table = s.streamTable.get(t.sid)?.table ?? null;
  const cfg = t.usedCfg >= 0 ? s.cfgCache.get(t.sid) : undefined;
  const ste = s.streamTable.get(t.sid);
  const staleSte =
    cfg !== undefined &&
    cfg.id === t.usedCfg &&
    ste !== undefined &&
    (cfg.ste.valid !== ste.valid || cfg.ste.config !== ste.config || cfg.ste.vmid !== ste.vmid || cfg.ste.table !== ste.table);
  const page = t.page >= 0 ? s.pages[t.page] : undefined;
  const programmedBy = name(s, t.programmedBy);
  const dataOf = page === undefined ? null : name(s, page.dataOf);
  const secret = page?.secret ?? false;
  return {
    device: d.id,
    sid: t.sid,
    via,
    vmid: entry?.vmid ?? (t.vmid >= 0 ? t.vmid : -1),
    iovaPage: via === 'tlb' || via === 'atc' ? iovaPage : -1,
    table,
    staleEntry: entry !== undefined && stale(s, entry),
    staleSte,
    pageIndex: page === undefined ? -1 : t.page,
    pa: page === undefined ? null : '0x' + (t.pfn * PAGE).toString(16),
    write: t.write,
    programmedBy,
    dataOf,
    secret,
    summary:
      page === undefined
        ? `${programmedBy}'s descriptor ${t.write ? 'wrote' : 'read'} through a freed table`
        : `${programmedBy}'s descriptor ${t.write ? 'wrote' : 'read'} ${page.dataOf >= 0 ? `${dataOf}'s` : 'an unowned'} ${secret ? 'secret' : 'page'}`,
  };
}

/** The TLB entry with this id, if it is still cached (looked up only when a violation is new). */
function tlbEntry(s: SimState, id: number): TlbEntry | undefined {
  for (const e of s.tlb.values()) if (e.id === id) return e;
  return undefined;
}

function stale(s: SimState, e: TlbEntry): boolean {
  const table = s.tables.get(e.table);
  if (table === undefined || table.state !== 'live') return true;
  if (table.scratch) return false;
  if (table.cpuOf >= 0) return s.endpoints[table.cpuOf].s2.get(e.iovaPage) !== e.pfn;
  const enc = table.map.get(e.iovaPage);
  return enc === undefined || Math.floor(enc / 4) !== e.pfn;
}

function name(s: SimState, i: number): string {
  return i >= 0 ? s.endpoints[i].id : 'nobody';
}
