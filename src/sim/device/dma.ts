// A device's DMA engine: it issues one transaction per page of each descriptor, at the descriptor's
// pace, while bus mastering is on, it is not paused or held in reset, and fewer than
// `maxOutstanding` of its transactions are unfinished. Descriptors belong to whoever programmed
// them and survive a change of owner unless the device is reset.

import { EV_ARRIVE, EV_ISSUE, schedule } from '../model/events';
import type { DmaDescriptor } from '../model/scenario';
import { PAGE, type DescriptorState, type Device, type SimState, type Txn } from '../model/state';
import { checkCommit } from '../invariants/commit';
import { trySync } from '../smmu/commandQueue';

/**
 * A descriptor as the device runs it. Built field by field (not spread from the scenario's object)
 * so every descriptor shares one hidden class and the issue loop stays monomorphic.
 */
export function descriptorState(x: DmaDescriptor, by: number, now: number): DescriptorState {
  return { iova: x.iova, pages: x.pages, dir: x.dir, loop: x.loop, every: x.every, programmedBy: by, cursor: 0, nextAt: now, done: false };
}

export function canIssue(d: Device): boolean {
  if (!d.busMaster || d.paused) return false;
  if (d.resetting && d.resetBehaviour !== 'ignores-reset') return false;
  return true;
}

/** Makes sure an issue event is pending if the device has something to issue. */
export function wake(s: SimState, di: number): void {
  const d = s.devices[di];
  if (d.issueScheduled || !canIssue(d) || d.outstanding >= d.maxOutstanding) return;
  let next = Infinity;
  for (const x of d.descriptors) if (!x.done && x.nextAt < next) next = x.nextAt;
  if (next === Infinity) return;
  d.issueScheduled = true;
  schedule(s, Math.max(next, s.now), EV_ISSUE, di);
}

export function onIssue(s: SimState, di: number): void {
  const d = s.devices[di];
  d.issueScheduled = false;
  if (!canIssue(d) || d.outstanding >= d.maxOutstanding) return;
  const now = s.now;
  const ds = d.descriptors;
  let pick = -1;
  for (let i = 0; i < ds.length; i++) {
    const x = ds[i];
    if (!x.done && x.nextAt <= now && (pick < 0 || x.nextAt < ds[pick].nextAt)) pick = i;
  }
  const gap = s.scenario.timing.issue;
  if (pick >= 0) {
    const x = ds[pick];
    issue(s, di, d.streams[pick % d.streams.length], x.iova + x.cursor * PAGE, x.dir === 'write', x.programmedBy);
    x.cursor++;
    if (x.cursor >= x.pages) {
      if (x.loop) x.cursor = 0;
      else x.done = true;
    }
    x.nextAt = now + (x.every > gap ? x.every : gap);
  }
  // The next issue: no sooner than `issue` ticks from now.
  if (d.outstanding >= d.maxOutstanding) return;
  let next = Infinity;
  for (let i = 0; i < ds.length; i++) {
    const y = ds[i];
    if (!y.done && y.nextAt < next) next = y.nextAt;
  }
  if (next === Infinity) return;
  d.issueScheduled = true;
  schedule(s, next > now + gap ? next : now + gap, EV_ISSUE, di);
}

/** A transaction object to be filled in by `issue` (one literal, so all share a hidden class). */
function blankTxn(): Txn {
  return {
    id: 0,
    device: 0,
    sid: 0,
    iova: 0,
    write: false,
    programmedBy: 0,
    ownerAtIssue: 0,
    issuedAt: 0,
    phase: 'issued',
    arriveAt: 0,
    translatedAt: -1,
    commitAt: -1,
    pfn: -1,
    page: -1,
    authority: -1,
    usedCfg: -1,
    usedTlb: -1,
    vmid: -1,
    viaAts: false,
    viaBypass: false,
    fault: null,
    broke: false,
  };
}

function issue(s: SimState, di: number, sid: number, iova: number, write: boolean, by: number): void {
  const d = s.devices[di];
  const now = s.now;
  const arriveAt = now + s.scenario.timing.fabric;
  // A finished transaction is reused when one is spare (see SimState.spareTxns); every field is
  // set below, so nothing of its previous life survives.
  const t = s.spareTxns.pop() ?? blankTxn();
  t.id = s.nextTxn++;
  t.device = di;
  t.sid = sid;
  t.iova = iova;
  t.write = write;
  t.programmedBy = by;
  t.ownerAtIssue = d.dmaOwner;
  t.issuedAt = now;
  t.phase = 'issued';
  t.arriveAt = arriveAt;
  t.translatedAt = -1;
  t.commitAt = -1;
  t.pfn = -1;
  t.page = -1;
  t.authority = -1;
  t.usedCfg = -1;
  t.usedTlb = -1;
  t.vmid = -1;
  t.viaAts = false;
  t.viaBypass = false;
  t.fault = null;
  t.broke = false;
  s.txns.set(t.id, t);
  d.outstanding++;
  s.counters.issued++;
  schedule(s, arriveAt, EV_ARRIVE, t.id);
}

export function onCommit(s: SimState, t: Txn): void {
  t.phase = 'committed';
  s.counters.committed++;
  finish(s, t);
  checkCommit(s, t);
}

export function abortTxn(s: SimState, t: Txn): void {
  t.phase = 'aborted';
  s.counters.aborted++;
  const d = s.devices[t.device];
  if (!t.write && d.resetBehaviour === 'retries-after-reset' && d.faultedReads.length < 16) {
    d.faultedReads.push({ iova: t.iova, by: t.programmedBy });
  }
  finish(s, t);
}

function finish(s: SimState, t: Txn): void {
  s.txns.delete(t.id);
  if (s.ended !== null) s.ended.push(t);
  const d = s.devices[t.device];
  d.outstanding--;
  if (s.cmdq.drain.delete(t.id)) trySync(s);
  if (!d.issueScheduled) wake(s, t.device);
  // Nobody outside the engine holds a finished transaction unless `ended` is watched.
  if (s.ended === null && s.spareTxns.length < 4096) s.spareTxns.push(t);
}
