// The engine's input: a scenario after validation. Addresses are numbers here (the document keeps
// them as hex strings; src/scenario parses them). Every field is filled: the engine has no defaults
// of its own, so a scenario means exactly what it says.

export type EndpointKind = 'vm' | 'sp';
export type ResetBehaviour = 'clean' | 'ignores-reset' | 'retries-after-reset';
export type DmaDir = 'read' | 'write';
export type SteConfig = 'abort' | 'bypass' | 's2';
export type Retention = 'adversarial' | `lru:${number}`;

export const POLICY_IDS = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'] as const;
export type PolicyId = (typeof POLICY_IDS)[number];

export const MUTATION_IDS = [
  'skip-cfgi',
  'skip-sync',
  'skip-tlbi',
  'reuse-vmid',
  'ats-unchecked',
  'skip-atc-inv',
  'unassigned-bypass',
  'gbpa-bypass',
  'device-ignores-reset',
  'eventq-1',
] as const;
export type MutationId = (typeof MUTATION_IDS)[number];

export interface Timing {
  /** Minimum ticks between two issues by one device. */
  issue: number;
  /** Device → SMMU (the window in which an issued transaction will still see a new config). */
  fabric: number;
  /** STE fetch on a configuration-cache miss. */
  cfgFetch: number;
  walkPerLevel: number;
  walkLevels: number;
  /** Translated → committed, drawn from the seeded generator (inclusive range). */
  downstream: [number, number];
  /** The command queue consumes one command per `cmd` ticks. */
  cmd: number;
  steWrite: number;
  reset: number;
  /** A device acknowledges an ATC invalidation after this many ticks (inclusive range). */
  atcInv: [number, number];
  /** Ticks between two drains of the event queue by the hypervisor. */
  eventDrain: number;
  /** A CMD_SYNC that waits this long for an ATS invalidation fails with CERROR_ATC_INV_SYNC. */
  atcInvTimeout: number;
  /** How long a tick is, in nanoseconds (what the timeline and reports show). */
  tickNs: number;
}

/**
 * What the memory of a freed IOMMU table holds when the SMMU walks it anyway: its old descriptors
 * (`stale`, the default: freeing does not scrub), zeros (`zeroed`: F_TRANSLATION), the descriptors of
 * the next table the hypervisor builds in it (`reused`), or memory the SMMU may not fetch from
 * (`protected`, a GPC/RME-style granule check: an external abort, F_WALK_EABT).
 */
export type FreedTableMemory = 'stale' | 'zeroed' | 'reused' | 'protected';

export interface SmmuSettings {
  enabled: boolean;
  gbpa: 'abort' | 'bypass';
  unassigned: 'abort' | 'bypass';
  atsCheck: boolean;
  /** SMMU_CR2.REC_CFG_ATS: configuration errors of ATS-translated transactions are recorded. */
  recCfgAts: boolean;
  eventQueue: number;
  cacheRetention: Retention;
  freedTables: FreedTableMemory;
}

export interface PolicySettings {
  id: PolicyId | 'custom';
  mutations: MutationId[];
  dmaCoupled: boolean;
  custom?: CustomPolicy;
}

export interface EndpointSpec {
  id: string;
  kind: EndpointKind;
  name: string;
  vmid: number;
}

export type PageKind = 'normal' | 'hypervisor' | 'pagetable' | 'stream-table';

export interface RegionSpec {
  id: string;
  /** An endpoint id, or 'hyp' for hypervisor-owned memory. */
  owner: string;
  pa: number;
  /** Where the owner's CPU stage-2 maps it (IPA). Hypervisor memory has none. */
  ipa: number;
  pages: number;
  secret: boolean;
  kind: PageKind;
  name: string;
}

export interface DeviceSpec {
  id: string;
  name: string;
  streams: number[];
  group: string;
  /** An endpoint id, or null for a device nobody owns at boot. */
  owner: string | null;
  reset: ResetBehaviour;
  ats: boolean;
  /**
   * What a function-level reset does to the device's ATC: `flush` (as PCIe requires: ATS Enable
   * is cleared and the ATC emptied) or `keep` (a non-compliant device: its cached translations
   * survive the reset and it goes on sending translated requests from them).
   */
  atcOnReset: 'flush' | 'keep';
  /** `times-out`: the device never completes an ATS invalidation (CERROR_ATC_INV_SYNC). */
  atsInvalidation: 'completes' | 'times-out';
  maxOutstanding: number;
  /**
   * Regions the device's own IOMMU table maps at boot (the manifest's memory-regions with this
   * device's stream-ids). Empty means "all memory its owner owns" for policies that give each
   * device a table; P0 ignores it (the device sees the owner's whole IPA space).
   */
  map: string[];
}

