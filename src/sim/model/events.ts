// Event kinds of the discrete-event loop. An event is (kind, argument) at a tick; the argument is a
// transaction id, a device index, a job id or a script index.

import { mix } from '../core/hash';
import { push } from '../core/timeQueue';
import type { SimState } from './state';

export const EV_SCRIPT = 1; // arg: script index
export const EV_ISSUE = 2; // arg: device index
export const EV_ARRIVE = 3; // arg: txn id
export const EV_COMMIT = 4; // arg: txn id
export const EV_CMD = 5; // arg: unused — the command queue consumes its head
export const EV_HYP = 6; // arg: job id — run its next step
export const EV_RESET_DONE = 7; // arg: device index
export const EV_ATC_ACK = 8; // arg: device index
export const EV_DRAIN = 9; // arg: unused — the hypervisor drains the event queue
export const EV_FAULT = 10; // arg: txn id — its fetch or walk completed and found a fault
export const EV_ATC_TIMEOUT = 11; // arg: SYNC id — its wait for ATS invalidations times out

export function schedule(s: SimState, t: number, kind: number, arg: number): void {
  push(s.queue, t, kind, arg);
}

/** Feeds one processed event into the trace hash. */
export function trace(s: SimState, kind: number, arg: number, extra: number): void {
  const h = s.hash;
  // Two 32-bit lanes; `extra` may exceed 2^32 (a PFN), so its high part is folded in too.
  h[0] = Math.imul(h[0] ^ (s.now * 16 + kind), 0x01000193) ^ arg;
  h[1] = Math.imul(h[1] ^ (extra | 0), 0x5bd1e995) ^ Math.imul(arg + 0x9e3779b9, 0x85ebca6b);
  if (extra > 0xffffffff || extra < -0x80000000) mix(h, extra);
}
