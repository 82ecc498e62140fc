// The translation point (docs/model.md §3): what the SMMU does with a transaction when it
// arrives. The outcome depends on the SMMU's *cached* view — a stale STE or TLB entry is used as
// is — and the transaction remembers which entries it used, because a later SYNC must wait for it.
// The SMMU does not end transactions: `arrive` returns a verdict, and the engine ends an aborted
// transaction at the device (so the SMMU never calls back into the device it serves).

import { CH_DOWNSTREAM, chooseInt } from '../core/choice';
import { EV_COMMIT, EV_FAULT, schedule } from '../model/events';
import {
  NOBODY,
  PAGE,
  SCRATCH_PFN,
  type CfgEntry,
  type Device,
  type IoTable,
  type SimState,
  type Ste,
  type Txn,
  type EventName,
} from '../model/state';
import { violate } from '../invariants/violate';
import { cfgInsert, cfgLookup, tlbInsert, tlbLookup } from './caches';
// The page index is looked up once per TLB fill (or bypass) and carried to the commit.
import { pageIndex } from '../model/pages';

/**
 * What the translation point did with an arriving transaction:
 * - `translated`: its commit is scheduled;
 * - `fault-later`: it aborts once the fetch or walk that found the fault completes (an EV_FAULT is
 *   scheduled, and the engine ends it then);
 * - `fault-now`: it aborts now, and the caller ends it (faults.ts `recordFault`, then the device).
 */
export type Arrival = 'translated' | 'fault-later' | 'fault-now';

export function arrive(s: SimState, t: Txn): Arrival {
  const d = s.devices[t.device];
  const iovaPage = Math.floor(t.iova / PAGE);
  // When the translation is known: a fetch or walk this transaction starts, or one it waits for
  // (an entry exists only once the fetch or walk that fills it has completed).
  let ready = s.now;

  // ATS: a device with a cached translation, and ATS enabled at the endpoint, sends the
  // transaction already translated (SMMUv3 §3.9.1.3).
  if (d.atsEnabled) {
    const a = d.atc.get(iovaPage);
    if (a !== undefined && a.at <= ready && (!t.write || a.w)) {
      t.viaAts = true;
      // With the SMMU disabled, GBPA governs untranslated traffic only: translated traffic aborts.
      if (!s.smmu.enabled) return fail(s, t, 'F_TRANSL_FORBIDDEN', ready);
      if (s.smmu.atsCheck) {
        const c = config(s, t);
        if (c.at > ready) ready = c.at;
        const ste = c.ste;
        // An invalid STE aborts it, recorded only with SMMU_CR2.REC_CFG_ATS.
        if (!ste.valid) return fail(s, t, s.smmu.recCfgAts ? 'C_BAD_STE' : null, ready);
        if (ste.config === 'abort') return fail(s, t, null, ready);
        if (ste.config === 'bypass' || !ste.eats) return fail(s, t, 'F_TRANSL_FORBIDDEN', ready);
      }
      t.usedTlb = a.tlbId;
      return translated(s, t, a.pfn, a.page, a.authority, ready);
    }
  }

  if (!s.smmu.enabled) {
    if (s.smmu.gbpa === 'abort') return fail(s, t, null, ready);
    t.viaBypass = true;
    return translated(s, t, iovaPage, pageIndex(s, iovaPage), NOBODY, ready);
  }

  const cached = config(s, t);
  if (cached.at > ready) ready = cached.at;
  const ste: Ste = cached.ste;
  if (!ste.valid) return fail(s, t, 'C_BAD_STE', ready);
  if (ste.config === 'abort') return fail(s, t, null, ready);
  if (ste.config === 'bypass') {
    t.viaBypass = true;
    return translated(s, t, iovaPage, pageIndex(s, iovaPage), NOBODY, ready);
  }

  // Stage-2 translation faults are recorded only with STE.S2R (the STEs here never stall).
  let e = tlbLookup(s, ste.vmid, iovaPage);
  if (e === undefined) {
    let table = ste.table === null ? undefined : s.tables.get(ste.table);
    if (table === undefined) return fail(s, t, ste.s2r ? 'F_TRANSLATION' : null, ready);
    ready += s.scenario.timing.walkPerLevel * s.scenario.timing.walkLevels;
    if (table.state === 'freed') {
      const walked = walkFreed(s, t, table, ready, ste.s2r);
      if (typeof walked === 'string') return walked;
      table = walked;
    }
    let pfn: number;
    let r: boolean;
    let w: boolean;
    if (table.scratch) {
      pfn = SCRATCH_PFN;
      r = w = true;
    } else if (table.cpuOf >= 0) {
      const p = s.endpoints[table.cpuOf].s2.get(iovaPage);
      const i = p === undefined ? undefined : s.pfnToPage.get(p);
      const m = i === undefined ? 0 : s.pages[i].modes[table.cpuOf];
      if (p === undefined || (m & 1) === 0) return fail(s, t, ste.s2r ? 'F_TRANSLATION' : null, ready);
      pfn = p;
      r = (m & 8) !== 0;
      w = (m & 16) !== 0;
    } else {
      const enc = table.map.get(iovaPage);
      if (enc === undefined) return fail(s, t, ste.s2r ? 'F_TRANSLATION' : null, ready);
      pfn = Math.floor(enc / 4);
      r = (enc & 1) !== 0;
      w = (enc & 2) !== 0;
    }
    e = tlbInsert(s, { vmid: ste.vmid, iovaPage, pfn, page: pageIndex(s, pfn), r, w, table: table.id, authority: table.owner }, ready);
  } else if (e.at > ready) ready = e.at;
  t.usedTlb = e.id;
  t.vmid = e.vmid;
  if (t.write ? !e.w : !e.r) return fail(s, t, ste.s2r ? 'F_PERMISSION' : null, ready);
  // An ATS translation request is served only where the STE allows ATS (STE.EATS).
  if (d.atsEnabled && ste.eats) d.atc.set(iovaPage, { pfn: e.pfn, page: e.page, w: e.w, authority: e.authority, tlbId: e.id, at: ready });
  return translated(s, t, e.pfn, e.page, e.authority, ready);
}

