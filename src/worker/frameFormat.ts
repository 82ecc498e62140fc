// The packed frame: how a frame carries its transactions (in flight, and ended in the last few
// ticks) as one Float64Array each, TX.stride numbers per transaction, transferred to the overlay's
// painter without a copy (docs/architecture.md). The engine host packs them (packTxns in view.ts,
// host.ts) and the overlay reads them (ui/overlay/draw.ts) through the names defined here: the
// field offsets, the phase codes, the flag bits and the fault codes are written down here and
// nowhere else. The module is light on purpose: the painter's worker loads it, and nothing of the
// engine but its event numbers.

import { EVENT_NUMBERS, type EventName, type TxnPhase } from '../sim';

/** Fields of one transaction in a packed frame array: offsets from its first number, and the stride. */
export const TX = {
  id: 0,
  device: 1,
  programmedBy: 2,
  /** One of PHASE. */
  phase: 3,
  issuedAt: 4,
  arriveAt: 5,
  /** When it leaves the SMMU downstream (after cache fetch / walk latency). */
  translatedAt: 6,
  commitAt: 7,
  /** Global page index it reaches, or one of PAGE. */
  page: 8,
  /** SMMU event number of its fault (EVENT_NUMBERS), or one of FAULT. */
  fault: 9,
  /** FLAG bits. */
  flags: 10,
  stride: 11,
} as const;

export type TxField = Exclude<keyof typeof TX, 'stride'>;

/** Phase codes: issued (device → SMMU), translated (SMMU → page), committed, aborted. */
export const PHASE = { issued: 0, translated: 1, committed: 2, aborted: 3 } as const satisfies Record<TxnPhase, number>;

/** Flag bits. `leak`: the transaction broke an invariant (set when it commits, or when its walk breaks one). */
export const FLAG = { write: 1, viaAts: 2, bypass: 4, leak: 8 } as const;

/** Page indices that are no page of memory. */
export const PAGE = {
  /** Nowhere in memory (a bypass outside it), or not translated yet. */
  none: -1,
  /** The quarantine scratch page. */
  scratch: -2,
} as const;

/** Fault codes that are no SMMU event number. */
export const FAULT = {
  /** Not aborted. */
  none: 0,
  /** Aborted with no record (a configuration abort, GBPA). */
  unrecorded: -1,
} as const;

/** The code a transaction ended with: its fault's event number, or one of FAULT. */
export function faultCode(aborted: boolean, fault: EventName | null): number {
  if (!aborted) return FAULT.none;
  return fault === null ? FAULT.unrecorded : EVENT_NUMBERS[fault];
}

const FAULT_NAMES = new Map<number, EventName>(Object.entries(EVENT_NUMBERS).map(([name, n]) => [n, name as EventName]));

/** The SMMU event a fault code names; null for FAULT codes and unknown numbers. */
export function faultName(code: number): EventName | null {
  return FAULT_NAMES.get(code) ?? null;
}

/** How many transactions a packed array holds. */
export function txnCount(a: Float64Array): number {
  return Math.floor(a.length / TX.stride);
}

/** Whether the transaction at offset `o` has the FLAG bit `flag`. */
export function hasFlag(a: Float64Array, o: number, flag: number): boolean {
  return (a[o + TX.flags] & flag) !== 0;
}

/** Whether the transaction at offset `o` is in phase `phase`. */
export function inPhase(a: Float64Array, o: number, phase: TxnPhase): boolean {
  return a[o + TX.phase] === PHASE[phase];
}

/** One packed transaction, read back whole (for tests and anything off the drawing path). */
export interface PackedTxn {
  id: number;
  device: number;
  programmedBy: number;
  phase: TxnPhase;
  issuedAt: number;
  arriveAt: number;
  translatedAt: number;
  commitAt: number;
  page: number;
  fault: number;
  write: boolean;
  viaAts: boolean;
  bypass: boolean;
  leak: boolean;
}

/** Phase names by code. */
const PHASES: TxnPhase[] = [];
for (const [name, code] of Object.entries(PHASE)) PHASES[code] = name as TxnPhase;

/** The `i`-th transaction of a packed array. */
export function readTxn(a: Float64Array, i: number): PackedTxn {
  const o = i * TX.stride;
  return {
    id: a[o + TX.id],
    device: a[o + TX.device],
    programmedBy: a[o + TX.programmedBy],
    phase: PHASES[a[o + TX.phase]],
    issuedAt: a[o + TX.issuedAt],
    arriveAt: a[o + TX.arriveAt],
    translatedAt: a[o + TX.translatedAt],
    commitAt: a[o + TX.commitAt],
    page: a[o + TX.page],
    fault: a[o + TX.fault],
    write: hasFlag(a, o, FLAG.write),
    viaAts: hasFlag(a, o, FLAG.viaAts),
    bypass: hasFlag(a, o, FLAG.bypass),
    leak: hasFlag(a, o, FLAG.leak),
  };
}
