// The moves a search forks while it runs a node again: grouped by tick in the record's order, the
// same moves as movesAfter gives, taken a tick at a time; a group is spent only when every move in
// it went, and the storage is refilled for the next node.

import { describe, expect, it } from 'vitest';
import { ChoiceRecord } from '../core/choiceRecord';
import { CH_DOWNSTREAM, CH_ORDER } from '../core/choice';
import { OpenMoves } from './openMoves';
import { drain, movesAfter, type Steps } from './run';

/** A record of `n` choices over increasing ticks (boot choices at -1), some without a move. */
function record(n: number): ChoiceRecord {
  const r = new ChoiceRecord();
  for (let i = 0; i < n; i++) {
    const tick = i < 3 ? -1 : Math.floor(i / 4);
    if (i % 5 === 0) r.push(CH_ORDER, 0, 2, 0, i % 3, tick);
    else if (i % 7 === 0) r.push(CH_DOWNSTREAM, 4, 4, 4, 4, tick);
    else r.push(CH_DOWNSTREAM, 1, 6, 3, i % 2 === 0 ? 1 : 3, tick);
  }
  return r;
}

/** Every group in tick order, each as its moves, as the search takes them. */
function takeAll(open: OpenMoves, log: ChoiceRecord): Map<number, [number, number][]> {
  const got = new Map<number, [number, number][]>();
  for (let t = -1; t <= log.tick(log.size - 1); t++) {
    if (!open.has(t)) continue;
    const moves: [number, number][] = [];
    const ok = drain(
      open.take(t, function* (index, value): Steps<boolean> {
        yield;
        moves.push([index, value]);
        return true;
      }),
    );
    expect(ok).toBe(true);
    got.set(t, moves);
  }
  return got;
}

function byTick(log: ChoiceRecord, from: number): Map<number, [number, number][]> {
  const want = new Map<number, [number, number][]>();
  for (const m of movesAfter(log, from)) {
    const t = log.tick(m[0]);
    want.set(t, [...(want.get(t) ?? []), m]);
  }
  return want;
}

describe('the moves open after a node', () => {
  it('are the moves of movesAfter, grouped by tick in order, across several nodes', () => {
    const open = new OpenMoves();
    for (const [n, from] of [
      [3000, -1],
      [3000, 1500],
      [40, 7],
      [3000, 2999],
    ]) {
      const log = record(n);
      drain(open.gather(log, from));
      const want = byTick(log, from);
      expect(open.size).toBe(want.size);
      expect(takeAll(open, log)).toEqual(want);
      expect(open.size).toBe(0);
    }
  });

  it('keeps a group whose moves stopped part-way, and counts a group passed over', () => {
    const open = new OpenMoves();
    const log = record(60);
    drain(open.gather(log, 2));
    const ticks = [...byTick(log, 2).keys()];
    const groups = ticks.length;
    let seen = 0;
    const stopAfterOne = function* (): Steps<boolean> {
      yield;
      return ++seen < 2;
    };
    expect(open.has(ticks[0])).toBe(true);
    expect(drain(open.take(ticks[0], stopAfterOne))).toBe(false);
    expect(open.size).toBe(groups);
    // The next tick asked passes the first group by: it stays counted, never taken.
    expect(open.has(ticks[1])).toBe(true);
    expect(open.has(ticks[1] - 0.5)).toBe(false);
    seen = -100;
    expect(drain(open.take(ticks[1], stopAfterOne))).toBe(true);
    expect(open.size).toBe(groups - 1);
    expect(open.has(ticks[0])).toBe(false);
  });
});
