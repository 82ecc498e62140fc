// One schedule of the explorer: the scenario run to the horizon under a deviation list, with what
// it broke, its choice record, its trace hash and its canonical end state.

import { copyState, createEngine, type Engine } from '../engine';
import { CH_ORDER, CHOICE_KINDS } from '../core/choice';
import { encodeChoices } from '../core/choiceList';
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
  log: readonly number[];
  /** Per choice, the tick it was made on (-1: at boot) — where a schedule deviating there forks. */
  ticks: readonly number[];
  hash: string;
  /** Events this run processed itself (not those of a prefix it started from). */
  events: number;
  broken: Map<string, Broken>;
  /** The canonical hash of the state it ended in: a distinct state the search reached. */
  endState: string;
}

/**
 * Runs `e` to the horizon a tick at a time. `beforeTick` is called at the start of each tick,
 * between ticks (where the state may be copied); false ends the run there. Returns whether the run
 * reached the horizon.
 */
export function drive(e: Engine, horizon: number, beforeTick: (t: number) => boolean): boolean {
  for (;;) {
    const t = e.nextEventAt();
    if (t > horizon) break;
    if (!beforeTick(t)) return false;
    e.runUntil(t);
  }
  e.runUntil(horizon);
  return true;
}

function settle(e: Engine, deviations: Map<number, number>, from: number): Run {
  const broken = new Map<string, Broken>();
  e.violations.forEach((v, i) => {
    if (!broken.has(v.invariant)) broken.set(v.invariant, { number: v.number, t: v.t, message: v.message, kind: 'safety', violation: i });
  });
  for (const [id, b] of livenessFailures(e.state, e.now)) broken.set(id, b);
  return {
    deviations,
    log: e.choiceLog(),
    ticks: e.state.choices.ticks ?? [],
    hash: e.traceHash(),
    events: e.state.processed - from,
    broken,
    endState: stateHash(e.state),
  };
}

/** A schedule run from boot. */
export function runFromBoot(sc: Scenario, horizon: number, deviations: Map<number, number>): Run {
  const e = createEngine(sc, { deviations, record: true });
  e.runUntil(horizon);
  return settle(e, deviations, 0);
}

/** A schedule run from a copy of another run's state between ticks, recording its choices (its prefix shared). */
export function runFrom(sc: Scenario, horizon: number, state: SimState, deviations: Map<number, number>): Run {
  const from = copyState(state, { records: false });
  const e = createEngine(sc, { from, deviations, record: true });
  const start = from.processed;
  e.runUntil(horizon);
  return settle(e, deviations, start);
}

/**
 * The single deviations open after choice `from` in a run's choice log: each choice moved to an end
 * of its range (where timing leaks show), and each other source put first on a tick.
 */
export function movesAfter(log: readonly number[], from: number): [number, number][] {
  const moves: [number, number][] = [];
  for (let i = (from + 1) * 5; i < log.length; i += 5) {
    const lo = log[i + 1],
      hi = log[i + 2],
      taken = log[i + 4];
    if (hi <= lo) continue;
    if (log[i] === CH_ORDER) {
      for (let v = lo; v <= hi; v++) if (v !== taken) moves.push([i / 5, v]);
    } else for (const v of [lo, hi]) if (v !== taken) moves.push([i / 5, v]);
  }
  return moves;
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
      .map(([index, value]) => ({ index, kind: CHOICE_KINDS[r.log[index * 5]] ?? 'unknown', value, default: r.log[index * 5 + 3] })),
    choices: encodeChoices(r.deviations),
    tick: b.t,
    violation: b.violation,
    message: b.message,
    traceHash: r.hash,
  };
}
