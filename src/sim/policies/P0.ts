// P0 — whole address space (Hafnium 2020, Xen on Arm's shared P2M): the device's STE points at its
// owner's CPU stage-2, so device IOVA = VM IPA. A transfer repoints the STE at the new owner's
// stage-2 — with CFGI and SYNC, done properly — and the old owner's descriptors now translate
// through the new owner's memory map. This is the seed's attack.

import type { Policy } from './policy';
import { cfgi, setOwner, sync, teardown, abortTeardown } from './fragments';

const repoint = [setOwner('to', 'assigned'), { kind: 'steWrite', valid: true, config: 's2', table: 'owner-cpu' } as const, cfgi, { ...sync, completesHandover: true }];

export const P0: Policy = {
  id: 'P0',
  name: 'whole-address-space',
  summary: "the STE points at the owner's CPU stage-2; a transfer repoints it at the new owner's",
  boot: 'cpu-stage2',
  ops: {
    assign: () => repoint,
    transfer: () => repoint,
    unassign: teardown,
    abort: abortTeardown,
  },
};
