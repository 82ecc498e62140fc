// One schedule of the explorer: the scenario run to the horizon under a deviation list, with what
// it broke, its choice record, its trace hash and its canonical end state.

import { createEngine } from '../engine';
import { CHOICE_KINDS } from '../core/choice';
import { encodeChoices } from '../core/choiceList';
import type { Scenario } from '../model/scenario';
import type { Counterexample } from './types';
import { stateHash } from './stateHash';

export interface Broken {
  number: string;
  t: number;
  message: string;
  kind: 'safety' | 'liveness';
}

export interface Run {
  deviations: Map<number, number>;
  log: readonly number[];
  hash: string;
  state: string;
  events: number;
  broken: Map<string, Broken>;
}

export function runOnce(sc: Scenario, horizon: number, deviations: Map<number, number>): Run {
  const e = createEngine(sc, { deviations, record: true });
  e.runUntil(horizon);
  const broken = new Map<string, Broken>();
  for (const v of e.violations)
    if (!broken.has(v.invariant)) broken.set(v.invariant, { number: v.number, t: v.t, message: v.message, kind: 'safety' });
  return { deviations, log: e.choiceLog(), hash: e.traceHash(), state: stateHash(e.state), events: e.state.processed, broken };
}

/** The single deviations open after choice `from` in a run's choice log: each choice moved to an end of its range. */
export function movesAfter(log: readonly number[], from: number): [number, number][] {
  const moves: [number, number][] = [];
  for (let i = (from + 1) * 5; i < log.length; i += 5) {
    const lo = log[i + 1],
      hi = log[i + 2],
      taken = log[i + 4];
    if (hi <= lo) continue;
    for (const v of [lo, hi]) if (v !== taken) moves.push([i / 5, v]);
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
    message: b.message,
    traceHash: r.hash,
  };
}
