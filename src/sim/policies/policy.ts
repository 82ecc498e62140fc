// What a policy is: a name, how devices are set up at boot, and for each operation it supports a
// readable list of hypervisor steps (the same vocabulary a custom policy uses).

import type { PolicyId, PolicyOp, StepSpec } from '../model/scenario';

export interface PolicyContext {
  /** The device has ATS (a translation cache of its own). */
  ats: boolean;
  /**
   * The hypervisor configured the SMMU to check ATS-translated traffic (SMMU_CR0.ATSCHK) and plans
   * on it: it then defers the ATC invalidation to just before the next owner gets DMA.
   */
  atsCheckPlanned: boolean;
}

export type BootTables = 'cpu-stage2' | 'device-table' | 'device-table-owner-vmid';

export interface Policy {
  id: PolicyId | 'custom';
  name: string;
  summary: string;
  boot: BootTables;
  /** STE.S2R of the STEs the hypervisor writes: false aborts stage-2 faults without a record. */
  s2Record: boolean;
  ops: Partial<Record<PolicyOp, (c: PolicyContext) => StepSpec[]>>;
}
