// What each hypervisor step does to the model (docs/model.md §10). A step returns how many ticks the
// hypervisor spends on it, or that it must wait (for a SYNC, or for the receiver).

import { hex, log } from '../model/log';
import { EV_RESET_DONE, schedule } from '../model/events';
import { HYP, NOBODY, PAGE, QUARANTINE, type IoTable, type Job, type SimState, type Ste } from '../model/state';
import type { StepSpec, TableRef, WhoRef } from '../model/scenario';
import { createTable, allocVmid, chooseVmid, fillFromOwner, freeTable, freeVmid, mapRegion, encodeEntry } from '../smmu/tables';
import { enqueue } from '../smmu/commandQueue';
import { mappingsWillChange, steWillChange } from '../smmu/prefetch';
import { cfgInsert } from '../smmu/caches';
import { descriptorState, wake } from '../device/dma';
import { afterSteWrite } from '../invariants/config';
import { abortMemory, applyFfa } from '../memory/ffa';

/** `stop`: the step failed and the operation ends here, refused with this reason (RSI_ERROR_DEVICE). */
export type StepResult = { cost: number } | { wait: 'sync' | 'receiver' } | { stop: string };
export type ExecStep = StepSpec & { sid?: number; device?: number; completesHandover?: boolean };

export function who(job: Job, w: WhoRef): number {
  switch (w) {
    case 'to':
      return job.to;
    case 'from':
      return job.from;
    case 'hyp':
      return HYP;
    case 'quarantine':
      return QUARANTINE;
    default:
      return NOBODY;
  }
}

export function tableOf(s: SimState, job: Job, di: number, ref: TableRef | undefined): IoTable | undefined {
  let id: string | null | undefined;
  switch (ref ?? 'new') {
    case 'old':
      id = job.old[di];
      break;
    case 'new':
      id = job.fresh[di];
      break;
    case 'device':
      id = s.devices[di].table;
      break;
    case 'scratch':
      return scratchTable(s);
    case 'owner-cpu':
      // The receiving endpoint's CPU stage-2 (P0); an operation without a receiver has none.
      return job.to >= 2 ? cpuTable(s, job.to) : undefined;
  }
  return id ? s.tables.get(id) : undefined;
}

export function cpuTable(s: SimState, ep: number): IoTable {
  const t = createTable(s, ep, NOBODY, { cpuOf: ep, state: 'live' });
  if (t.vmid === 0) {
    t.vmid = s.endpoints[ep].vmid;
    s.vmidsInUse.set(t.vmid, t.id);
  }
  return t;
}

function scratchTable(s: SimState): IoTable {
  const existing = s.tables.get('SCRATCH');
  if (existing) return existing;
  const t: IoTable = {
    id: 'SCRATCH',
    vmid: 0,
    owner: QUARANTINE,
    device: NOBODY,
    state: 'building',
    cpuOf: NOBODY,
    scratch: true,
    map: new Map(),
    reusedBy: null,
  };
  s.tables.set(t.id, t);
  allocVmid(s, t);
  return t;
}

export function describeStep(s: SimState, job: Job, st: ExecStep): string {
  const d = st.device !== undefined ? s.devices[st.device] : undefined;
  const tname = (ref: TableRef | undefined) => (d ? (tableOf(s, job, st.device!, ref)?.id ?? '—') : '—');
  switch (st.kind) {
    case 'steWrite':
      return `steWrite(${st.sid}, V=${st.valid ? 1 : 0} ${st.config}${st.config === 's2' ? ' → ' + tname(st.table) : ''})`;
    case 'cmd':
      return st.cmd === 'CFGI_STE' || st.cmd === 'ATC_INV'
        ? `cmd ${st.cmd}(${st.sid})`
        : `cmd ${st.cmd}${st.cmd === 'TLBI_NSNH_ALL' || st.cmd === 'CFGI_ALL' ? '' : '(' + tname(st.table ?? 'old') + ')'}`;
    case 'sync':
      return 'sync';
    case 'busMaster':
      return `busMaster(${d?.id}, ${st.on ? 'on' : 'off'})`;
    case 'reset':
      return `reset(${d?.id})`;
    case 'setOwner':
      return `setOwner(${d?.id} → ${who(job, st.to) >= 0 ? s.endpoints[who(job, st.to)].id : 'nobody'}, ${st.state})`;
    case 'tableCreate':
      return `tableCreate(${st.fill} for ${who(job, st.for) >= 0 ? s.endpoints[who(job, st.for)].id : 'nobody'})`;
    case 'tableMap':
      return `tableMap(${tname(st.table)}, ${st.region})`;
    case 'tableUnmap':
      return `tableUnmap(${tname(st.table)}, ${st.pages})`;
    case 'tableFree':
      return `tableFree(${tname(st.table)})`;
    case 'vmidAlloc':
      return `vmidAlloc(${tname(st.table)})`;
    case 'vmidFree':
      return `vmidFree(${tname(st.table)})`;
    case 'awaitReceiver':
      return `awaitReceiver(${st.what})`;
    default:
      return st.kind;
  }
}

