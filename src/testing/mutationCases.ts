// Each mutation with the gallery scenario that shows it and the invariant it breaks there: the
// scenario's unmutated policy keeps that invariant, the mutated one breaks it (docs/model.md §11).
// eventq-1 has no case: a full event queue losing records is architected behaviour, not a broken
// invariant. The explorer's benchmarks (Node and browser) run these.

import type { MutationId } from '../sim';

export const MUTATION_CASES: readonly (readonly [mutation: MutationId, gallery: string, invariant: string])[] = [
  ['skip-cfgi', 'reset-on-transfer', 'I4'],
  ['skip-sync', 'forgot-sync', 'I2'],
  ['skip-tlbi', 'vmid-reuse', 'I5'],
  ['reuse-vmid', 'vmid-reuse', 'I5'],
  ['ats-unchecked', 'stale-atc', 'I8'],
  ['skip-atc-inv', 'stale-atc', 'I8'],
  ['unassigned-bypass', 'quarantine', 'I6'],
  ['gbpa-bypass', 'quarantine', 'I6'],
  ['device-ignores-reset', 'reset-on-transfer', 'I1b'],
];
