// P2 — acceptance stage (FF-A send/retrieve applied to a device): the device is offered to the
// receiver with its STE aborting (no record) and nobody's table; the receiver may inspect and reset
// it, and only its `accept` gives it DMA. Without a reset or attestation, the receiver accepts a
// poisoned device.

import type { Policy } from './policy';
import { build, disable, enableOn, lateAtcInv, retireOld, setOwner, teardown, abortTeardown } from './fragments';

export const P2: Policy = {
  id: 'P2',
  name: 'acceptance-stage',
  summary: "device offered to the receiver with its STE aborting; only the receiver's accept points the STE at its table",
  boot: 'device-table',
  s2Record: true,
  ops: {
    transfer: (c) => [
      setOwner('to', 'offered'),
      ...disable(c, 'abort'),
      ...retireOld,
      { kind: 'awaitReceiver', what: 'accept' },
      ...lateAtcInv(c),
      ...build('owner'),
      ...enableOn('new'),
      setOwner('to', 'assigned'),
    ],
    assign: (c) => [
      setOwner('to', 'offered'),
      { kind: 'awaitReceiver', what: 'accept' },
      ...lateAtcInv(c),
      ...build('owner'),
      ...enableOn('new'),
      setOwner('to', 'assigned'),
    ],
    unassign: teardown,
    abort: abortTeardown,
  },
};
