// The SMMU's state: IOMMU tables, the stream table and its caches, the command queue and the event
// queue. Part of the engine's state (state.ts), plain data like the rest of it.

import type { SteConfig } from './scenario';

/**
 * PFN of the quarantine scratch page: not user memory, writes are absorbed, reads return zeros.
 * The translation point maps a scratch table's IOVAs to it; the commit checks skip it.
 */
export const SCRATCH_PFN = -2;

export interface IoTable {
  id: string;
  vmid: number;
  /** Endpoint whose authority the table carries (its translations act for this endpoint). */
  owner: number;
  device: number;
  state: 'building' | 'live' | 'retired' | 'freed';
  /** P0: the table is the owner's CPU stage-2 itself; `map` is unused. */
  cpuOf: number;
  /** Quarantine scratch table: every IOVA goes to the scratch page. */
  scratch: boolean;
  /** IOVA page -> PFN * 4 + (R ? 1 : 0) + (W ? 2 : 0). Freeing keeps it: freed memory is not scrubbed. */
  map: Map<number, number>;
  /** Once freed: the table later built in the same memory (the allocator hands it out again), if any. */
  reusedBy: string | null;
}

export interface Ste {
  sid: number;
  device: number;
  valid: boolean;
  config: SteConfig;
  vmid: number;
  table: string | null;
  /** STE.EATS: ATS translation requests are served (and, with ATSCHK, translated traffic let in). */
  eats: boolean;
  /** STE.S2R (with S2S = 0): stage-2 translation faults are recorded; clear, they abort silently. */
  s2r: boolean;
}

export interface CfgEntry {
  id: number;
  sid: number;
  ste: Ste;
  /** When the fetch that filled it completed: the entry exists from then on. */
  at: number;
}

export interface TlbEntry {
  id: number;
  vmid: number;
  iovaPage: number;
  pfn: number;
  /** Index into `pages` (-1: no memory at `pfn`), carried so a commit need not look it up. */
  page: number;
  r: boolean;
  w: boolean;
  table: string;
  authority: number;
  /** When the walk that filled it completed: the entry exists from then on. */
  at: number;
}

export interface AtcEntry {
  pfn: number;
  /** Index into `pages` (-1: no memory at `pfn`), carried so a commit need not look it up. */
  page: number;
  w: boolean;
  authority: number;
  tlbId: number;
  /** When the translation reached the device: it is usable from then on. */
  at: number;
}

export type CmdKind = 'CFGI_STE' | 'CFGI_ALL' | 'TLBI_S2_IPA' | 'TLBI_S12_VMALL' | 'TLBI_NSNH_ALL' | 'ATC_INV' | 'SYNC';

export interface Cmd {
  id: number;
  kind: CmdKind;
  sid: number;
  vmid: number;
  iovaPage: number;
  /** The hypervisor job waiting on this SYNC. */
  job: number;
  /** For an invalidation: the cache-entry id counter when it was consumed (entries filled later survive it). */
  filledBefore: number;
  enqueuedAt: number;
}

export interface CommandQueue {
  queue: Cmd[];
  /** True while the head command is being consumed (one per `cmd` ticks). */
  busy: boolean;
  /** Transactions translated within the scope of a completed invalidation that have not committed yet. */
  drain: Set<number>;
  /**
   * Invalidations consumed since the last SYNC began. An invalidation is complete only at the SYNC
   * that follows it: until then the SMMU may still use the entries in its scope.
   */
  pending: Cmd[];
  /** ATC invalidations sent to devices and not yet acknowledged. */
  atcPending: number;
  /** The devices whose ATC invalidation the SMMU awaits (one entry per invalidation sent). */
  atcAwaited: number[];
  /** CERROR_ATC_INV_SYNC command errors so far. */
  cerrors: number;
  /** The SYNC at the head that is waiting, if any (for the UI: what it waits on). */
  waitingSync: number;
  nextId: number;
  consumed: number;
}

export type EventName = 'C_BAD_STE' | 'F_TRANSL_FORBIDDEN' | 'F_WALK_EABT' | 'F_TRANSLATION' | 'F_PERMISSION';

export const EVENT_NUMBERS: Record<EventName, number> = {
  C_BAD_STE: 0x04,
  F_TRANSL_FORBIDDEN: 0x07,
  F_WALK_EABT: 0x0b,
  F_TRANSLATION: 0x10,
  F_PERMISSION: 0x13,
};

export interface EventRecord {
  t: number;
  name: EventName;
  number: number;
  sid: number;
  addr: number;
  write: boolean;
  txn: number;
}

export interface EventQueue {
  records: EventRecord[];
  capacity: number;
  drainScheduled: boolean;
  /**
   * SMMU_EVENTQ_PROD.OVFLG and SMMU_EVENTQ_CONS.OVACKFLG: the queue is in overflow while they
   * differ. The SMMU toggles OVFLG on a lost record when no overflow is pending; the hypervisor
   * acknowledges by copying it into OVACKFLG when it drains the queue.
   */
  ovflg: boolean;
  ovackflg: boolean;
  /** Times the queue went into overflow. */
  overflows: number;
}
