// The event queue must hand out events in (tick, push order), whether a tick's events sat in the
// near ring or in the far map, and whether they were pushed before or while that tick ran.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIRST, RING, newTimeQueue, peekTime, popBucket, push, queueSnapshot, recycle } from './timeQueue';

/** Runs the queue like the engine does; each processed event may push more (`spawn`). */
function drain(pushes: [number, number][], spawn: (tick: number, arg: number) => number[]): [number, number][] {
  const q = newTimeQueue();
  pushes.forEach(([t, arg]) => push(q, t, 1, arg));
  const out: [number, number][] = [];
  while (q.size > 0) {
    const t = peekTime(q);
    const b = popBucket(q);
    for (let i = FIRST; i < b[0]; i += 2) {
      out.push([t, b[i + 1]]);
      for (const d of spawn(t, b[i + 1])) push(q, t + d, 1, b[i + 1] * 10 + d);
    }
    recycle(q, b);
  }
  return out;
}

/** The reference: a plain list, the earliest tick first, ties in push order. */
function reference(pushes: [number, number][], spawn: (tick: number, arg: number) => number[]): [number, number][] {
  const pending = pushes.map(([t, arg], seq) => ({ t, arg, seq }));
  let seq = pending.length;
  const out: [number, number][] = [];
  while (pending.length > 0) {
    pending.sort((a, b) => a.t - b.t || a.seq - b.seq);
    const e = pending.shift()!;
    out.push([e.t, e.arg]);
    for (const d of spawn(e.t, e.arg)) pending.push({ t: e.t + d, arg: e.arg * 10 + d, seq: seq++ });
  }
  return out;
}

describe('time queue', () => {
  it('orders by tick then push order across the near ring and far ticks, including same-tick pushes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 * RING }), fc.integer({ min: 1, max: 9 })), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 3 * RING }), { minLength: 1, maxLength: 5 }),
        (pushes, delays) => {
          // Each event spawns children (delay 0 = the same tick) until the argument grows too big.
          const spawn = (_t: number, arg: number) => (arg < 1000 ? delays.slice(0, 1 + (arg % delays.length)) : []);
          expect(drain(pushes, spawn)).toEqual(reference(pushes, spawn));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a far tick moves into the ring as time reaches it, ahead of later pushes for that tick', () => {
    const q = newTimeQueue();
    const far = 5 * RING;
    push(q, far, 1, 1); // far: into the map
    push(q, far - RING + 1, 1, 2); // also far when pushed
    recycle(q, popBucket(q)); // base moves to far - RING + 1: the far tick is now within the ring
    push(q, far, 1, 3); // pushed later, so it runs after arg 1
    const b = popBucket(q);
    expect(peekTime(q)).toBe(Infinity);
    expect(b.slice(FIRST, b[0])).toEqual([1, 1, 1, 3]);
  });

  it('a snapshot copy holds only the used part of each bucket and no spare arrays', () => {
    const q = newTimeQueue();
    for (let i = 0; i < 10; i++) push(q, 3, 1, i);
    recycle(q, popBucket(q)); // a recycled bucket keeps its old events past its end
    push(q, 4, 2, 99);
    push(q, 3 + 2 * RING, 2, 98);
    const snap = queueSnapshot(q);
    expect(snap.spare).toEqual([]);
    expect(snap.ring.filter((b) => b !== null)).toEqual([[3, 2, 99]]);
    expect([...snap.buckets.values()]).toEqual([[3, 2, 98]]);
  });
});
