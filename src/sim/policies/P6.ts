// P6 — loan, an FF-A-analogous proposal: FF-A's LEND / RETRIEVE / RELINQUISH / RECLAIM applied to a
// device. No FF-A ABI lends devices (FF-A's memory ABIs move memory only); this is a design for
// one. The owner lends the device, the borrower retrieves it (accept or enable: its table goes
// live), relinquishes it (disable + SYNC), and the owner reclaims it; reclaim is refused while the
// device is lent. No reset at either edge, so programming made before the loan carries across it.

import type { Policy } from './policy';
import { build, disable, enableOn, lateAtcInv, retireOld, setOwner, teardown, abortTeardown } from './fragments';

export const P6: Policy = {
  id: 'P6',
  name: 'loan (FF-A-analogous proposal)',
  summary:
    'FF-A-analogous proposal, not an FF-A ABI: lend, borrower retrieves (enable), relinquish (disable + SYNC), owner reclaims; reclaim refused while lent',
  boot: 'device-table',
  s2Record: true,
  ops: {
    lend: (c) => [
      setOwner('to', 'lent'),
      ...disable(c),
      ...retireOld,
      { kind: 'awaitReceiver', what: 'accept' },
      ...lateAtcInv(c),
      ...build('owner'),
      ...enableOn('new'),
    ],
    relinquish: (c) => [setOwner('hyp', 'held'), ...disable(c), ...retireOld],
    reclaim: (c) => [...lateAtcInv(c), ...build('owner'), setOwner('to', 'assigned'), ...enableOn('new')],
    unassign: teardown,
    abort: abortTeardown,
  },
};
