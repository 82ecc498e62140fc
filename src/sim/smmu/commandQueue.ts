// The SMMU command queue: one command consumed per `cmd` ticks, in order. An invalidation is
// complete only at the SYNC after it: when that SYNC reaches the head, the entries in the
// invalidations' scope leave the caches, and the SYNC completes once every transaction translated
// within that scope has committed (and every ATC invalidation was acknowledged). SYNC drains; it
// never cancels a transaction.

import { CH_ATC_ACK, chooseInt } from '../core/choice';
import { hex, log } from '../model/log';
import { EV_ATC_ACK, EV_ATC_TIMEOUT, EV_CMD, EV_HYP, schedule } from '../model/events';
import { PAGE, type Cmd, type CmdKind, type SimState, type Ste } from '../model/state';
import { cfgInsert, completeInvalidations } from './caches';
import { dmaOffCompleted } from '../invariants/config';

export function enqueue(s: SimState, kind: CmdKind, args: { sid?: number; vmid?: number; iovaPage?: number; job?: number } = {}): Cmd {
  const c: Cmd = {
    id: s.cmdq.nextId++,
    kind,
    sid: args.sid ?? -1,
    vmid: args.vmid ?? -1,
    iovaPage: args.iovaPage ?? -1,
    job: args.job ?? -1,
    enqueuedAt: s.now,
    filledBefore: -1,
  };
  s.cmdq.queue.push(c);
  if (!s.cmdq.busy) {
    s.cmdq.busy = true;
    schedule(s, s.now + s.scenario.timing.cmd, EV_CMD, 0);
  }
  return c;
}

export function describeCmd(c: Cmd): string {
  switch (c.kind) {
    case 'CFGI_STE':
    case 'ATC_INV':
      return `${c.kind}(${c.sid})`;
    case 'TLBI_S2_IPA':
      return `TLBI_S2_IPA(vmid ${c.vmid}, ${hex(c.iovaPage * PAGE)})`;
    case 'TLBI_S12_VMALL':
      return `TLBI_S12_VMALL(vmid ${c.vmid})`;
    default:
      return c.kind;
  }
}

/** The head command is consumed now. */
export function onCmd(s: SimState): void {
  const q = s.cmdq;
  const c = q.queue[0];
  if (c === undefined) {
    q.busy = false;
    return;
  }
  if (c.kind === 'SYNC') {
    if (q.waitingSync !== c.id) {
      beginSync(s, c);
      if (q.atcPending > 0) schedule(s, s.now + s.scenario.timing.atcInvTimeout, EV_ATC_TIMEOUT, c.id);
    }
    if (q.drain.size > 0 || q.atcPending > 0) {
      q.waitingSync = c.id;
      return; // trySync re-schedules when the last awaited transaction commits
    }
    q.waitingSync = -1;
    if (c.job >= 0) schedule(s, s.now, EV_HYP, c.job);
  } else {
    apply(s, c);
  }
  q.queue.shift();
  q.consumed++;
  if (q.queue.length > 0) schedule(s, s.now + s.scenario.timing.cmd, EV_CMD, 0);
  else q.busy = false;
}

function sameSte(a: Ste, b: Ste): boolean {
  return a.valid === b.valid && a.config === b.config && a.vmid === b.vmid && a.table === b.table && a.eats === b.eats && a.s2r === b.s2r;
}

/**
 * A SYNC reaches the head of the queue: the invalidations before it complete now — their entries
 * leave the caches and the SYNC waits for every transaction translated within their scope.
 */
function beginSync(s: SimState, c: Cmd): void {
  const scopes = s.cmdq.pending.map(describeCmd);
  if (scopes.length === 0) return;
  const cfgi = s.cmdq.pending.some((x) => x.kind === 'CFGI_ALL')
    ? 'all'
    : s.cmdq.pending.filter((x) => x.kind === 'CFGI_STE').map((x) => x.sid);
  const n = completeInvalidations(s);
  dmaOffCompleted(s, cfgi);
  log(
    s,
    'note',
    `CMD_SYNC ${c.id}: ${scopes.join(', ')} complete, ${n} entr${n === 1 ? 'y' : 'ies'} dropped; waiting for ${s.cmdq.drain.size} transaction${s.cmdq.drain.size === 1 ? '' : 's'} in their scope`,
    -1,
    'SYNC',
  );
}

