// P0 — whole address space (Hafnium 2020, Xen on Arm's shared P2M): the device's STE points at its
// owner's CPU stage-2, so device IOVA = VM IPA. A transfer repoints the STE at the new owner's
// stage-2 — done properly: make-invalid (V = 0, CFGI, SYNC), then make-valid on P's stage-2 — and
// the old owner's descriptors now translate through the new owner's memory map. This is the seed's
// attack.

import type { StepSpec } from '../model/scenario';
import type { Policy } from './policy';
import { cfgi, enableOn, setOwner, teardown, abortTeardown } from './fragments';

const repoint: StepSpec[] = [
  setOwner('to', 'assigned'),
  { kind: 'steWrite', valid: false, config: 'abort' },
  cfgi,
  { kind: 'sync', completesHandover: true },
  ...enableOn('owner-cpu'),
];
const assign: StepSpec[] = [setOwner('to', 'assigned'), ...enableOn('owner-cpu')];

export const P0: Policy = {
  id: 'P0',
  name: 'whole-address-space',
  summary: "the STE points at the owner's CPU stage-2; a transfer repoints it at the new owner's",
  boot: 'cpu-stage2',
  s2Record: true,
  ops: {
    assign: () => assign,
    transfer: () => repoint,
    unassign: teardown,
    abort: abortTeardown,
  },
};
