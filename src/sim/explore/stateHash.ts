// A canonical hash of the engine's state: two runs with the same hash behave the same from here on.
// Canonical: maps and sets are hashed in key order, the event queue by tick whatever its ring
// layout. Left out is what does not affect the future — the trace hash, the record of choices, the
// logs, events, operation records and violations already reported, the processed-event count, and
// the buffers kept for reuse.

import { digest, mix, newHash, type HashState } from '../core/hash';
import type { SimState } from '../model/state';
import type { TimeQueue } from '../core/timeQueue';
import { FIRST } from '../core/timeQueue';

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

function feedString(h: HashState, s: string): void {
  mix(h, s.length);
  for (let i = 0; i < s.length; i++) mix(h, s.charCodeAt(i));
}

function cmpKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a),
    y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function feed(h: HashState, v: unknown): void {
  if (v === null || v === undefined) return mix(h, 0x7f000001);
  switch (typeof v) {
    case 'number':
      return mix(h, Number.isInteger(v) ? v : Math.round(v * 1e6) ^ 0x55aa);
    case 'boolean':
      return mix(h, v ? 0x7f000003 : 0x7f000002);
    case 'string':
      return feedString(h, v);
    case 'object':
      break;
    default:
      return;
  }
  if (v instanceof Map) {
    const keys = [...v.keys()].sort(cmpKeys);
    mix(h, 0x7f000010 + keys.length);
    for (const k of keys) {
      feed(h, k);
      feed(h, v.get(k));
    }
    return;
  }
  if (v instanceof Set) {
    const keys = [...v].sort(cmpKeys);
    mix(h, 0x7f000020 + keys.length);
    for (const k of keys) feed(h, k);
    return;
  }
  if (Array.isArray(v)) {
    mix(h, 0x7f000030 + v.length);
    for (const x of v) feed(h, x);
    return;
  }
  // A record's fields in the order the engine wrote them: each kind of record is built in one place,
  // so equal records feed alike (a record built in another order would at worst count one state
  // twice, never make two states one). Field names go in as numbers, not character by character.
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (x === undefined) continue;
    mix(h, keyId(k));
    feed(h, x);
  }
}

const KEY_IDS = new Map<string, number>();

/** A field name's number: a hash of its characters, computed once. */
function keyId(k: string): number {
  let id = KEY_IDS.get(k);
  if (id === undefined) {
    const h = newHash();
    feedString(h, k);
    id = parseInt(digest(h).slice(0, 8), 16);
    KEY_IDS.set(k, id);
  }
  return id;
}

/** The pending events by tick, including the rest of a partly processed tick. */
function feedQueue(h: HashState, s: SimState): void {
  const q: TimeQueue = s.queue;
  const ticks: [number, number[]][] = [];
  for (let t = q.base; t < q.base + q.ring.length; t++) {
    const b = q.ring[t % q.ring.length];
    if (b !== null && q.inRing > 0) ticks.push([t, b]);
  }
  for (const [t, b] of q.buckets) ticks.push([t, b]);
  ticks.sort((a, b) => a[0] - b[0]);
  if (s.bucketPos < s.bucket[0]) {
    mix(h, s.bucketAt);
    for (let i = s.bucketPos; i < s.bucket[0]; i++) mix(h, s.bucket[i]);
  }
  for (const [t, b] of ticks) {
    mix(h, t);
    for (let i = FIRST; i < b[0]; i++) mix(h, b[i]);
  }
}

export function stateHash(s: SimState): string {
  const h = newHash();
  const o = s as unknown as Record<string, unknown>;
  for (const k of Object.keys(o).sort()) {
    if (SKIP.has(k)) continue;
    feedString(h, k);
    feed(h, o[k]);
  }
  feedQueue(h, s);
  return digest(h);
}