function apply(s: SimState, c: Cmd): void {
  if (c.kind === 'ATC_INV') {
    const di = s.sidToDevice.get(c.sid);
    let n = 0;
    if (!s.smmu.enabled) {
      // With SMMUEN = 0 the ATS interface is not operational: CMD_ATC_INV is ignored (§6.3.9.6).
      log(s, 'note', `SMMU ignored ${describeCmd(c)}: the SMMU is disabled, no ATS invalidation is sent`, -1, c.kind);
      return;
    }
    if (di !== undefined && s.devices[di].ats) {
      // Completion needs the device's acknowledgement, which also covers the transactions it
      // already sent using the entries being invalidated.
      for (const t of s.txns.values()) {
        if (t.device === di && t.viaAts && t.phase === 'translated') s.cmdq.drain.add(t.id);
      }
      s.cmdq.atcPending++;
      s.cmdq.atcAwaited.push(di);
      const [lo, hi] = s.scenario.timing.atcInv;
      const ack = chooseInt(s.choices, s.rng, CH_ATC_ACK, lo, hi);
      if (s.devices[di].atsInvalidation === 'completes') schedule(s, s.now + ack, EV_ATC_ACK, di);
      n = s.devices[di].atc.size;
    }
    log(s, 'note', `SMMU consumed ${describeCmd(c)}: sent to the device, ${n} ATC entr${n === 1 ? 'y' : 'ies'} to drop`, -1, c.kind);
    return;
  }
  // The SMMU may go on using what the command invalidates until the next SYNC completes it.
  c.filledBefore = s.nextCacheId;
  if (c.kind === 'CFGI_STE' || c.kind === 'CFGI_ALL') {
    // Worst case, the CFGI took effect at once and the SMMU fetched the STE again: where memory
    // still holds what is cached (the STE is rewritten only after this CFGI), that fetch is newer
    // than the command, and its completion does not drop it.
    if (s.smmu.retention === 0) {
      for (const [sid, e] of s.cfgCache) {
        const mem = s.streamTable.get(sid);
        if ((c.kind === 'CFGI_ALL' || sid === c.sid) && mem !== undefined && sameSte(e.ste, mem)) cfgInsert(s, sid, mem);
      }
    }
    // The CFGI of an STE that no longer gives DMA: its completion ends that DMA (I10).
    for (const d of s.devices) if (d.dmaOffPending && (c.kind === 'CFGI_ALL' || d.streams.includes(c.sid))) d.dmaOffInvalidated = true;
  }
  s.cmdq.pending.push(c);
  log(s, 'note', `SMMU consumed ${describeCmd(c)}: complete at the next CMD_SYNC`, -1, c.kind);
}

export function onAtcAck(s: SimState, di: number): void {
  // PCIe ATS: a device completes an invalidation only once the requests it translated with the
  // invalidated entries are done — including those it sent after receiving the request and
  // before dropping the entries. The SYNC waiting for this acknowledgement waits for them too.
  for (const t of s.txns.values()) {
    if (t.device === di && t.viaAts && t.phase === 'translated') s.cmdq.drain.add(t.id);
  }
  s.devices[di].atc.clear();
  // An acknowledgement after the SYNC gave up on it (CERROR_ATC_INV_SYNC) is late: nobody waits
  // for it, and it must not stand in for another device's.
  const k = s.cmdq.atcAwaited.indexOf(di);
  if (k >= 0) {
    s.cmdq.atcAwaited.splice(k, 1);
    s.cmdq.atcPending--;
  }
  trySync(s);
}

/**
 * A SYNC still waiting for ATS invalidations when the timeout expires fails with
 * CERROR_ATC_INV_SYNC. The hypervisor does what Linux does after "CMD_SYNC timeout": it stops
 * waiting and carries on, so the hand-over goes ahead with the device's ATC not invalidated.
 */
export function onAtcTimeout(s: SimState, syncId: number): void {
  const q = s.cmdq;
  if (q.waitingSync !== syncId || q.atcPending === 0) return;
  q.cerrors++;
  log(
    s,
    'event',
    `CERROR_ATC_INV_SYNC (0x03): CMD_SYNC ${syncId} could not complete ${q.atcPending} ATS invalidation${q.atcPending === 1 ? '' : 's'} within ${s.scenario.timing.atcInvTimeout} ticks; the hypervisor stops waiting and carries on with the ATC not invalidated`,
    -1,
    'CERROR_ATC_INV_SYNC',
  );
  q.atcPending = 0;
  q.atcAwaited.length = 0;
  trySync(s);
}

/** Called when a drained transaction commits or an ATC invalidation completes. */
export function trySync(s: SimState): void {
  const q = s.cmdq;
  if (q.waitingSync >= 0 && q.drain.size === 0 && q.atcPending === 0) {
    q.waitingSync = -1;
    schedule(s, s.now, EV_CMD, 0);
  }
}
