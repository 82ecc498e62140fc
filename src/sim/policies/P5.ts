// P5 — shared table ("sharing like shared memory"): two VMs share the device, whose table maps only
// the pages FF-A-shared between them. No owner change. Revoking a page (a borrower relinquishing
// it) must unmap it, TLBI and SYNC (and, for an ATS device, ATC_INV and SYNC) before the page
// changes hands (pKVM's refcount rule).

import type { Policy } from './policy';
import { build, disable, enableOn, retireOld, setOwner, sync, teardown, abortTeardown } from './fragments';

export const P5: Policy = {
  id: 'P5',
  name: 'shared-table',
  summary: 'the device table maps only pages FF-A-shared between the two VMs; revocation = unmap + TLBI + SYNC (+ ATC_INV + SYNC) first',
  boot: 'device-table',
  s2Record: true,
  ops: {
    // The STE's table and VMID words change, so the STE goes invalid first (make-invalid), A's
    // private table is retired, and the shared table is made valid. The device stays A's: retiring
    // A's private table is not a hand-over, so no step completes one.
    share: (c) => [
      ...build('shared', 'from'),
      ...disable(c).map((st) => ({ ...st, completesHandover: false })),
      ...retireOld,
      ...enableOn('new'),
      setOwner('from', 'shared'),
    ],
    // Linux's unmap order: unmap, TLBI, SYNC, then (an ATS device) ATC_INV and SYNC — only then
    // may the page change hands.
    revoke: (c) => [
      { kind: 'tableUnmap', pages: 'revoked', table: 'device' },
      { kind: 'cmd', cmd: 'TLBI_S2_IPA', table: 'device' },
      sync,
      ...(c.ats ? [{ kind: 'cmd', cmd: 'ATC_INV' } as const, sync] : []),
      { kind: 'ffaCommit' },
    ],
    unassign: teardown,
    abort: abortTeardown,
  },
};
