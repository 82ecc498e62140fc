// Mutations (docs/model.md §11): each drops or changes exactly one kind of step, to show why it exists.
// Step-dropping mutations act here, on the expanded step list; the others change a setting at boot
// (see boot.ts) or a choice inside a step (reuse-vmid, in hyp/steps.ts).

import type { StepSpec } from '../model/scenario';

export const MUTATION_NOTES: Record<string, string> = {
  'skip-cfgi': 'the hypervisor never issues CFGI_STE / CFGI_ALL: the SMMU keeps using cached STEs',
  'skip-sync': 'the hypervisor never waits for CMD_SYNC: it acts before invalidations complete and in-flight DMA drains',
  'skip-tlbi': 'the hypervisor never issues TLBI_*: stale translations stay in the TLB under their VMID',
  'reuse-vmid':
    "every device table takes its owner VM's own VMID (Hafnium's scheme) instead of one of its own: tables of one VM alias in the TLB",
  'ats-unchecked': 'SMMU_CR0.ATSCHK is off although the hypervisor plans on it: ATS-translated traffic skips the SMMU',
  'skip-atc-inv': 'the hypervisor never issues ATC_INV: the device keeps its cached translations',
  'unassigned-bypass': 'the STE given to unassigned and quarantined streams is bypass instead of abort',
  'gbpa-bypass': 'while the SMMU is disabled, GBPA lets all traffic through untranslated',
  'device-ignores-reset': 'every device ignores reset: its descriptors and DMA survive it',
  'eventq-1': 'the SMMU event queue holds a single record',
};

type Flagged = StepSpec & { completesHandover?: boolean };

export function mutateSteps(steps: StepSpec[], mutations: Set<string>): Flagged[] {
  const out: Flagged[] = [];
  for (const st of steps as Flagged[]) {
    const drop =
      (st.kind === 'cmd' && mutations.has('skip-cfgi') && (st.cmd === 'CFGI_STE' || st.cmd === 'CFGI_ALL')) ||
      (st.kind === 'cmd' && mutations.has('skip-tlbi') && st.cmd.startsWith('TLBI')) ||
      (st.kind === 'cmd' && mutations.has('skip-atc-inv') && st.cmd === 'ATC_INV') ||
      (st.kind === 'sync' && mutations.has('skip-sync'));
    if (!drop) {
      out.push({ ...st });
      continue;
    }
    // The hypervisor still believes the hand-over completed where the dropped step would have.
    if (st.completesHandover && out.length > 0) out[out.length - 1].completesHandover = true;
  }
  return out;
}
