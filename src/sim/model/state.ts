// The engine's whole mutable state. Everything the engine knows lives here, references between
// entities are ids or indices (never object pointers), so a snapshot is a plain copy of this tree.

import type { HashState } from '../core/hash';
import type { RngState } from '../core/rng';
import type { Choices } from '../core/choice';
import type { TimeQueue } from '../core/timeQueue';
import type { PageKind, Scenario, ScriptOp, StepSpec, EndpointKind, FreedTableMemory } from './scenario';
import type { CfgEntry, CommandQueue, EventQueue, EventRecord, IoTable, Ste, TlbEntry } from './smmuState';
import type { Device, Txn } from './deviceState';

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

export * from './smmuState';
export * from './deviceState';

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
  /** The way the transaction that broke the rule went, when a transaction broke it (else null). */
  path: ViolationPath | null;
}

/**
 * How a violating transaction went from its device through the SMMU to memory, as it stood when
 * the rule broke: what the app draws as the path of the leak.
 */
export interface ViolationPath {
  device: string;
  sid: number;
  /**
   * What translated it: a TLB entry (`tlb`), a walk of a freed table before any entry was made
   * (`walk`), the device's ATC, with the SMMU not consulted (`atc`), or nothing (`bypass`).
   */
  via: 'tlb' | 'walk' | 'atc' | 'bypass';
  /** The TLB entry's VMID and IOVA page (-1 when it used none). */
  vmid: number;
  iovaPage: number;
  /** The table whose descriptor translated it (null: none, or the entry was gone by then). */
  table: string | null;
  /** The entry it used no longer matched its table: the table was not live, or maps the page elsewhere. */
  staleEntry: boolean;
  /** The cached STE of its stream differed from the STE in memory. */
  staleSte: boolean;
  /** The page's index in the run's pages and its physical address (hex); -1 and null when it reached none. */
  pageIndex: number;
  pa: string | null;
  write: boolean;
  /** Who programmed the descriptor, and whose data the page held. */
  programmedBy: string;
  dataOf: string | null;
  secret: boolean;
  /** In words, for the page: "A's descriptor read P's secret". */
  summary: string;
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
  /** The run's choices: how many made, the deviations it takes, and the record when recording. */
  choices: Choices;
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
  /** STE.S2R of the STEs the policy writes (its `s2Record`). */
  s2Record: boolean;
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
