// The engine (docs/architecture.md): a deterministic discrete-event simulator. Events run in
// (tick, sequence) order; the only randomness is the seeded generator in the state. The same
// scenario and seed give the same trace hash in Node, in a worker and in tests.

import type { ChoiceRecord } from './core/choiceRecord';
import { digest } from './core/hash';
import { FIRST, peekTime, popBucket, queueSnapshot, recycle } from './core/timeQueue';
import { fromPlain, toPlain } from './core/plain';
import { copySimState } from './copyState';
import { boot } from './boot';
import { orderBucket } from './core/eventOrder';
import {
  EV_ARRIVE,
  EV_ATC_ACK,
  EV_CMD,
  EV_COMMIT,
  EV_ATC_TIMEOUT,
  EV_DRAIN,
  EV_FAULT,
  EV_HYP,
  EV_ISSUE,
  EV_RESET_DONE,
  EV_SCRIPT,
  trace,
} from './model/events';
import type { LogRecord, OpRecord, SimState, Txn, Violation } from './model/state';
import type { Scenario, ScriptOp } from './model/scenario';
import { abortTxn, onIssue, onCommit } from './device/dma';
import { arrive } from './smmu/translate';
import { onAtcAck, onAtcTimeout, onCmd } from './smmu/commandQueue';
import { checkAccounting, drainEventQueue, recordFault } from './smmu/faults';
import { onHyp } from './hyp/executor';
import { onResetDone } from './hyp/steps';
import { handleOp } from './ops/userOps';

export interface Snapshot {
  version: 1;
  state: unknown;
}

export interface Engine {
  readonly scenario: Scenario;
  readonly now: number;
  /** Processes the next event; returns false when nothing is left to do. */
  step(): boolean;
  /** Processes every event up to and including tick `t`, then sets the clock to `t`. */
  runUntil(t: number): void;
  /** The tick of the next pending event (Infinity when idle). */
  nextEventAt(): number;
  /** Applies a user operation now (a live operation). */
  apply(op: ScriptOp): void;
  snapshot(): Snapshot;
  /** Starts or stops collecting transactions as they commit or abort (for the app's overlay). */
  watchEnded(on: boolean): void;
  /** The transactions that ended since the last call, oldest first. */
  takeEnded(): readonly Txn[];
  restore(snap: Snapshot): void;
  readonly violations: readonly Violation[];
  readonly log: readonly LogRecord[];
  readonly ops: readonly OpRecord[];
  traceHash(): string;
  /** The choices made so far when recording (five numbers each: kind, lo, hi, default, taken), as a copy. */
  choiceLog(): readonly number[];
  /** The record of the choices made so far when recording (null: not recording). Do not mutate. */
  choiceRecord(): ChoiceRecord | null;
  /** The live state, for read-only views (inspector, frames). Do not mutate. */
  readonly state: SimState;
}

/**
 * A transaction aborted at the translation point, once its fault is due: the fault recorded (or
 * suppressed), the transaction ended at its device, the aborts accounted for (I11). The SMMU only
 * decides; the engine ends the transaction, so translation never calls back into the device.
 */
function faultNow(s: SimState, t: Txn): void {
  recordFault(s, t);
  abortTxn(s, t);
  checkAccounting(s, t);
}

export interface EngineOptions {
  /** Deviations from the default choices: choice index → value (src/sim/core/choice.ts). */
  deviations?: ReadonlyMap<number, number>;
  /** Records every choice the run makes (kind, range, default, taken), for `choiceLog`. */
  record?: boolean;
  /**
   * Starts from this state instead of booting (a copy from `copyState`, taken between ticks): the
   * explorer's schedules share the prefix they have in common. `deviations` then replaces the
   * state's deviation list, and the state's record of choices goes on.
   */
  from?: SimState;
}

/** A copy of an engine's state between ticks, for `EngineOptions.from` (see copyState.ts). */
export const copyState = copySimState;