export function execStep(s: SimState, job: Job, st: ExecStep): StepResult {
  const T = s.scenario.timing;
  /** A step that names nothing it can act on: an error in the log, and the step does nothing. */
  const unresolved = (why: string): StepResult => {
    log(s, 'opError', `step ${describeStep(s, job, st)} not done: ${why}`, job.opIndex, 'STEP_UNRESOLVED');
    return { cost: 0 };
  };
  const di = st.device ?? job.device;
  const d = di >= 0 ? s.devices[di] : undefined;
  switch (st.kind) {
    case 'steWrite': {
      const ste = s.streamTable.get(st.sid!);
      if (!ste) return unresolved(`no STE for stream ${st.sid}`);
      const config = st.config === 'unassigned' ? s.smmu.unassigned : st.config;
      // The STE's words: V and Config in one, the VMID and the table pointer in others. A write
      // without a table changes only the first; naming a table (or config s2) writes the others too.
      const writesTable = config === 's2' || st.table !== undefined;
      const table = writesTable ? tableOf(s, job, di, st.table) : undefined;
      if (writesTable && table === undefined)
        return unresolved(`table "${st.table ?? 'new'}" resolves to no table for ${d?.id ?? 'the device'}`);
      const before = ste.table;
      steWillChange(s, st.sid!);
      const tornFrom =
        table !== undefined && st.valid && config === 's2' && (ste.table !== table.id || ste.vmid !== table.vmid)
          ? { table: ste.table, vmid: ste.vmid }
          : null;
      ste.valid = st.valid;
      ste.config = config;
      if (table !== undefined) {
        ste.table = table.id;
        ste.vmid = table.vmid;
        ste.eats = st.eats ?? d?.ats ?? false;
      }
      ste.s2r = s.s2Record;
      // As Linux attaches a master: ATS is enabled at the endpoint once its STE allows it.
      if (st.valid && config === 's2' && ste.eats && d !== undefined && d.ats) d.atsEnabled = true;
      if (tornFrom !== null) tornSte(s, ste, tornFrom);
      if (table && table.cpuOf >= 0 && d !== undefined) d.table = table.id;
      if (table && st.valid && table.state === 'building') table.state = 'live';
      // A device nobody's DMA acted for (unowned, held, quarantined) now translates through this
      // table: from here on its DMA acts for the table's owner. A hand-over between two owners
      // moves this at its completing SYNC instead (executor.ts), after the old tenure drains.
      if (table && st.valid && d !== undefined && d.dmaOwner < 2 && table.owner >= 2) d.dmaOwner = table.owner;
      if (before && before !== ste.table) retireIfUnused(s, before);
      afterSteWrite(s, di);
      return { cost: T.steWrite };
    }
    case 'cmd': {
      const c = st.cmd;
      if (c === 'CFGI_STE' || c === 'ATC_INV') enqueue(s, c, { sid: st.sid });
      else if (c === 'CFGI_ALL' || c === 'TLBI_NSNH_ALL') enqueue(s, c);
      else {
        const t = tableOf(s, job, di, st.table ?? 'old');
        if (!t) return unresolved(`table "${st.table ?? 'old'}" resolves to no table for ${d?.id ?? 'the device'}: nothing to invalidate`);
        if (c === 'TLBI_S12_VMALL') enqueue(s, c, { vmid: t.vmid });
        else for (const p of job.revokedIova) enqueue(s, c, { vmid: t.vmid, iovaPage: p });
      }
      // Writing a command and ringing the doorbell is quick; the SMMU consumes the queue at its
      // own pace (`cmd` ticks a command), so without a SYNC the hypervisor runs ahead of it.
      return { cost: 1 };
    }
    case 'sync':
      enqueue(s, 'SYNC', { job: job.id });
      return { wait: 'sync' };
    case 'busMaster':
      if (d === undefined) return unresolved('the operation names no device');
      d.busMaster = st.on;
      if (st.on) wake(s, di);
      return { cost: 1 };
    case 'reset':
      if (d === undefined) return unresolved('the operation names no device');
      startReset(s, di);
      return { cost: T.reset };
    case 'setOwner': {
      if (d === undefined) return unresolved('the operation names no device');
      const to = who(job, st.to);
      d!.owner = to;
      d!.assign = st.state;
      if (st.state === 'assigned' || st.state === 'shared' || st.state === 'unassigned') d!.dmaOwner = to;
      d!.pendingFor = st.state === 'assigned' || st.state === 'unassigned' ? NOBODY : job.to;
      if (st.state === 'lent') d!.lender = job.from;
      return { cost: 1 };
    }
    case 'tableCreate': {
      const owner = who(job, st.for);
      if (d === undefined) return unresolved('the operation names no device');
      if (owner < 0 && st.fill !== 'scratch') return unresolved(`"${st.for}" names no endpoint in this operation`);
      if (st.fill === 'shared' && (job.from < 0 || job.to < 0)) return unresolved('a shared table needs both a sender and a receiver');
      if (st.fill === 'scratch') {
        job.fresh[di] = scratchTable(s).id;
        return { cost: 1 };
      }
      const t = createTable(s, owner, di);
      if (st.fill === 'owner') fillFromOwner(s, t, owner);
      else if (st.fill === 'shared') fillShared(s, t, job.from, job.to);
      job.fresh[di] = t.id;
      d!.table = t.id;
      return { cost: 1 };
    }
    case 'tableMap': {
      const t = tableOf(s, job, di, st.table ?? 'device');
      const r = s.regions.findIndex((x) => x.id === st.region);
      if (!t) return unresolved(`table "${st.table ?? 'device'}" resolves to no table`);
      if (r < 0) return unresolved(`no region ${st.region}`);
      if (job.to < 0) return unresolved('the operation has no receiver whose access to map');
      if (t.cpuOf >= 0) return unresolved(`${t.id} is a CPU stage-2, not a device table`);
      mapRegion(s, t, job.to, r);
      return { cost: 1 };
    }
    case 'tableUnmap': {
      const t = tableOf(s, job, di, st.table ?? 'device');
      if (!t) return unresolved(`table "${st.table ?? 'device'}" resolves to no table`);
      if (t.cpuOf >= 0) return unresolved(`${t.id} is a CPU stage-2, not a device table`);
      if (st.pages === 'all') {
        mappingsWillChange(s, t);
        t.map.clear();
      } else {
        const gone = new Set(job.revokedPages);
        for (const [iovaPage, enc] of t.map) if (gone.has(Math.floor(enc / 4))) job.revokedIova.push(iovaPage);
        mappingsWillChange(s, t, job.revokedIova);
        for (const iovaPage of job.revokedIova) t.map.delete(iovaPage);
      }
      return { cost: 1 };
    }
    case 'tableFree': {
      const t = tableOf(s, job, di, st.table);
      if (!t) return unresolved(`table "${st.table}" resolves to no table`);
      // A CPU stage-2 (P0) and the scratch table outlive the device: nothing to free.
      if (t.cpuOf < 0 && !t.scratch) {
        freeTable(s, t);
        if (d && d.table === t.id) d.table = null;
      }
      return { cost: 1 };
    }
    case 'vmidAlloc': {
      const t = tableOf(s, job, di, st.table);
      if (!t) return unresolved(`table "${st.table}" resolves to no table`);
      if (t.cpuOf < 0) chooseVmid(s, t);
      return { cost: 1 };
    }
    case 'vmidFree': {
      const t = tableOf(s, job, di, st.table);
      if (!t) return unresolved(`table "${st.table}" resolves to no table`);
      if (t.cpuOf < 0) freeVmid(s, t);
      return { cost: 1 };
    }
    case 'awaitReceiver':
      return { wait: 'receiver' };
    case 'lock':
    case 'measure':
      if (d === undefined) return unresolved('the operation names no device');
      if (st.kind === 'lock') d.tdisp = 'locked';
      d!.nonce = ++s.nonceCounter;
      log(s, 'note', `${d!.id} ${st.kind === 'lock' ? 'locked' : 'measured'}: nonce ${d!.nonce}`, job.opIndex);
      return { cost: 1 };
    case 'start':
      // TDISP START_INTERFACE: a locked interface moves to RUN; a reset since the lock leaves it
      // unlocked, and it does not start.
      if (d === undefined) return unresolved('the operation names no device');
      // START_INTERFACE on an interface that is not locked fails, and DMA is never enabled on it.
      if (d.tdisp !== 'locked') return { stop: `START_INTERFACE refused: ${d.id}'s interface is not locked (a reset unlocked it)` };
      d.tdisp = 'run';
      log(s, 'note', `${d.id} started (TDISP RUN)`, job.opIndex);
      return { cost: 1 };
    case 'ffaCommit':
      // A partition abort takes the partition's memory back here; other jobs apply their FF-A operation.
      if (job.op.op === 'abort') abortMemory(s, job.from);
      else applyFfa(s, job.op, job.opIndex);
      return { cost: 1 };
  }
}

