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

export function schedule(s: SimState, t: number, kind: number, arg: number): void {
  push(s.queue, t, kind, arg);
}

/** Feeds one processed event into the trace hash. */
export function trace(s: SimState, kind: number, arg: number, extra: number): void {
  mix(s.hash, s.now * 16 + kind);
  mix(s.hash, arg);
  mix(s.hash, extra);
}
