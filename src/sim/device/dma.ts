// A device's DMA engine: it issues one transaction per page of each descriptor, at the descriptor's
// pace, while bus mastering is on, it is not paused or held in reset, and fewer than
// `maxOutstanding` of its transactions are unfinished. Descriptors belong to whoever programmed
// them and survive a change of owner unless the device is reset.

import { EV_ARRIVE, EV_ISSUE, schedule } from '../model/events';
import { PAGE, type Device, type SimState, type Txn } from '../model/state';
import { checkCommit } from '../invariants/commit';
import { trySync } from '../smmu/commandQueue';

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
  let pick = -1;
  for (let i = 0; i < d.descriptors.length; i++) {
    const x = d.descriptors[i];
    if (!x.done && x.nextAt <= s.now && (pick < 0 || x.nextAt < d.descriptors[pick].nextAt)) pick = i;
  }
  if (pick >= 0) {
    const x = d.descriptors[pick];
    const iova = x.iova + x.cursor * PAGE;
    issue(s, di, d.streams[pick % d.streams.length], iova, x.dir === 'write', x.programmedBy);
    x.cursor++;
    if (x.cursor >= x.pages) {
      if (x.loop) x.cursor = 0;
      else x.done = true;
    }
    x.nextAt = s.now + Math.max(x.every, s.scenario.timing.issue);
  }
  // The next issue: no sooner than `issue` ticks from now.
  let next = Infinity;
  for (const y of d.descriptors) if (!y.done && y.nextAt < next) next = y.nextAt;
  if (next === Infinity || d.outstanding >= d.maxOutstanding) return;
  d.issueScheduled = true;
  schedule(s, Math.max(next, s.now + s.scenario.timing.issue), EV_ISSUE, di);
}

function issue(s: SimState, di: number, sid: number, iova: number, write: boolean, by: number): void {
  const d = s.devices[di];
  const t: Txn = {
    id: s.nextTxn++,
    device: di,
    sid,
    iova,
    write,
    programmedBy: by,
    ownerAtIssue: d.dmaOwner,
    issuedAt: s.now,
    phase: 'issued',
    arriveAt: s.now + s.scenario.timing.fabric,
    translatedAt: -1,
    commitAt: -1,
    pfn: -1,
    authority: -1,
    usedCfg: -1,
    usedTlb: -1,
    viaAts: false,
    viaBypass: false,
    fault: null,
  };
  s.txns.set(t.id, t);
  d.outstanding++;
  s.counters.issued++;
  schedule(s, t.arriveAt, EV_ARRIVE, t.id);
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
}