/**
 * An STE written valid with a new table in the same write as its V/Config word: the SMMU need not
 * observe its words in order (SMMUv3 §3.21.3.1), so until a CFGI + SYNC it may hold the STE torn —
 * the new VMID with the old table pointer, whose walks fill the TLB under the new VMID with the old
 * table's translations (or, with no old table, the new table under the old VMID).
 */
function tornSte(s: SimState, ste: Ste, old: { table: string | null; vmid: number }): void {
  if (s.smmu.retention > 0 || !s.smmu.enabled) return;
  const torn = old.table !== null && old.table !== ste.table ? { table: old.table, vmid: ste.vmid } : { table: ste.table, vmid: old.vmid };
  const e = cfgInsert(s, ste.sid, { ...ste, ...torn });
  log(
    s,
    'note',
    `STE ${ste.sid} made valid with a new table in one write: until CFGI + SYNC the SMMU may hold it torn (VMID ${torn.vmid} with ${torn.table ?? 'no table'}, cache entry ${e.id})`,
    -1,
    'TORN_STE',
  );
}

function retireIfUnused(s: SimState, id: string): void {
  const t = s.tables.get(id);
  if (!t || t.state !== 'live' || t.cpuOf >= 0) return;
  for (const ste of s.streamTable.values()) if (ste.table === id && ste.valid) return;
  t.state = 'retired';
}

