// A canonical hash of the engine's state: two runs with the same hash behave the same from here on.
// Canonical: maps and sets are hashed in key order, the event queue by tick whatever its ring
// layout. Left out is what does not affect the future — the trace hash, the record of choices, the
// logs, events, operation records and violations already reported, the processed-event count, and
// the buffers kept for reuse.

import { digest, mix, newHash, type HashState } from '../core/hash';
import type { SimState } from '../model/state';
import type { TimeQueue } from '../core/timeQueue';
import { FIRST, RING } from '../core/timeQueue';

const SKIP = new Set([
  'scenario',
  'hash',
  'choices',
  'queue',
  'bucket',
  'bucketPos',
  'bucketAt',
  'processed',
  'log',
  'logDropped',
  'events',
  'eventsDropped',
  'ops',
  'violations',
  'violationIndex',
  'ended',
  'spareTxns',
]);

/**
 * A string's number: a 53-bit hash of its characters, computed once (the strings of a state are
 * names and ids from small sets). Fed as one number, it counts for as much as the state hash's own
 * width does. The table is emptied if a run ever fills it.
 */
const IDS = new Map<string, number>();

function idOf(s: string): number {
  let id = IDS.get(s);
  if (id === undefined) {
    const h = newHash();
    mix(h, s.length);
    for (let i = 0; i < s.length; i++) mix(h, s.charCodeAt(i));
    id = (h[0] >>> 0) + (h[1] >>> 11) * 4294967296;
    if (IDS.size >= 65536) IDS.clear();
    IDS.set(s, id);
  }
  return id;
}

function cmpKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a),
    y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether a map's or a set's keys come in increasing order already (most do: ids are handed out in order). */
function ascending(keys: IterableIterator<unknown>): boolean {
  let first = true;
  let prev: unknown;
  for (const k of keys) {
    if (!first && cmpKeys(prev, k) >= 0) return false;
    first = false;
    prev = k;
  }
  return true;
}

function feedMap(h: HashState, m: Map<unknown, unknown>): void {
  mix(h, 0x7f000010 + m.size);
  if (ascending(m.keys())) {
    for (const [k, x] of m) {
      feed(h, k);
      feed(h, x);
    }
    return;
  }
  for (const k of [...m.keys()].sort(cmpKeys)) {
    feed(h, k);
    feed(h, m.get(k));
  }
}

function feedSet(h: HashState, v: Set<unknown>): void {
  mix(h, 0x7f000020 + v.size);
  for (const k of ascending(v.values()) ? v : [...v].sort(cmpKeys)) feed(h, k);
}

function feed(h: HashState, v: unknown): void {
  if (v === null || v === undefined) return mix(h, 0x7f000001);
  switch (typeof v) {
    case 'number':
      return mix(h, Number.isInteger(v) ? v : Math.round(v * 1e6) ^ 0x55aa);
    case 'boolean':
      return mix(h, v ? 0x7f000003 : 0x7f000002);
    case 'string':
      return mix(h, idOf(v));
    case 'object':
      break;
    default:
      return;
  }
  if (v instanceof Map) return feedMap(h, v as Map<unknown, unknown>);
  if (v instanceof Set) return feedSet(h, v as Set<unknown>);
  if (Array.isArray(v)) {
    mix(h, 0x7f000030 + v.length);
    for (let i = 0; i < v.length; i++) feed(h, v[i]);
    return;
  }
  // A record's fields in the order the engine wrote them: each kind of record is built in one place,
  // so equal records feed alike (a record built in another order would at worst count one state
  // twice, never make two states one). Field names go in as numbers, not character by character.
  feedRecord(h, v as Record<string, unknown>, null);
}

function feedRecord(h: HashState, o: Record<string, unknown>, skip: ReadonlySet<string> | null): void {
  for (const k in o) {
    const x = o[k];
    if (x === undefined || (skip !== null && skip.has(k))) continue;
    mix(h, idOf(k));
    feed(h, x);
  }
}

/** The pending events by tick, including the rest of a partly processed tick. */
function feedQueue(h: HashState, s: SimState): void {
  const q: TimeQueue = s.queue;
  if (s.bucketPos < s.bucket[0]) {
    mix(h, s.bucketAt);
    for (let i = s.bucketPos; i < s.bucket[0]; i++) mix(h, s.bucket[i]);
  }
  // The ring holds the ticks in [base, base + RING), every far tick comes after them.
  if (q.inRing > 0)
    for (let t = q.base; t < q.base + RING; t++) {
      const b = q.ring[t % RING];
      if (b !== null) feedBucket(h, t, b);
    }
  if (q.buckets.size > 0) for (const t of [...q.buckets.keys()].sort((a, b) => a - b)) feedBucket(h, t, q.buckets.get(t)!);
}

function feedBucket(h: HashState, t: number, b: number[]): void {
  mix(h, t);
  for (let i = FIRST; i < b[0]; i++) mix(h, b[i]);
}

export function stateHash(s: SimState): string {
  const h = newHash();
  // The state is a record like any other: boot writes its fields, and a copy keeps their order.
  feedRecord(h, s as unknown as Record<string, unknown>, SKIP);
  feedQueue(h, s);
  return digest(h);
}