/**
 * A walk through a table the hypervisor has freed: the SMMU reads whatever the memory holds now
 * (`smmu.freedTables`). Returns the table whose descriptors the walk reads, or the verdict when it
 * aborted.
 */
function walkFreed(s: SimState, t: Txn, table: IoTable, ready: number, s2r: boolean): IoTable | Arrival {
  const holds = s.smmu.freedTables;
  const reuse = holds === 'reused' && table.reusedBy !== null ? s.tables.get(table.reusedBy) : undefined;
  const read =
    holds === 'protected'
      ? 'memory the SMMU may not fetch from: external abort'
      : holds === 'zeroed'
        ? 'zeroed descriptors'
        : reuse !== undefined
          ? `the descriptors of ${reuse.id}, built in the same memory`
          : 'its old descriptors';
  violate(s, 'I4', t.device, t.id, -1, `stream ${t.sid} walked table ${table.id} after it was freed, reading ${read}`, t);
  if (holds === 'protected') return fail(s, t, 'F_WALK_EABT', ready);
  if (holds === 'zeroed') return fail(s, t, s2r ? 'F_TRANSLATION' : null, ready);
  return reuse ?? table;
}

/**
 * The cached STE for the transaction's stream, fetched on a miss. Every device's StreamIDs have an
 * STE from boot, so no transaction meets a missing one (C_BAD_STREAMID is not reachable here).
 */
function config(s: SimState, t: Txn): CfgEntry {
  let c = cfgLookup(s, t.sid);
  if (c === undefined) c = cfgInsert(s, t.sid, s.streamTable.get(t.sid)!, s.now + s.scenario.timing.cfgFetch);
  t.usedCfg = c.id;
  return c;
}

function translated(s: SimState, t: Txn, pfn: number, page: number, authority: number, ready: number): Arrival {
  t.phase = 'translated';
  t.pfn = pfn;
  t.page = page;
  t.authority = authority;
  t.translatedAt = ready;
  const [lo, hi] = s.scenario.timing.downstream;
  let commitAt = ready + chooseInt(s.choices, s.rng, CH_DOWNSTREAM, lo, hi);
  // Posted writes of one stream stay in order (PCIe without Relaxed Ordering, AXI writes of one ID):
  // downstream jitter never lets a later write land before an earlier one.
  if (t.write) {
    const d = s.devices[t.device];
    const k = d.streams.length === 1 ? 0 : d.streams.indexOf(t.sid);
    if (d.lastWrite[k] > commitAt) commitAt = d.lastWrite[k];
    d.lastWrite[k] = commitAt;
  }
  t.commitAt = commitAt;
  schedule(s, commitAt, EV_COMMIT, t.id);
  return 'translated';
}

/**
 * Abort at the translation point, at `ready` (after the fetch or walk that found the fault):
 * recorded, or suppressed when `name` is null. The fault is due now or at `ready`; either way the
 * transaction is ended by the caller.
 */
function fail(s: SimState, t: Txn, name: EventName | null, ready: number): Arrival {
  t.fault = name;
  if (ready > s.now) {
    schedule(s, ready, EV_FAULT, t.id);
    return 'fault-later';
  }
  return 'fault-now';
}

export function deviceOf(s: SimState, t: Txn): Device {
  return s.devices[t.device];
}
