// The canonical state hash: independent of map order and of what does not shape the future, and
// different when something that does differs.

import { describe, expect, it } from 'vitest';
import { copyState, createEngine } from '../engine';
import { galleryScenario } from '../../testing/scenarios';
import { stateHash } from './stateHash';

describe('canonical state hash', () => {
  const sc = galleryScenario('seed-attack');
  const at = (t: number) => {
    const e = createEngine(sc);
    e.runUntil(t);
    return e.state;
  };

  it('is the same for the same state, whatever the order of its maps and its records', () => {
    const s = at(60);
    const c = copyState(s);
    // Re-insert every transaction in reverse order, and drop the logs and the trace hash.
    c.txns = new Map([...c.txns].reverse());
    c.log = [];
    c.events = [];
    c.hash = [1, 2];
    c.processed = 0;
    expect(stateHash(c)).toBe(stateHash(s));
  });

  it('differs when the future differs: another tick, another generator state, another pending event', () => {
    const s = at(60);
    expect(stateHash(at(61))).not.toBe(stateHash(s));
    const r = copyState(s);
    r.rng = [r.rng[0] ^ 1, r.rng[1], r.rng[2], r.rng[3]];
    expect(stateHash(r)).not.toBe(stateHash(s));
    const q = copyState(s);
    const slot = q.queue.ring.findIndex((b) => b !== null);
    expect(slot).toBeGreaterThanOrEqual(0);
    q.queue.ring[slot]![2] += 1;
    expect(stateHash(q)).not.toBe(stateHash(s));
  });
});
