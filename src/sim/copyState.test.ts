// The state copy the explorer forks from: over every gallery scenario, at ticks through its run, a
// copy equals its state, shares no object with it but what the scenario owns, and runs on to the
// same trace as the state it was copied from.

import { describe, expect, it } from 'vitest';
import { copyState, createEngine } from './engine';
import { GALLERY_IDS, galleryScenario } from '../testing/scenarios';
import { stateHash } from './explore/stateHash';
import type { SimState } from './model/state';

/** Every object reachable from `v`, with a path to it. */
function objects(v: unknown, path: string, into: Map<object, string>): Map<object, string> {
  if (v === null || typeof v !== 'object' || into.has(v)) return into;
  into.set(v, path);
  if (v instanceof Map) for (const [k, x] of v) objects(x, `${path}.get(${String(k)})`, into);
  else if (v instanceof Set) for (const x of v) objects(x, `${path}{}`, into);
  else for (const [k, x] of Object.entries(v)) objects(x, `${path}.${k}`, into);
  return into;
}

/** The paths in the copy that reach an object of the state the scenario does not own. */
function shared(s: SimState, c: SimState): string[] {
  const owned = objects(s.scenario, 'scenario', new Map());
  const original = objects(s, 's', new Map());
  return [...objects(c, 'copy', new Map())].filter(([o]) => original.has(o) && !owned.has(o)).map(([, p]) => p);
}

/** The state as data to compare: the event queue is compared by hash (its buckets are trimmed in a copy). */
function comparable(s: SimState): Record<string, unknown> {
  const { queue: _q, spareTxns: _t, ended: _e, ...rest } = s;
  return rest;
}

describe('copyState', () => {
  for (const id of GALLERY_IDS) {
    it(`copies ${id}'s state at every stage of its run`, () => {
      const sc = galleryScenario(id);
      // The last operation plus a tail in which its consequences play out.
      const horizon = Math.max(600, ...sc.script.map((o) => o.at + 400));
      const e = createEngine(sc, { record: true });
      for (let t = 0; t <= horizon; t += Math.max(1, Math.floor(horizon / 6))) {
        e.runUntil(t);
        const c = copyState(e.state);
        expect(comparable(c)).toEqual(comparable(e.state));
        expect(stateHash(c)).toBe(stateHash(e.state));
        expect(shared(e.state, c)).toEqual([]);
        // The copy goes on as the state it came from would.
        const from = createEngine(sc, { from: c, record: true });
        const again = createEngine(sc, { record: true });
        from.runUntil(horizon);
        again.runUntil(horizon);
        expect(from.traceHash()).toBe(again.traceHash());
      }
    });
  }

  it('leaves the log and the fault records out when asked, and nothing else', () => {
    const e = createEngine(galleryScenario('seed-attack'));
    e.runUntil(120);
    const c = copyState(e.state, { records: false });
    expect(c.log).toEqual([]);
    expect(c.events).toEqual([]);
    expect(e.state.log.length).toBeGreaterThan(0);
    expect(stateHash(c)).toBe(stateHash(e.state));
  });
});
