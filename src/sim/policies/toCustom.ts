// A preset's steps written out as a custom policy: for each operation the preset supports, the step
// list it gives for this scenario's devices. A custom policy is data — one list per operation for
// every device, tables built per device at boot — so where a preset depends on more than that (its
// boot tables, or a device context that differs between the scenario's devices) the conversion is
// not exact, and `notes` says why.

import { POLICY_OP_PARTIES, type CustomPolicy, type PolicyId, type PolicyOp, type Scenario, type StepSpec } from '../model/scenario';
import type { Policy, PolicyContext } from './policy';
import { P0 } from './P0';
import { P1 } from './P1';
import { P2 } from './P2';
import { P3 } from './P3';
import { P4 } from './P4';
import { P5 } from './P5';
import { P6 } from './P6';
import { P7 } from './P7';
import { P8 } from './P8';

export interface PresetConversion {
  custom: CustomPolicy;
  /** The custom policy runs exactly as the preset does in this scenario. */
  exact: boolean;
  /** Why it does not, one reason a line; empty when exact. */
  notes: string[];
}

const PRESETS: Record<PolicyId, Policy> = { P0, P1, P2, P3, P4, P5, P6, P7, P8 };

export const POLICY_OPS = Object.keys(POLICY_OP_PARTIES) as PolicyOp[];

/** A step as a custom policy writes it: only a SYNC may end the old owner's tenure. */
function asData(st: StepSpec & { completesHandover?: boolean }): StepSpec {
  if (st.kind === 'sync') return st.completesHandover ? { kind: 'sync', completesHandover: true } : { kind: 'sync' };
  const { completesHandover: _dropped, ...rest } = st;
  return rest as StepSpec;
}

export function presetAsCustom(id: PolicyId, scenario: Pick<Scenario, 'devices' | 'smmu'>): PresetConversion {
  const preset = PRESETS[id];
  const notes: string[] = [];
  if (preset.boot === 'cpu-stage2')
    notes.push("at boot the preset points each STE at its owner's CPU stage-2; a custom policy boots with a table per device");
  if (preset.boot === 'device-table-owner-vmid')
    notes.push("at boot the preset gives each device table its owner VM's VMID; a custom policy gives each its own");
  const grouped = scenario.devices.some((d, i) => scenario.devices.some((o, j) => j !== i && o.group === d.group && o.owner === d.owner));
  if (grouped) notes.push("the preset moves a device's whole isolation group; a custom policy moves the one device");
  if (id === 'P8') notes.push("the receiver's accept checks the device's lock and nonces under P8 only; a custom policy's accept does not");
  const atsKinds = new Set(scenario.devices.map((d) => d.ats));
  if (atsKinds.size > 1)
    notes.push('the preset adds ATC invalidations and SYNCs for devices with ATS only; a custom policy has one list for every device');
  const c: PolicyContext = { ats: atsKinds.has(true), atsCheckPlanned: scenario.smmu.atsCheck };
  const steps: CustomPolicy['steps'] = {};
  for (const op of POLICY_OPS) {
    const f = preset.ops[op];
    if (f) steps[op] = f(c).map(asData);
  }
  return { custom: { name: `${id} ${preset.name}`.slice(0, 80), steps, s2Record: preset.s2Record }, exact: notes.length === 0, notes };
}
