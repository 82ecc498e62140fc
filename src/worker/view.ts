// What the app draws, read from the engine's state: plain data a frame can carry. Built in the
// worker (or the in-process host) — the main thread never touches the engine.

import { EVENT_NUMBERS, SCRATCH_PFN, describeCmd, type SimState, type Txn } from '../sim';
import { faultCode, FLAG, PAGE, PHASE, TX } from './frameFormat';

export interface EndpointView {
  id: string;
  name: string;
  kind: string;
  vmid: number;
  lifecycle: 'running' | 'aborted';
}

export interface RegionView {
  id: string;
  name: string;
  owner: number;
  firstPage: number;
  pages: number;
  pa: number;
  ipa: number;
}

export interface PageView {
  owner: number;
  kind: string;
  /** Mode bits (V O X R W) per endpoint index. */
  modes: number[];
  dataOf: number;
  secret: boolean;
  /** Who programmed the last DMA write that landed here (endpoint index), or -1. */
  lastWriteBy: number;
  lastWriteDevice: number;
}

export interface DescriptorView {
  iova: number;
  pages: number;
  dir: 'read' | 'write';
  loop: boolean;
  every: number;
  programmedBy: number;
  done: boolean;
}

export interface DeviceView {
  id: string;
  name: string;
  streams: number[];
  group: string;
  owner: number;
  dmaOwner: number;
  assign: string;
  pendingFor: number;
  busMaster: boolean;
  paused: boolean;
  resetting: boolean;
  resetBehaviour: string;
  ats: boolean;
  atc: { iovaPage: number; pfn: number; w: boolean; authority: number }[];
  outstanding: number;
  maxOutstanding: number;
  descriptors: DescriptorView[];
  table: string | null;
  enabledBy: number;
}

export interface SteView {
  sid: number;
  device: number;
  valid: boolean;
  config: string;
  vmid: number;
  table: string | null;
}

export interface CfgView extends SteView {
  /** The cached copy differs from the STE in memory (it was written but not invalidated). */
  stale: boolean;
}

export interface TlbEntryView {
  iovaPage: number;
  pfn: number;
  r: boolean;
  w: boolean;
  table: string;
  /** Its table is no longer live, or no longer maps this page to this PFN. */
  stale: boolean;
}

export interface TlbGroupView {
  vmid: number;
  count: number;
  /** Entries of this group that are stale, shown or not. */
  stale: number;
  entries: TlbEntryView[];
}

export interface TableView {
  id: string;
  vmid: number;
  owner: number;
  device: number;
  state: string;
  mapped: number;
  scratch: boolean;
  cpuOf: number;
  /** Indices of the regions it maps at least one page of. */
  regions: number[];
}

export interface SmmuView {
  enabled: boolean;
  gbpa: string;
  unassigned: string;
  atsCheck: boolean;
  ste: SteView[];
  cfg: CfgView[];
  tlb: TlbGroupView[];
  cmdq: { queue: string[]; length: number; waitingSync: boolean; drain: number; atcPending: number; consumed: number };
  eventq: {
    records: { t: number; name: string; number: number; sid: number; addr: number; write: boolean }[];
    count: number;
    capacity: number;
    overflow: boolean;
    dropped: number;
  };
}

export interface SimView {
  now: number;
  endpoints: EndpointView[];
  regions: RegionView[];
  pages: PageView[];
  devices: DeviceView[];
  smmu: SmmuView;
  tables: TableView[];
  job: { op: string; device: string; step: number; steps: number; state: string } | null;
  counters: SimState['counters'];
  inFlight: number;
}

/** Entries shown per TLB group / queue: the panel shows counts beyond these. */
const SHOWN = 12;

