// Checks of a custom policy's steps that need no run. A step that names a party its operation never
// has (the receiver of an unassign, the sender of an accept), the table an operation creates before
// any step creates it, or a CPU stage-2 as a device table can never act: the policy is refused with
// the step's field path. What depends on the run — an unowned device has no old table, a reclaim's
// lender may be nobody — is left to the engine, which logs such a step as STEP_UNRESOLVED and goes
// on (docs/model.md 10.1).

import { POLICY_OP_PARTIES, type PolicyOp } from '../sim';
import type { ParsedDocument } from './schema';
import type { FieldError } from './errors';

type Policy = ParsedDocument['policy'];
type Step = NonNullable<NonNullable<Policy['custom']>['steps'][PolicyOp]>[number];

/** The table a step acts on, with whether the document names it (or the step's default applies); null: none. */
function tableOf(st: Step): { ref: string; named: boolean } | null {
  switch (st.kind) {
    case 'steWrite':
      // A write of config s2 without a table points the STE at the operation's new table.
      if (st.table !== undefined) return { ref: st.table, named: true };
      return st.config === 's2' ? { ref: 'new', named: false } : null;
    case 'cmd':
      // Only the TLB invalidations by VMID read a table; the other commands name a stream or nothing.
      return st.cmd === 'TLBI_S2_IPA' || st.cmd === 'TLBI_S12_VMALL' ? { ref: st.table ?? 'old', named: st.table !== undefined } : null;
    case 'tableMap':
    case 'tableUnmap':
      return { ref: st.table ?? 'device', named: st.table !== undefined };
    case 'tableFree':
    case 'vmidAlloc':
    case 'vmidFree':
      return { ref: st.table, named: true };
    default:
      return null;
  }
}

export function checkCustomPolicy(policy: Policy): FieldError[] {
  const errors: FieldError[] = [];
  const custom = policy.custom;
  if (custom === undefined) return errors;
  for (const [name, steps] of Object.entries(custom.steps)) {
    const op = name as PolicyOp;
    const { from, to } = POLICY_OP_PARTIES[op];
    let created = false;
    steps?.forEach((st, k) => {
      const path = `policy.custom.steps.${op}[${k}]`;
      const error = (field: string, message: string) => void errors.push({ path: field === '' ? path : `${path}.${field}`, message });
      const table = tableOf(st);
      if (table?.ref === 'owner-cpu') {
        if (st.kind === 'tableMap' || st.kind === 'tableUnmap')
          error('table', `"owner-cpu" is a CPU stage-2, not a device table: ${st.kind} cannot change it`);
        else if (!to) error('table', `"owner-cpu" is the receiver's CPU stage-2; ${op} has no receiver`);
      }
      if (table?.ref === 'new' && !created)
        error(
          table.named ? 'table' : 'config',
          `${table.named ? 'table "new"' : 'an s2 write without a table uses "new", which'} is the table this operation creates, and no tableCreate comes before this step`,
        );
      switch (st.kind) {
        case 'tableCreate':
          created = true;
          if (st.fill === 'scratch') break;
          if (st.for === 'none') error('for', 'a table for "none" belongs to nobody; only the scratch table (fill "scratch") has no owner');
          else if (st.for === 'to' && !to) error('for', `a table for "to" needs an operation with a receiver; ${op} has none`);
          else if (st.for === 'from' && !from) error('for', `a table for "from" needs an operation with a sender; ${op} has none`);
          if (st.fill === 'shared' && (!from || !to))
            error(
              'fill',
              `a shared table holds what the sender and the receiver both may access; ${op} has no ${from ? 'receiver' : 'sender'}`,
            );
          break;
        case 'tableMap':
          if (!to) error('', `tableMap maps a region with the receiver's access; ${op} has no receiver`);
          break;
        case 'ffaCommit':
          if (op !== 'abort' && op !== 'revoke')
            error('', `ffaCommit applies the memory operation of an abort or a revoke; ${op} carries none`);
          break;
      }
    });
  }
  return errors;
}