export function createEngine(scenario: Scenario, options: EngineOptions = {}): Engine {
  let s = options.from ?? boot(scenario, options.deviations ?? null, options.record === true);
  if (options.from !== undefined) {
    const d = options.deviations;
    s.choices.over = d !== undefined && d.size > 0 ? new Map(d) : null;
  }

  // The three events of every transaction are handled inline; the rest — a few per hand-over —
  // go through `dispatchRare`, which keeps the per-transaction path small enough to inline.
  function dispatch(kind: number, arg: number): void {
    if (kind === EV_ARRIVE) {
      const t = s.txns.get(arg);
      if (t === undefined) return;
      if (arrive(s, t) === 'fault-now') faultNow(s, t);
      trace(s, kind, arg, t.phase === 'aborted' ? -1 : t.pfn);
    } else if (kind === EV_COMMIT) {
      const t = s.txns.get(arg);
      if (t === undefined) return;
      trace(s, kind, arg, t.pfn);
      onCommit(s, t);
    } else if (kind === EV_ISSUE) {
      trace(s, kind, arg, s.counters.issued);
      onIssue(s, arg);
    } else dispatchRare(kind, arg);
  }

  function dispatchRare(kind: number, arg: number): void {
    switch (kind) {
      case EV_SCRIPT:
        trace(s, kind, arg, 0);
        handleOp(s, s.scenario.script[arg]);
        return;
      case EV_CMD:
        trace(s, kind, arg, s.cmdq.queue.length);
        onCmd(s);
        return;
      case EV_HYP:
        trace(s, kind, arg, 0);
        onHyp(s, arg);
        return;
      case EV_RESET_DONE:
        trace(s, kind, arg, 0);
        onResetDone(s, arg);
        return;
      case EV_ATC_ACK:
        trace(s, kind, arg, 0);
        onAtcAck(s, arg);
        return;
      case EV_DRAIN:
        trace(s, kind, arg, s.eventq.records.length);
        drainEventQueue(s);
        return;
      case EV_ATC_TIMEOUT:
        trace(s, kind, arg, s.cmdq.atcPending);
        onAtcTimeout(s, arg);
        return;
      case EV_FAULT: {
        const t = s.txns.get(arg);
        if (t === undefined) return;
        trace(s, kind, arg, -1);
        faultNow(s, t);
        return;
      }
    }
  }

  /** The source of an event, for the order of one tick's events (core/eventOrder.ts). */
  function sourceOf(kind: number, arg: number): number {
    switch (kind) {
      case EV_ARRIVE:
      case EV_COMMIT:
      case EV_FAULT: {
        const t = s.txns.get(arg);
        return t === undefined ? -1 : 2 + t.device;
      }
      case EV_ISSUE:
      case EV_ATC_ACK:
      case EV_RESET_DONE:
        return 2 + arg;
      case EV_CMD:
      case EV_ATC_TIMEOUT:
        return 1;
      default:
        return 0;
    }
  }

  /** A tick's bucket, reordered when the run takes deviations or records (nothing extra otherwise). */
  function take(): number[] {
    const b = popBucket(s.queue);
    if (s.choices.over !== null || s.choices.record !== null) orderBucket(s.choices, b, sourceOf);
    return b;
  }

  function step(): boolean {
    if (s.bucketPos >= s.bucket[0]) {
      if (s.queue.size === 0) return false;
      s.bucketAt = peekTime(s.queue);
      s.choices.at = s.bucketAt;
      s.bucket = take();
      s.bucketPos = FIRST;
      s.now = s.bucketAt;
    }
    // An index, not shift(): a tick may hold hundreds of events.
    const b = s.bucket;
    const kind = b[s.bucketPos];
    const arg = b[s.bucketPos + 1];
    s.bucketPos += 2;
    if (s.bucketPos >= b[0]) {
      s.bucket = [FIRST];
      s.bucketPos = FIRST;
      recycle(s.queue, b);
    }
    s.now = s.bucketAt;
    s.processed++;
    dispatch(kind, arg);
    return true;
  }

  function runUntil(t: number): void {
    // Finish the partly processed bucket first (single-stepping may have left one).
    while (s.bucketPos < s.bucket[0]) step();
    for (;;) {
      const next = peekTime(s.queue);
      if (next > t) break;
      s.choices.at = next;
      const b = take();
      s.now = next;
      const end = b[0];
      s.processed += (end - FIRST) / 2;
      for (let i = FIRST; i < end; i += 2) dispatch(b[i], b[i + 1]);
      recycle(s.queue, b);
    }
    if (t > s.now && t !== Infinity) s.now = t;
  }

  return {
    get scenario() {
      return scenario;
    },
    get now() {
      return s.now;
    },
    step,
    runUntil,
    nextEventAt: () => (s.bucketPos < s.bucket[0] ? s.bucketAt : peekTime(s.queue)),
    apply(op: ScriptOp) {
      trace(s, 15, s.ops.length, 0);
      s.choices.at = s.now;
      handleOp(s, { ...op, at: s.now } as ScriptOp);
    },
    snapshot(): Snapshot {
      // Buffers kept for reuse are left out: a snapshot holds only what the simulation means.
      const { scenario: _sc, ended: _e, spareTxns: _t, queue, bucket, ...rest } = s;
      return { version: 1, state: toPlain({ ...rest, queue: queueSnapshot(queue), bucket: bucket.slice(0, bucket[0]) }) };
    },
    restore(snap: Snapshot) {
      const watching = s.ended !== null;
      s = {
        ...(fromPlain(snap.state) as Omit<SimState, 'scenario' | 'ended' | 'spareTxns'>),
        scenario,
        ended: watching ? [] : null,
        spareTxns: [],
      } as SimState;
    },
    watchEnded(on: boolean) {
      s.ended = on ? [] : null;
    },
    takeEnded() {
      const e = s.ended ?? [];
      if (s.ended !== null) s.ended = [];
      return e;
    },
    get violations() {
      return s.violations;
    },
    get log() {
      return s.log;
    },
    get ops() {
      return s.ops;
    },
    traceHash: () => digest(s.hash),
    choiceLog: () => s.choices.record?.flat() ?? [],
    choiceRecord: () => s.choices.record,
    get state() {
      return s;
    },
  };
}
