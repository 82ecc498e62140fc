// A schedule started from a copy of another run's state between ticks is exactly the schedule run
// from boot: same trace hash, same choices, same violations.

import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { galleryScenario } from '../../testing/scenarios';
import { drive, movesAfter, runFrom, runFromBoot } from './run';

const HORIZON = 600;

describe('shared prefixes', () => {
  it('a schedule forked at the start of its deviation’s tick equals the same schedule from boot', () => {
    const sc = galleryScenario('seed-attack');
    const base = runFromBoot(sc, HORIZON, new Map());
    const moves = movesAfter(base.log, -1);
    expect(moves.length).toBeGreaterThan(20);
    // Every 7th single deviation, and each with a second one after it.
    let checked = 0;
    for (let j = 0; j < moves.length; j += 7) {
      const [i, v] = moves[j];
      const tick = base.log.tick(i);
      const e = createEngine(sc, { record: true });
      drive(e, HORIZON, (t) => t < tick);
      const d = new Map([[i, v]]);
      const forked = tick < 0 ? runFromBoot(sc, HORIZON, d) : runFrom(sc, HORIZON, e.state, d);
      const fresh = runFromBoot(sc, HORIZON, d);
      expect(forked.hash).toBe(fresh.hash);
      expect(forked.log.flat()).toEqual(fresh.log.flat());
      expect(forked.log.ticks()).toEqual(fresh.log.ticks());
      expect([...forked.broken.keys()]).toEqual([...fresh.broken.keys()]);
      if (tick > 0) expect(forked.events).toBeLessThan(fresh.events);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('records each choice with the tick it was made on, -1 for those made at boot', () => {
    for (const id of ['seed-attack', 'handover-window', 'late-atc-ack']) {
      const e = createEngine(galleryScenario(id), { record: true });
      // The ticks as seen from outside: the run stepped a tick at a time, counting the choices made.
      const expected: number[] = new Array<number>(e.state.choices.n).fill(-1);
      drive(e, HORIZON, (t) => {
        e.runUntil(t);
        while (expected.length < e.state.choices.n) expected.push(t);
        return true;
      });
      expect(expected.length).toBeGreaterThan(10);
      expect(e.state.choices.record?.ticks()).toEqual(expected);
    }
  });
});
