// One schedule of the explorer: the scenario run to the horizon under a deviation list, with what
// it broke, its choice record, its trace hash and its canonical end state.

import { copyState, createEngine, type Engine } from '../engine';
import { CH_ORDER, CHOICE_KINDS } from '../core/choice';
import { encodeChoices } from '../core/choiceList';
import type { ChoiceRecord } from '../core/choiceRecord';
import type { Scenario } from '../model/scenario';
import type { SimState } from '../model/state';
import type { Counterexample } from './types';
import { stateHash } from './stateHash';
import { livenessFailures } from './liveness';

export interface Broken {
  number: string;
  t: number;
  message: string;
  kind: 'safety' | 'liveness';
  /** Safety: the index of the run's first violation of the invariant among its violations; liveness: null. */
  violation: number | null;
}

export interface Run {
  deviations: Map<number, number>;
  /** Its choices, and the tick each was made on (-1: at boot) — where a schedule deviating there forks. Read only. */
  log: ChoiceRecord;
  hash: string;
  /** Events this run processed itself (not those of a prefix it started from). */
  events: number;
  broken: Map<string, Broken>;
  /** The canonical hash of the state it ended in: a distinct state the search reached. */
  endState: string;
}

/**
 * A part of a search as steps: it yields now and then between ticks, where its caller may pause it
 * (a worker gives its thread back there) and resume it later with the same result.
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * A run yields once it has processed this many events since its last yield (about half a
 * millisecond's work), looking every STRIDE ticks: a step is then about as long on a large system as
 * on a small one, where yielding every few ticks would cost more than the work between. A search
 * also yields before each copy and hash of the state, the other pieces of work that grow with the
 * system (a few milliseconds each on the stress scenario, 2,000 choices and more).
 */
export const STEP_EVENTS = 2048;
const STRIDE = 16;

/** Asked after each stretch of `e`'s run: whether it has processed STEP_EVENTS events since it last said yes. */
export function stepDue(e: Engine): () => boolean {
  let mark = e.state.processed;
  return () => {
    if (e.state.processed - mark < STEP_EVENTS) return false;
    mark = e.state.processed;
    return true;
  };
}

/** Runs steps to their end without pausing. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs `e` to tick `to`, yielding every STEP_EVENTS events or so. */
function* runTo(e: Engine, to: number): Steps<void> {
  const due = stepDue(e);
  for (let t = e.now + STRIDE; t < to; t += STRIDE) {
    e.runUntil(t);
    if (due()) yield;
  }
  e.runUntil(to);
}

/** Steps that end at once with `value`. */
// eslint-disable-next-line require-yield
export function* done<T>(value: T): Steps<T> {
  return value;
}

/**
 * Runs `e` to the horizon a tick at a time. `beforeTick` is called at the start of each tick,
 * between ticks (where the state may be copied), and returns true to go on or the steps that say
 * whether to; false ends the run there. Returns whether the run reached the horizon.
 */
export function* driveSteps(e: Engine, horizon: number, beforeTick: (t: number) => true | Steps<boolean>): Steps<boolean> {
  const due = stepDue(e);
  for (;;) {
    const t = e.nextEventAt();
    if (t > horizon) break;
    const go = beforeTick(t);
    if (go !== true && !(yield* go)) return false;
    e.runUntil(t);
    if (due()) yield;
  }
  e.runUntil(horizon);
  return true;
}

/** driveSteps with a plain `beforeTick`, run without pausing. */
export function drive(e: Engine, horizon: number, beforeTick: (t: number) => boolean): boolean {
  return drain(driveSteps(e, horizon, (t) => beforeTick(t) || done(false)));
}

function settle(e: Engine, deviations: Map<number, number>, from: number): Run {
  const broken = new Map<string, Broken>();
  e.violations.forEach((v, i) => {
    if (!broken.has(v.invariant)) broken.set(v.invariant, { number: v.number, t: v.t, message: v.message, kind: 'safety', violation: i });
  });
  for (const [id, b] of livenessFailures(e.state, e.now)) broken.set(id, b);
  return {
    deviations,
    log: e.choiceRecord()!,
    hash: e.traceHash(),
    events: e.state.processed - from,
    broken,
    endState: stateHash(e.state),
  };
}

/** A schedule run from boot. */
export function* runFromBootSteps(sc: Scenario, horizon: number, deviations: Map<number, number>): Steps<Run> {
  const e = createEngine(sc, { deviations, record: true });
  yield* runTo(e, horizon);
  yield;
  return settle(e, deviations, 0);
}

/** A schedule run from a copy of another run's state between ticks, recording its choices (its prefix shared). */
export function* runFromSteps(sc: Scenario, horizon: number, state: SimState, deviations: Map<number, number>): Steps<Run> {
  yield;
  const from = copyState(state, { records: false });
  const e = createEngine(sc, { from, deviations, record: true });
  const start = from.processed;
  yield* runTo(e, horizon);
  yield;
  return settle(e, deviations, start);
}

export const runFromBoot = (sc: Scenario, horizon: number, deviations: Map<number, number>): Run =>
  drain(runFromBootSteps(sc, horizon, deviations));

export const runFrom = (sc: Scenario, horizon: number, state: SimState, deviations: Map<number, number>): Run =>
  drain(runFromSteps(sc, horizon, state, deviations));

/**
 * The single deviations open after choice `from` in a run's choice log: each choice moved to an end
 * of its range (where timing leaks show), and each other source put first on a tick.
 */
export function movesAfter(log: ChoiceRecord, from: number): [number, number][] {
  const moves: [number, number][] = [];
  const add = (index: number, value: number) => void moves.push([index, value]);
  for (let i = from + 1; i < log.size; i++) movesAt(log, i, add);
  return moves;
}

/** The single deviations open at choice `i` (see movesAfter), each given to `add`; returns how many. */
export function movesAt(log: ChoiceRecord, i: number, add: (index: number, value: number) => void): number {
  const lo = log.field(i, 1),
    hi = log.field(i, 2),
    taken = log.field(i, 4);
  if (hi <= lo) return 0;
  // An order choice may move any other source first; a timing choice goes to either end.
  const step = log.field(i, 0) === CH_ORDER ? 1 : hi - lo;
  let n = 0;
  for (let v = lo; v <= hi; v += step)
    if (v !== taken) {
      add(i, v);
      n++;
    }
  return n;
}

/** A finding from a run that breaks `invariant`. */
export function counterexample(r: Run, invariant: string): Counterexample {
  const b = r.broken.get(invariant)!;
  return {
    invariant,
    number: b.number,
    kind: b.kind,
    deviations: [...r.deviations]
      .sort((a, c) => a[0] - c[0])
      .map(([index, value]) => ({ index, kind: CHOICE_KINDS[r.log.field(index, 0)] ?? 'unknown', value, default: r.log.field(index, 3) })),
    choices: encodeChoices(r.deviations),
    tick: b.t,
    violation: b.violation,
    message: b.message,
    traceHash: r.hash,
  };
}