export interface DmaDescriptor {
  iova: number;
  pages: number;
  dir: DmaDir;
  loop: boolean;
  every: number;
}

/**
 * A receiver of an FF-A memory transaction: an endpoint id (read-write; for a donation, no access
 * given, as FFA_MEM_DONATE requires), or an id with the data access the sender grants it.
 */
export type Receiver = string | { id: string; access: 'ro' | 'rw' };

export function receiverId(r: Receiver): string {
  return typeof r === 'string' ? r : r.id;
}

/** The data access the sender gave explicitly, or null where it gave an id only. */
export function receiverAccess(r: Receiver): 'ro' | 'rw' | null {
  return typeof r === 'string' ? null : r.access;
}

export function receiverLabel(r: Receiver): string {
  return typeof r === 'string' ? r : `${r.id}:${r.access}`;
}

/**
 * Script operations (docs/model.md §10). `at` is the tick. `window`, when given, makes the tick a
 * choice point within [lo, hi] whose default is `at` (the explorer tries the others).
 */
export type ScriptOp = ScriptOpBody & { window?: [number, number] };

type ScriptOpBody =
  | { at: number; op: 'program'; device: string; by: string; dma: DmaDescriptor[] }
  | { at: number; op: 'assign'; device: string; to: string }
  | { at: number; op: 'transfer'; device: string; to: string }
  | { at: number; op: 'lend'; device: string; to: string }
  | { at: number; op: 'reclaim'; device: string }
  | { at: number; op: 'relinquish'; device: string; by: string }
  | { at: number; op: 'share'; device: string; with: string }
  | { at: number; op: 'unassign'; device: string }
  | { at: number; op: 'accept'; device: string; by: string }
  | { at: number; op: 'enable'; device: string; by: string }
  | { at: number; op: 'map'; device: string; by: string; region: string }
  | { at: number; op: 'pause'; device: string }
  | { at: number; op: 'resume'; device: string }
  | { at: number; op: 'reset'; device: string }
  | { at: number; op: 'cpuWrite'; endpoint: string; region: string; secret: boolean }
  | {
      at: number;
      op: 'memShare' | 'memLend' | 'memDonate';
      from: string;
      to: Receiver[];
      region: string;
      clear: boolean;
      /** The author's name for the transaction; the FF-A handle value is allocated by the model. */
      handle: string;
    }
  /** `clearOnRelinquish`: FFA_MEMORY_REGION_FLAG_CLEAR_RELINQUISH in the retrieve request. */
  | { at: number; op: 'memRetrieve'; by: string; handle: string; clearOnRelinquish: boolean }
  /** `clear`: FFA_MEMORY_REGION_FLAG_CLEAR in the relinquish descriptor. */
  | { at: number; op: 'memRelinquish'; by: string; handle: string; clear: boolean }
  /** `clear`: FFA_MEM_RECLAIM_CLEAR. */
  | { at: number; op: 'memReclaim'; by: string; handle: string; clear: boolean }
  /** P8: the host locks the device interface again (TDISP LOCK_INTERFACE) after a reset unlocked it. */
  | { at: number; op: 'lock'; device: string }
  | { at: number; op: 'abort'; endpoint: string }
  | { at: number; op: 'smmuEnable' }
  | { at: number; op: 'smmuDisable' };

export type OpName = ScriptOp['op'];
export type OpOf<K extends OpName> = Extract<ScriptOp, { op: K }>;

export interface Caption {
  at: number;
  text: string;
  /** The view to show at this caption when presenting: the canvas point at the screen's middle, and the zoom. */
  camera?: { x: number; y: number; zoom: number };
}

