// P1 — reset on transfer (pKVM, VFIO): the device first goes to the hypervisor, bus mastering off,
// its STE invalid + CFGI + TLBI + SYNC, then a reset, then a fresh table for the new owner. Safe as
// long as the reset really stops the device.

import type { Policy } from './policy';
import { build, busMaster, disable, enableOn, lateAtcInv, reset, retireOld, setOwner, teardown, abortTeardown } from './fragments';

export const P1: Policy = {
  id: 'P1',
  name: 'reset-on-transfer',
  summary: 'device to hyp; bus master off; STE invalid + CFGI + SYNC (+ TLBI); reset; new table; STE → new owner',
  boot: 'device-table',
  s2Record: true,
  ops: {
    transfer: (c) => [
      setOwner('hyp', 'held'),
      busMaster(false),
      ...disable(c),
      ...retireOld,
      reset,
      ...lateAtcInv(c),
      ...build('owner'),
      setOwner('to', 'assigned'),
      ...enableOn('new'),
      busMaster(true),
    ],
    assign: (c) => [
      setOwner('hyp', 'held'),
      reset,
      ...lateAtcInv(c),
      ...build('owner'),
      setOwner('to', 'assigned'),
      ...enableOn('new'),
      busMaster(true),
    ],
    unassign: teardown,
    abort: abortTeardown,
  },
};
