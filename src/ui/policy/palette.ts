// The steps a custom policy can hold: for each kind, one line saying what it does (the wording of
// docs/scenario-format.md and docs/model.md) and the step the palette adds, and the choices each
// argument has.

import type { StepSpec } from '../../sim';

export type StepKind = StepSpec['kind'];

export const STEP_KINDS: { kind: StepKind; does: string; fresh: StepSpec }[] = [
  {
    kind: 'steWrite',
    does: "Writes the device's STE: V and Config in one word, the table and VMID in others (only V/Config without a table)",
    fresh: { kind: 'steWrite', valid: false, config: 'abort' },
  },
  {
    kind: 'cmd',
    does: 'Queues an SMMU command (CFGI_STE, CFGI_ALL, TLBI_*, ATC_INV); it completes only at the next CMD_SYNC',
    fresh: { kind: 'cmd', cmd: 'CFGI_STE' },
  },
  {
    kind: 'sync',
    does: 'CMD_SYNC: blocks until the SMMU completes every earlier command and drains the DMA in their scope',
    fresh: { kind: 'sync' },
  },
  {
    kind: 'busMaster',
    does: "Turns the device's bus mastering on or off (off: it issues no DMA)",
    fresh: { kind: 'busMaster', on: false },
  },
  {
    kind: 'reset',
    does: 'Resets the device (timing.reset ticks); a device that honours it forgets its descriptors',
    fresh: { kind: 'reset' },
  },
  {
    kind: 'setOwner',
    does: "Records the device's owner (who) and its assignment state",
    fresh: { kind: 'setOwner', to: 'hyp', state: 'held' },
  },
  {
    kind: 'tableCreate',
    does: "Creates the operation's new table: what the endpoint may access (owner), nothing (empty), the shared pages, or scratch",
    fresh: { kind: 'tableCreate', fill: 'owner', for: 'to' },
  },
  { kind: 'tableMap', does: "Maps a region into a device table with the receiver's access", fresh: { kind: 'tableMap', region: '' } },
  {
    kind: 'tableUnmap',
    does: 'Unmaps the revoked pages, or all pages, from a device table',
    fresh: { kind: 'tableUnmap', pages: 'revoked' },
  },
  { kind: 'tableFree', does: 'Frees a table (after the TLBI + SYNC that retire it)', fresh: { kind: 'tableFree', table: 'old' } },
  { kind: 'vmidAlloc', does: 'Allocates a VMID for a table', fresh: { kind: 'vmidAlloc', table: 'new' } },
  { kind: 'vmidFree', does: "Frees a table's VMID for reuse (after the TLBI + SYNC)", fresh: { kind: 'vmidFree', table: 'old' } },
  {
    kind: 'awaitReceiver',
    does: "Parks the operation until the receiver's accept or enable",
    fresh: { kind: 'awaitReceiver', what: 'accept' },
  },
  { kind: 'lock', does: 'TDISP lock: the device interface goes to LOCKED, with a fresh nonce', fresh: { kind: 'lock' } },
  { kind: 'measure', does: "TDISP measure: the locked device's report, with a fresh nonce", fresh: { kind: 'measure' } },
  { kind: 'start', does: 'TDISP START_INTERFACE: the locked interface runs; DMA is enabled only after it', fresh: { kind: 'start' } },
  { kind: 'ffaCommit', does: "Applies the operation's FF-A memory part (an abort's or a revoke's)", fresh: { kind: 'ffaCommit' } },
];

export const DOES: Record<StepKind, string> = Object.fromEntries(STEP_KINDS.map((k) => [k.kind, k.does])) as Record<StepKind, string>;

/** The choices of each enumerated argument; the first of an optional one is "not set". */
export const CHOICES = {
  config: ['abort', 'bypass', 's2', 'unassigned'],
  cmd: ['CFGI_STE', 'CFGI_ALL', 'TLBI_S2_IPA', 'TLBI_S12_VMALL', 'TLBI_NSNH_ALL', 'ATC_INV'],
  table: ['old', 'new', 'device', 'scratch', 'owner-cpu'],
  to: ['to', 'from', 'hyp', 'quarantine', 'none'],
  for: ['to', 'from', 'hyp', 'quarantine', 'none'],
  state: ['assigned', 'unassigned', 'held', 'offered', 'quarantined', 'pending-enable', 'lent', 'shared', 'locked'],
  fill: ['owner', 'empty', 'shared', 'scratch'],
  pages: ['revoked', 'all'],
  what: ['accept', 'enable'],
} as const;

/** Arguments that a step may leave out (its default then applies). */
export const OPTIONAL = new Set(['table', 'eats', 'completesHandover']);

/** Each kind's arguments, in the order the editor shows them. */
export const ARGS: Record<StepKind, string[]> = {
  steWrite: ['valid', 'config', 'table', 'eats'],
  cmd: ['cmd', 'table'],
  sync: ['completesHandover'],
  busMaster: ['on'],
  reset: [],
  setOwner: ['to', 'state'],
  tableCreate: ['fill', 'for'],
  tableMap: ['region', 'table'],
  tableUnmap: ['pages', 'table'],
  tableFree: ['table'],
  vmidAlloc: ['table'],
  vmidFree: ['table'],
  awaitReceiver: ['what'],
  lock: [],
  measure: [],
  start: [],
  ffaCommit: [],
};

export const BOOLEAN_ARGS = new Set(['valid', 'eats', 'on', 'completesHandover']);
