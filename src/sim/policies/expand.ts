// Turns a policy's device-level steps into the executable list: mutations applied, and the
// per-stream steps (STE writes, CFGI_STE, ATC_INV) written out once per StreamID, for every device
// the operation moves (a whole isolation group for the built-in policies).

import type { PolicyOp } from '../model/scenario';
import type { SimState } from '../model/state';
import type { ExecStep } from '../hyp/steps';
import type { Policy } from './policy';
import { mutateSteps } from './mutations';

export function expand(s: SimState, policy: Policy, op: PolicyOp, devices: number[]): ExecStep[] | null {
  const f = policy.ops[op];
  if (!f) return null;
  const out: ExecStep[] = [];
  for (const di of devices) {
    const d = s.devices[di];
    const steps = mutateSteps(f({ ats: d.ats, atsCheckPlanned: s.scenario.smmu.atsCheck }), s.mutations);
    for (const st of steps) {
      const perStream = st.kind === 'steWrite' || (st.kind === 'cmd' && (st.cmd === 'CFGI_STE' || st.cmd === 'ATC_INV'));
      if (st.kind === 'cmd' && st.cmd === 'ATC_INV' && !d.ats) continue;
      if (perStream) {
        d.streams.forEach((sid, k) => {
          const last = k === d.streams.length - 1;
          out.push({ ...st, sid, device: di, completesHandover: last ? st.completesHandover : undefined });
        });
      } else out.push({ ...st, device: di });
    }
  }
  return out;
}
