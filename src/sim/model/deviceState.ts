// A DMA-capable device's state and its transactions. Part of the engine's state (state.ts), plain
// data like the rest of it.

import type { AssignState, DmaDescriptor, ResetBehaviour } from './scenario';
import type { AtcEntry, EventName } from './smmuState';

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
  /** It broke an invariant (a leak): the app draws it, and the page it reached, as such. */
  broke: boolean;
}
