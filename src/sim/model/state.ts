// The engine's whole mutable state. Everything the engine knows lives here, references between
// entities are ids or indices (never object pointers), so a snapshot is a plain copy of this tree.

import type { HashState } from '../core/hash';
import type { RngState } from '../core/rng';
import type { TimeQueue } from '../core/timeQueue';
import type {
  AssignState,
  DmaDescriptor,
  PageKind,
  ResetBehaviour,
  Scenario,
  ScriptOp,
  SteConfig,
  StepSpec,
  EndpointKind,
  FreedTableMemory,
} from './scenario';

export const PAGE = 4096;

// Page-mode bits, per endpoint (Hafnium's valid / owned / exclusive, plus read and write).
export const V = 1;
export const O = 2;
export const X = 4;
export const R = 8;
export const W = 16;
export const OWNER_EXCLUSIVE = V | O | X | R | W;

export const HYP = 0;
export const QUARANTINE = 1;
/** "No endpoint": an unowned device, a bypassed translation. */
export const NOBODY = -1;

export interface Endpoint {
  id: string;
  kind: EndpointKind | 'hyp' | 'quarantine';
  name: string;
  vmid: number;
  lifecycle: 'running' | 'aborted';
  /** CPU stage-2: IPA page number -> PFN. Permissions come from the page modes. */
  s2: Map<number, number>;
}

export interface Page {
  pfn: number;
  region: number;
  kind: PageKind;
  /** Endpoint index that owns the page (FF-A owner). */
  owner: number;
  /** Mode bits per endpoint index. */
  modes: number[];
  /** Content label: whose data the page holds, whether it is secret, the last DMA writer. */
  dataOf: number;
  secret: boolean;
  lastDmaWriter: { device: number; by: number; t: number } | null;
  /** Set when the page was zeroed on hand-over: who lost access at that moment (I12). */
  clearedFrom: number[];
  clearedAt: number;
}

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

export interface DescriptorState extends DmaDescriptor {
  programmedBy: number;
  cursor: number;
  nextAt: number;
  done: boolean;
}

export interface Device {
  id: string;
  name: string;
  streams: number[];
  group: string;
  owner: number;
  /**
   * The endpoint this device's DMA acts for — what I1 calls "the owner at issue". It follows
   * `owner` when a hand-over completes (its disabling SYNC) or the device is assigned, so that the
   * old owner's DMA drained by the SYNC is still counted as the old owner's.
   */
  dmaOwner: number;
  assign: AssignState;
  /** Who the device is offered / lent / locked / shared to, while in those states. */
  pendingFor: number;
  /** P6: the endpoint that lent the device out and may reclaim it. */
  lender: number;
  busMaster: boolean;
  paused: boolean;
  resetting: boolean;
  resetBehaviour: ResetBehaviour;
  ats: boolean;
  /** The endpoint's ATS Enable (PCIe ATS control): cleared by a function-level reset. */
  atsEnabled: boolean;
  atcOnReset: 'flush' | 'keep';
  atsInvalidation: 'completes' | 'times-out';
  atc: Map<number, AtcEntry>;
  maxOutstanding: number;
  outstanding: number;
  descriptors: DescriptorState[];
  programmedBy: number;
  /** A device issue event is pending. */
  issueScheduled: boolean;
  /** Reads that faulted, remembered by a device that retries them after reset. */
  faultedReads: { iova: number; by: number }[];
  /** The table its streams point at while it has one of its own. */
  table: string | null;
  /** Boot manifest regions (P7 tables, initial tables). */
  map: string[];
  /** Who last enabled or accepted the device. */
  enabledBy: number;
  /** Per stream (as in `streams`): when its latest posted write commits; later writes never pass it. */
  lastWrite: number[];
  /** Per endpoint: the tick its own DMA (descriptors it programmed) last committed, or -1. */
  lastCommitBy: number[];
  /** I10: the last VM that had DMA through this device, and whether a reset happened since it lost it. */
  lastDmaOwner: number;
  hasDma: boolean;
  /** Its STE stopped giving DMA; `hasDma` clears once a SYNC completes the CFGI of that STE. */
  dmaOffPending: boolean;
  /** A CFGI of its streams was consumed after that: the next SYNC completes it. */
  dmaOffInvalidated: boolean;
  resetSinceDmaLost: boolean;
  /** I2: completed hand-overs away from an owner. */
  handovers: { from: number; completedAt: number }[];
  /** P8: the device's current nonce, and the nonce the receiver verified at accept. */
  nonce: number;
  verifiedNonce: number;
  /** P8: the TDISP interface state; any reset returns it to CONFIG_UNLOCKED. */
  tdisp: 'unlocked' | 'locked' | 'run';
}

export type TxnPhase = 'issued' | 'translated' | 'committed' | 'aborted';

