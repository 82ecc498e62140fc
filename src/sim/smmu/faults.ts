// Fault records and the bounded event queue. An aborted transaction is either recorded (one record
// in the queue), suppressed by its configuration (STE config abort, GBPA abort, STE.S2R clear: no
// record by architecture), or lost because the queue was full — architected behaviour (SMMUv3
// §7.4), counted as lost and signalled by the overflow flags, not a security failure. I11 checks
// that every abort is accounted for exactly once.

import { hex, log } from '../model/log';
import { EV_DRAIN, schedule } from '../model/events';
import { EVENT_NUMBERS, type EventName, type SimState, type Txn } from '../model/state';
import { violate } from '../invariants/violate';

export const EVENTS_CAP = 10000;

export function suppress(s: SimState): void {
  s.counters.suppressed++;
}

/**
 * The fault of a transaction aborted at the translation point, once its fetch or walk has
 * completed: one event record, or a suppressed abort when `fault` is null.
 */
export function recordFault(s: SimState, txn: Txn): void {
  if (txn.fault === null) suppress(s);
  else record(s, txn, txn.fault);
}

/** I11: after an abort, every abort so far is recorded, suppressed or lost — exactly once. */
export function checkAccounting(s: SimState, txn: Txn): void {
  const c = s.counters;
  if (c.aborted !== c.recorded + c.suppressed + c.dropped) {
    violate(
      s,
      'I11',
      txn.device,
      txn.id,
      -1,
      `transaction ${txn.id} aborted, but ${c.aborted} aborts ≠ ${c.recorded} recorded + ${c.suppressed} suppressed + ${c.dropped} lost`,
    );
  }
}

export function record(s: SimState, txn: Txn, name: EventName): void {
  const q = s.eventq;
  if (q.records.length >= q.capacity) {
    s.counters.dropped++;
    if (q.ovflg === q.ovackflg) {
      q.ovflg = !q.ovflg;
      q.overflows++;
      log(s, 'note', `event queue full (${q.capacity}/${q.capacity}): ${name} for transaction ${txn.id} lost; OVFLG toggled`, -1, 'OVFLG');
    }
    return;
  }
  s.counters.recorded++;
  const rec = { t: s.now, name, number: EVENT_NUMBERS[name], sid: txn.sid, addr: txn.iova, write: txn.write, txn: txn.id };
  q.records.push(rec);
  if (!q.drainScheduled) {
    q.drainScheduled = true;
    const every = s.scenario.timing.eventDrain;
    schedule(s, (Math.floor(s.now / every) + 1) * every, EV_DRAIN, 0);
  }
}

/** The hypervisor reads every record in the queue (and acknowledges an overflow). */
export function drainEventQueue(s: SimState): void {
  const q = s.eventq;
  q.drainScheduled = false;
  for (const r of q.records) {
    s.events.push(r);
    log(
      s,
      'event',
      `${r.name} (0x${r.number.toString(16).padStart(2, '0')}) stream ${r.sid} ${r.write ? 'write' : 'read'} ${hex(r.addr)} txn ${r.txn}`,
      -1,
      r.name,
    );
  }
  if (s.events.length > EVENTS_CAP * 2) {
    s.events.splice(0, EVENTS_CAP);
    s.eventsDropped += EVENTS_CAP;
  }
  if (q.ovflg !== q.ovackflg) log(s, 'note', 'event queue overflowed since the last drain: records were lost; OVACKFLG acknowledged', -1);
  q.records.length = 0;
  q.ovackflg = q.ovflg;
}