export interface Scenario {
  format: 'dma-handoff/scenario';
  version: 1;
  title: string;
  description: string;
  seed: number;
  timing: Timing;
  smmu: SmmuSettings;
  policy: PolicySettings;
  endpoints: EndpointSpec[];
  memory: RegionSpec[];
  devices: DeviceSpec[];
  script: ScriptOp[];
  layout: Record<string, [number, number]>;
  captions: Caption[];
}

// ---- Hypervisor steps (docs/model.md §10) -----------------------------------------------------------

export type CmdName = 'CFGI_STE' | 'CFGI_ALL' | 'TLBI_S2_IPA' | 'TLBI_S12_VMALL' | 'TLBI_NSNH_ALL' | 'ATC_INV';

/**
 * Which IOMMU table a step speaks of, resolved when the step runs:
 * `old` — the table the device's STE pointed at when the operation started; `new` — the table this operation created;
 * `device` — the device's own table as the hypervisor last set it up; `scratch` — the quarantine
 * scratch table; `owner-cpu` — the new owner's CPU stage-2 (P0).
 */
export type TableRef = 'old' | 'new' | 'device' | 'scratch' | 'owner-cpu';

/** Who a step names: the operation's target endpoint, its previous owner, or a built-in. */
export type WhoRef = 'to' | 'from' | 'hyp' | 'quarantine' | 'none';

export type StepSpec =
  | { kind: 'steWrite'; valid: boolean; config: SteConfig | 'unassigned'; table?: TableRef; eats?: boolean }
  | { kind: 'cmd'; cmd: CmdName; table?: TableRef }
  | { kind: 'sync'; completesHandover?: boolean }
  | { kind: 'busMaster'; on: boolean }
  | { kind: 'reset' }
  | { kind: 'setOwner'; to: WhoRef; state: AssignState }
  | { kind: 'tableCreate'; fill: 'owner' | 'empty' | 'shared' | 'scratch'; for: WhoRef }
  | { kind: 'tableMap'; region: string; table?: TableRef }
  | { kind: 'tableUnmap'; pages: 'revoked' | 'all'; table?: TableRef }
  | { kind: 'tableFree'; table: TableRef }
  | { kind: 'vmidAlloc'; table: TableRef }
  | { kind: 'vmidFree'; table: TableRef }
  | { kind: 'awaitReceiver'; what: 'accept' | 'enable' }
  | { kind: 'lock' }
  | { kind: 'measure' }
  /** P8: TDISP START_INTERFACE — the locked interface starts (RUN); DMA may be enabled only after it. */
  | { kind: 'start' }
  /** Applies the FF-A memory operation that the job was started for (used after a revocation). */
  | { kind: 'ffaCommit' };

export type StepKind = StepSpec['kind'];

export type AssignState = 'assigned' | 'unassigned' | 'held' | 'offered' | 'quarantined' | 'pending-enable' | 'lent' | 'shared' | 'locked';

/** The operations a policy expands into hypervisor steps. */
export type PolicyOp =
  'assign' | 'transfer' | 'lend' | 'reclaim' | 'relinquish' | 'share' | 'unassign' | 'abort' | 'accept' | 'enable' | 'revoke';

/**
 * Who takes part in each operation a policy expands: `from`, the endpoint the device leaves (its
 * owner as the operation starts; an abort: the aborted partition); `to`, the receiver. `false`
 * means the operation never has one: its steps see nobody there, so "from" / "to", the receiver's
 * CPU stage-2 (`owner-cpu`) and anything built from them name nothing. `true` means it may have
 * one; whether it does depends on the run (an assign of an unowned device comes from nobody).
 */
export const POLICY_OP_PARTIES: Readonly<Record<PolicyOp, { from: boolean; to: boolean }>> = {
  assign: { from: true, to: true },
  transfer: { from: true, to: true },
  lend: { from: true, to: true },
  reclaim: { from: true, to: true },
  relinquish: { from: true, to: true },
  share: { from: true, to: true },
  unassign: { from: true, to: false },
  abort: { from: true, to: false },
  accept: { from: false, to: true },
  enable: { from: false, to: true },
  revoke: { from: false, to: false },
};

export interface CustomPolicy {
  name: string;
  steps: Partial<Record<PolicyOp, StepSpec[]>>;
  /** STE.S2R of the STEs it writes: stage-2 faults are recorded (default) or aborted silently. */
  s2Record?: boolean;
}