/** Pages FF-A-shared between two endpoints (both have access), mapped at `a`'s IPAs. */
function fillShared(s: SimState, t: IoTable, a: number, b: number): void {
  for (const [ipaPage, pfn] of s.endpoints[a].s2) {
    const i = s.pfnToPage.get(pfn);
    if (i === undefined) continue;
    const ma = s.pages[i].modes[a];
    const mb = s.pages[i].modes[b];
    if (ma & 1 && mb & 1) t.map.set(ipaPage, encodeEntry(pfn, (ma & mb & 8) !== 0, (ma & mb & 16) !== 0));
  }
}

/** A device reset (a policy's step or a script's operation). */
export function startReset(s: SimState, di: number): void {
  const d = s.devices[di];
  d.resetting = true;
  if (d.resetBehaviour !== 'ignores-reset') {
    d.descriptors = [];
    d.programmedBy = NOBODY;
    d.paused = false;
  }
  d.nonce = ++s.nonceCounter; // a device change voids attestation nonces (P8)
  // A function-level reset clears ATS Enable and empties the ATC; a non-compliant device keeps both.
  if (d.ats && d.atcOnReset === 'flush') {
    d.atsEnabled = false;
    d.atc.clear();
  }
  d.tdisp = 'unlocked'; // and a reset takes a TDISP interface out of LOCKED / RUN
  if (!d.hasDma) d.resetSinceDmaLost = true;
  log(s, 'note', `${d.id} reset started (${d.resetBehaviour})`, -1);
  schedule(s, s.now + s.scenario.timing.reset, EV_RESET_DONE, di);
}

export function onResetDone(s: SimState, di: number): void {
  const d = s.devices[di];
  d.resetting = false;
  if (d.resetBehaviour === 'retries-after-reset' && d.faultedReads.length > 0) {
    // The device replays the reads that faulted before the reset (Xen's scratch-page motivation).
    for (const f of d.faultedReads) {
      d.descriptors.push(
        descriptorState({ iova: f.iova, pages: 1, dir: 'read', loop: false, every: s.scenario.timing.issue }, f.by, s.now),
      );
    }
    log(
      s,
      'note',
      `${d.id} retries ${d.faultedReads.length} faulted read(s) after reset: ${d.faultedReads.map((f) => hex(f.iova)).join(', ')}`,
      -1,
    );
    d.faultedReads = [];
  }
  log(s, 'note', `${d.id} reset done`, -1);
  wake(s, di);
}

export const PAGE_SIZE = PAGE;
