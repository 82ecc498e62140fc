// P3 — per-VM table with explicit enable (the discussion's proposal 4): the old owner's table is
// disabled for the device (STE invalid + CFGI + SYNC, TLBI before the VMID is reused), the new
// owner's table starts empty, and the new owner must `map` and `enable` itself. Transactions
// translated before the SYNC still complete into the old owner's memory. Pitfall: enabling without
// a reset lets the old owner's descriptors reach what the new owner mapped.

import type { Policy } from './policy';
import { build, disable, enableOn, lateAtcInv, retireOld, setOwner, teardown, abortTeardown } from './fragments';

export const P3: Policy = {
  id: 'P3',
  name: 'per-vm-table',
  summary: "old owner's table disabled for the device; new owner's table starts empty; new owner maps and enables explicitly",
  boot: 'device-table',
  s2Record: true,
  ops: {
    transfer: (c) => [setOwner('to', 'pending-enable'), ...disable(c), ...retireOld, ...build('empty')],
    assign: () => [setOwner('to', 'pending-enable'), ...build('empty')],
    enable: (c) => [...lateAtcInv(c), ...enableOn('device'), setOwner('to', 'assigned')],
    unassign: teardown,
    abort: abortTeardown,
  },
};
