// Step sequences several policies share. Each follows the SMMUv3 procedures: invalidate what was
// written, then SYNC before relying on it (§3.21.3), and TLBI → SYNC → ATC_INV → SYNC for ATS.

import type { StepSpec, TableRef, WhoRef, AssignState } from '../model/scenario';
import type { PolicyContext } from './policy';

export const setOwner = (to: WhoRef, state: AssignState): StepSpec => ({ kind: 'setOwner', to, state });
export const busMaster = (on: boolean): StepSpec => ({ kind: 'busMaster', on });
export const reset: StepSpec = { kind: 'reset' };
export const sync: StepSpec = { kind: 'sync' };
export const cfgi: StepSpec = { kind: 'cmd', cmd: 'CFGI_STE' };

/**
 * Takes the old owner's translation away: STE invalid (aborts with C_BAD_STE), CFGI, TLBI of the
 * old table's VMID, SYNC; for an ATS device whose traffic the SMMU does not check, also ATC_INV and
 * a second SYNC. The last SYNC completes the hand-over (I2 counts from there).
 */
export function disable(c: PolicyContext, config: 'invalid' | 'abort' | 'unassigned' = 'invalid'): StepSpec[] {
  const ste: StepSpec =
    config === 'invalid'
      ? { kind: 'steWrite', valid: false, config: 'abort' }
      : { kind: 'steWrite', valid: true, config: config === 'abort' ? 'abort' : 'unassigned' };
  const steps: StepSpec[] = [ste, cfgi, { kind: 'cmd', cmd: 'TLBI_S12_VMALL', table: 'old' }];
  if (c.ats && !c.atsCheckPlanned) steps.push(sync, { kind: 'cmd', cmd: 'ATC_INV' });
  steps.push({ kind: 'sync', completesHandover: true });
  return steps;
}

/** Frees the old table and its VMID (only after the TLBI + SYNC above). */
export const retireOld: StepSpec[] = [
  { kind: 'vmidFree', table: 'old' },
  { kind: 'tableFree', table: 'old' },
];

export function build(fill: 'owner' | 'empty' | 'shared', forWho: WhoRef = 'to'): StepSpec[] {
  return [
    { kind: 'tableCreate', fill, for: forWho },
    { kind: 'vmidAlloc', table: 'new' },
  ];
}

/** Before the next owner gets DMA: an ATC invalidation the SMMU's ATS check made safe to defer. */
export function lateAtcInv(c: PolicyContext): StepSpec[] {
  return c.ats && c.atsCheckPlanned ? [{ kind: 'cmd', cmd: 'ATC_INV' }, sync] : [];
}

/**
 * Points the streams at a table by the architecture's make-valid procedure (SMMUv3 §3.21.3.1): the
 * table and VMID are written while V is 0, CFGI + SYNC, then V = 1, CFGI + SYNC. The SMMU need not
 * observe an STE's words in order, so writing them together with V = 1 could be seen torn.
 */
export function enableOn(table: TableRef): StepSpec[] {
  return [...stage(table, 'invalid'), { kind: 'steWrite', valid: true, config: 's2', table }, cfgi, sync];
}

/**
 * Writes the table and VMID words of the STE under a configuration that ignores them — V = 0, or
 * (from a quarantine) the aborting unassigned configuration — and makes the SMMU see them (CFGI +
 * SYNC), so that the later write of the V/Config word alone switches the STE atomically.
 */
export function stage(table: TableRef, under: 'invalid' | 'unassigned'): StepSpec[] {
  const ste: StepSpec =
    under === 'invalid'
      ? { kind: 'steWrite', valid: false, config: 's2', table }
      : { kind: 'steWrite', valid: true, config: 'unassigned', table };
  return [ste, cfgi, sync];
}

/**
 * A partition abort: the same teardown, with the partition's memory taken back only after the
 * disabling SYNC — once none of its DMA can still land (ffaCommit revokes it at that point).
 */
export function abortTeardown(c: PolicyContext): StepSpec[] {
  const steps = teardown(c);
  const afterSync = 2 + disable(c).length;
  return [...steps.slice(0, afterSync), { kind: 'ffaCommit' }, ...steps.slice(afterSync)];
}

/** The fixed teardown for a partition abort or an unassign: block, drain, free, reset, park. */
export function teardown(c: PolicyContext): StepSpec[] {
  return [
    setOwner('hyp', 'held'),
    busMaster(false),
    ...disable(c),
    ...retireOld,
    reset,
    ...lateAtcInv(c),
    setOwner('none', 'unassigned'),
    { kind: 'steWrite', valid: true, config: 'unassigned' },
    cfgi,
    sync,
  ];
}