export function buildView(s: SimState): SimView {
  const sameSte = (a: SteView, b: SteView | undefined) =>
    b !== undefined && a.valid === b.valid && a.config === b.config && a.vmid === b.vmid && a.table === b.table;
  const ste = [...s.streamTable.values()].map((e) => ({
    sid: e.sid,
    device: e.device,
    valid: e.valid,
    config: e.config,
    vmid: e.vmid,
    table: e.table,
  }));
  ste.sort((a, b) => a.sid - b.sid);
  const cfg = [...s.cfgCache.values()].map((c) => {
    const v = { sid: c.sid, device: c.ste.device, valid: c.ste.valid, config: c.ste.config, vmid: c.ste.vmid, table: c.ste.table };
    return { ...v, stale: !sameSte(v, s.streamTable.get(c.sid)) };
  });
  cfg.sort((a, b) => a.sid - b.sid);

  const groups = new Map<number, TlbGroupView>();
  for (const e of s.tlb.values()) {
    let g = groups.get(e.vmid);
    if (g === undefined) groups.set(e.vmid, (g = { vmid: e.vmid, count: 0, stale: 0, entries: [] }));
    g.count++;
    // Every entry is checked, shown or not: the count of stale ones covers the whole group.
    const table = s.tables.get(e.table);
    const enc = table?.map.get(e.iovaPage);
    const live = table !== undefined && table.state === 'live';
    const current =
      table !== undefined &&
      (table.cpuOf >= 0
        ? s.endpoints[table.cpuOf].s2.get(e.iovaPage) === e.pfn
        : table.scratch || (enc !== undefined && Math.floor(enc / 4) === e.pfn));
    const stale = !(live && current);
    if (stale) g.stale++;
    if (g.entries.length < SHOWN) g.entries.push({ iovaPage: e.iovaPage, pfn: e.pfn, r: e.r, w: e.w, table: e.table, stale });
  }

  const running = s.runningJob >= 0 ? s.jobs.get(s.runningJob) : undefined;
  const job = running
    ? {
        op: running.op.op,
        device: running.device >= 0 ? s.devices[running.device].id : '',
        step: running.pc,
        steps: running.steps.length,
        state: running.state,
      }
    : null;

  return {
    now: s.now,
    endpoints: s.endpoints.map((e) => ({ id: e.id, name: e.name, kind: e.kind, vmid: e.vmid, lifecycle: e.lifecycle })),
    regions: s.regions.map((r, i) => ({
      id: r.id,
      name: s.scenario.memory[i]?.name ?? r.id,
      owner: r.owner,
      firstPage: r.firstPage,
      pages: r.pages,
      pa: r.pa,
      ipa: r.ipa,
    })),
    pages: s.pages.map((p) => ({
      owner: p.owner,
      kind: p.kind,
      modes: p.modes.slice(),
      dataOf: p.dataOf,
      secret: p.secret,
      lastWriteBy: p.lastDmaWriter?.by ?? -1,
      lastWriteDevice: p.lastDmaWriter?.device ?? -1,
    })),
    devices: s.devices.map((d) => ({
      id: d.id,
      name: d.name,
      streams: d.streams.slice(), // a copy: the view must not share the engine's state (viewDelta.ts keeps the last one)
      group: d.group,
      owner: d.owner,
      dmaOwner: d.dmaOwner,
      assign: d.assign,
      pendingFor: d.pendingFor,
      busMaster: d.busMaster,
      paused: d.paused,
      resetting: d.resetting,
      resetBehaviour: d.resetBehaviour,
      ats: d.ats,
      atc: [...d.atc.entries()].slice(0, SHOWN).map(([iovaPage, a]) => ({ iovaPage, pfn: a.pfn, w: a.w, authority: a.authority })),
      outstanding: d.outstanding,
      maxOutstanding: d.maxOutstanding,
      descriptors: d.descriptors.map((x) => ({
        iova: x.iova,
        pages: x.pages,
        dir: x.dir,
        loop: x.loop,
        every: x.every,
        programmedBy: x.programmedBy,
        done: x.done,
      })),
      table: d.table,
      enabledBy: d.enabledBy,
    })),
    smmu: {
      enabled: s.smmu.enabled,
      gbpa: s.smmu.gbpa,
      unassigned: s.smmu.unassigned,
      atsCheck: s.smmu.atsCheck,
      ste,
      cfg,
      tlb: [...groups.values()].sort((a, b) => a.vmid - b.vmid),
      cmdq: {
        queue: s.cmdq.queue.slice(0, SHOWN).map(describeCmd),
        length: s.cmdq.queue.length,
        waitingSync: s.cmdq.waitingSync >= 0,
        drain: s.cmdq.drain.size,
        atcPending: s.cmdq.atcPending,
        consumed: s.cmdq.consumed,
      },
      eventq: {
        records: s.eventq.records
          .slice(-SHOWN)
          .map((r) => ({ t: r.t, name: r.name, number: EVENT_NUMBERS[r.name], sid: r.sid, addr: r.addr, write: r.write })),
        count: s.eventq.records.length,
        capacity: s.eventq.capacity,
        overflow: s.eventq.ovflg !== s.eventq.ovackflg,
        dropped: s.counters.dropped,
      },
    },
    tables: [...s.tables.values()].map((t) => {
      const regions = new Set<number>();
      const pfns = t.cpuOf >= 0 ? s.endpoints[t.cpuOf].s2.values() : [...t.map.values()].map((enc) => Math.floor(enc / 4));
      for (const pfn of pfns) {
        const i = s.pfnToPage.get(pfn);
        if (i !== undefined && (t.cpuOf < 0 || (s.pages[i].modes[t.cpuOf] & 1) !== 0)) regions.add(s.pages[i].region);
      }
      const mapped = t.cpuOf >= 0 ? s.endpoints[t.cpuOf].s2.size : t.map.size;
      return {
        id: t.id,
        vmid: t.vmid,
        owner: t.owner,
        device: t.device,
        state: t.state,
        mapped,
        scratch: t.scratch,
        cpuOf: t.cpuOf,
        regions: [...regions].sort((a, b) => a - b),
      };
    }),
    job,
    counters: { ...s.counters },
    inFlight: s.txns.size,
  };
}

// ---- In-flight transactions, packed for transfer (frameFormat.ts) ---------------------------------

export function packTxns(
  list: Iterable<Txn>,
  count: number,
  alloc: (length: number) => Float64Array = (n) => new Float64Array(n),
): Float64Array {
  const a = alloc(count * TX.stride);
  let o = 0;
  for (const t of list) {
    if (o >= a.length) break;
    a[o + TX.id] = t.id;
    a[o + TX.device] = t.device;
    a[o + TX.programmedBy] = t.programmedBy;
    a[o + TX.phase] = PHASE[t.phase];
    a[o + TX.issuedAt] = t.issuedAt;
    a[o + TX.arriveAt] = t.arriveAt;
    a[o + TX.translatedAt] = t.translatedAt;
    a[o + TX.commitAt] = t.commitAt;
    a[o + TX.page] = t.pfn === SCRATCH_PFN ? PAGE.scratch : t.page;
    a[o + TX.fault] = faultCode(t.phase === 'aborted', t.fault);
    a[o + TX.flags] =
      (t.write ? FLAG.write : 0) | (t.viaAts ? FLAG.viaAts : 0) | (t.viaBypass ? FLAG.bypass : 0) | (t.broke ? FLAG.leak : 0);
    o += TX.stride;
  }
  a.fill(0, o); // an array on a reused buffer holds the last frame's values beyond what was written
  return a;
}