export interface Txn {
  id: number;
  device: number;
  sid: number;
  iova: number;
  write: boolean;
  programmedBy: number;
  ownerAtIssue: number;
  issuedAt: number;
  phase: TxnPhase;
  arriveAt: number;
  translatedAt: number;
  commitAt: number;
  pfn: number;
  /** Index into `pages` of the page at `pfn` (-1: no memory there, or not translated yet). */
  page: number;
  /** Endpoint whose table produced the translation (NOBODY for bypass). */
  authority: number;
  usedCfg: number;
  usedTlb: number;
  /** The VMID of the TLB entry it was translated with (-1: none), which TLBI scopes match. */
  vmid: number;
  viaAts: boolean;
  viaBypass: boolean;
  fault: EventName | null;
}

export interface ShareState {
  /** The author's name for the transaction. */
  handle: string;
  /** The FF-A handle value (hex): the share-state slot, with bit 63 set when the hypervisor allocated it. */
  value: string;
  allocator: 'hypervisor' | 'spmc';
  slot: number;
  func: 'share' | 'lend' | 'donate';
  sender: number;
  /** `access`: the data access the sender gave (null: none given). */
  receivers: { ep: number; retrieved: boolean; ipaBase: number; access: 'ro' | 'rw' | null }[];
  region: number;
  clear: boolean;
  /** The sender aborted while a borrower held the pages: reclaimed at the last relinquish. */
  deferredReclaim: boolean;
}

export interface Job {
  id: number;
  /** Index into the operation log. */
  opIndex: number;
  op: ScriptOp;
  device: number;
  to: number;
  from: number;
  steps: (StepSpec & { sid?: number; device?: number; completesHandover?: boolean })[];
  pc: number;
  /** Per device index: the table its STE used when the job started, and the table the job made. */
  old: Record<number, string | null>;
  fresh: Record<number, string | null>;
  state: 'queued' | 'running' | 'waiting-sync' | 'waiting-receiver' | 'done';
  /** For memory-revocation jobs: the handle being released and the pages revoked. */
  handle: string;
  revokedPages: number[];
  revokedIova: number[];
}

export type LogKind = 'op' | 'step' | 'opError' | 'event' | 'violation' | 'note';

export interface LogRecord {
  t: number;
  kind: LogKind;
  text: string;
  /** Operation index this record belongs to (steps are grouped under their operation). */
  op: number;
  code?: string;
}

export interface OpRecord {
  index: number;
  t: number;
  op: ScriptOp;
  status: 'running' | 'waiting' | 'done' | 'refused';
  error?: string;
  steps: { t: number; text: string }[];
  doneAt: number;
  /** For a hand-over of a device: the endpoint it goes to (-1: nobody, as for an unassign). */
  receiver?: number;
}

export interface Violation {
  invariant: string;
  number: string;
  t: number;
  device: string | null;
  txn: number | null;
  page: string | null;
  message: string;
  count: number;
}

export interface Counters {
  issued: number;
  committed: number;
  aborted: number;
  recorded: number;
  suppressed: number;
  dropped: number;
}

export interface SimState {
  scenario: Scenario;
  now: number;
  rng: RngState;
  hash: HashState;
  queue: TimeQueue;
  endpoints: Endpoint[];
  epIndex: Map<string, number>;
  regions: { id: string; firstPage: number; pages: number; ipa: number; owner: number; pa: number }[];
  pages: Page[];
  pfnToPage: Map<number, number>;
  tables: Map<string, IoTable>;
  nextTable: number;
  vmidBase: number;
  vmidsInUse: Map<number, string>;
  smmu: {
    enabled: boolean;
    gbpa: 'abort' | 'bypass';
    unassigned: 'abort' | 'bypass';
    atsCheck: boolean;
    recCfgAts: boolean;
    retention: number;
    freedTables: FreedTableMemory;
  };
  /** Freed device tables whose memory nothing has reused yet, most recently freed last. */
  freedUnused: string[];
  streamTable: Map<number, Ste>;
  cfgCache: Map<number, CfgEntry>;
  tlb: Map<number, TlbEntry>;
  nextCacheId: number;
  cmdq: CommandQueue;
  eventq: EventQueue;
  devices: Device[];
  devIndex: Map<string, number>;
  sidToDevice: Map<number, number>;
  txns: Map<number, Txn>;
  nextTxn: number;
  counters: Counters;
  handles: Map<string, ShareState>;
  jobs: Map<number, Job>;
  jobQueue: number[];
  runningJob: number;
  nextJob: number;
  ops: OpRecord[];
  /** Single-stepping: the current tick's bucket (`[end, kind, arg, ...]`) and the position of its next event. */
  bucket: number[];
  bucketPos: number;
  bucketAt: number;
  /** Events processed since boot. */
  processed: number;
  nextScript: number;
  log: LogRecord[];
  logDropped: number;
  events: EventRecord[];
  eventsDropped: number;
  violations: Violation[];
  violationIndex: Map<string, number>;
  nonceCounter: number;
  /**
   * Transactions that committed or aborted since an observer last took them (null: nobody watches,
   * as in the CLI and benchmarks). The app's overlay draws a blocked one stopped at the SMMU and a
   * landed one reaching its page. Not part of snapshots.
   */
  ended: Txn[] | null;
  /**
   * Finished transactions kept for reuse while nobody watches `ended`: a busy run then issues
   * without allocating, and the garbage collector has far less to copy. Not part of snapshots.
   */
  spareTxns: Txn[];
  mutations: Set<string>;
}
