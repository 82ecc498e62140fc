// P4 — quarantine (Xen's dom_io, XSA-302/306/400): the device first moves to a quarantine whose STE
// aborts (the SMMU's "unassigned" setting), is reset there, and then moves to the new owner in one
// step, with no unmapped window in between: the new table is written into the STE while its
// configuration still aborts, and only the STE's Config word switches it to the new owner.

import type { StepSpec } from '../model/scenario';
import type { Policy, PolicyContext } from './policy';
import { build, cfgi, disable, lateAtcInv, reset, retireOld, setOwner, stage, sync } from './fragments';

/** From the quarantine (reset done) to the new owner: its table staged, then the Config word switched. */
const release = (c: PolicyContext): StepSpec[] => [
  reset,
  ...lateAtcInv(c),
  ...build('owner'),
  ...stage('new', 'unassigned'),
  setOwner('to', 'assigned'),
  { kind: 'steWrite', valid: true, config: 's2', table: 'new' },
  cfgi,
  sync,
];

export const P4: Policy = {
  id: 'P4',
  name: 'quarantine',
  summary: 'device to quarantine (STE as for unassigned streams); reset; then to the new owner in one step',
  boot: 'device-table',
  s2Record: true,
  ops: {
    transfer: (c) => [setOwner('quarantine', 'quarantined'), ...disable(c, 'unassigned'), ...retireOld, ...release(c)],
    unassign: (c) => [setOwner('quarantine', 'quarantined'), ...disable(c, 'unassigned'), ...retireOld, reset],
    assign: release,
    abort: (c) => [setOwner('quarantine', 'quarantined'), ...disable(c, 'unassigned'), { kind: 'ffaCommit' }, ...retireOld, reset],
  },
};
