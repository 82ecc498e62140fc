// The engine's event queue, ordered by (time, sequence). Ticks are integers and many events share a
// tick, so events live in per-tick buckets (FIFO = sequence order). An event is two numbers — a
// kind and an argument — which keeps the queue plain data for snapshots and cheap on the hot path.
//
// Nearly every event lands a few ticks ahead (fabric, walk and downstream latencies), so the ticks
// in [base, base + RING) live in a ring indexed by the tick itself; only ticks further ahead go to
// a map with a binary heap of their ticks, and move into the ring as time reaches them. Every far
// tick is ≥ base + RING at all times, so a ring bucket is always earlier than any far one.
//
// A bucket is `[end, kind, arg, kind, arg, ...]`: element 0 is where its used part ends. Emptied
// buckets are recycled with their capacity, so a busy run does not allocate (and the garbage
// collector does not copy) a fresh array for every tick.

export const RING = 64;
const MASK = RING - 1;

export interface TimeQueue {
  /** ring[t % RING] is the bucket of tick t, for base ≤ t < base + RING; null when empty. */
  ring: (number[] | null)[];
  /** How many ring slots hold a bucket. */
  inRing: number;
  /** The earliest tick the ring may hold: the tick of the last bucket taken. */
  base: number;
  /** Far ticks (≥ base + RING) -> bucket. */
  buckets: Map<number, number[]>;
  /** Min-heap of the far ticks. */
  heap: number[];
  size: number;
  /** Emptied buckets kept for reuse; never part of a snapshot. */
  spare: number[][];
}

/** Where a bucket's events start; `b[0]` is where they end. */
export const FIRST = 1;

export function newTimeQueue(): TimeQueue {
  return { ring: new Array<number[] | null>(RING).fill(null), inRing: 0, base: 0, buckets: new Map(), heap: [], size: 0, spare: [] };
}

function fresh(q: TimeQueue): number[] {
  const b = q.spare.pop() ?? [FIRST];
  b[0] = FIRST;
  return b;
}

/** Queues event (kind, arg) at tick t, which is never earlier than the last bucket taken. */
export function push(q: TimeQueue, t: number, kind: number, arg: number): void {
  let b: number[] | null | undefined;
  if (t < q.base + RING) {
    b = q.ring[t & MASK];
    if (b === null) {
      b = fresh(q);
      q.ring[t & MASK] = b;
      q.inRing++;
    }
  } else {
    b = q.buckets.get(t);
    if (b === undefined) {
      b = fresh(q);
      q.buckets.set(t, b);
      heapPush(q.heap, t);
    }
  }
  const end = b[0];
  b[end] = kind;
  b[end + 1] = arg;
  b[0] = end + 2;
  q.size++;
}

/** The earliest tick with pending events, or Infinity. */
export function peekTime(q: TimeQueue): number {
  if (q.inRing > 0) {
    for (let t = q.base; ; t++) if (q.ring[t & MASK] !== null) return t;
  }
  return q.heap.length > 0 ? q.heap[0] : Infinity;
}

/**
 * Removes and returns the bucket of the earliest tick. Events pushed for that same tick while the
 * caller processes it go into a fresh bucket, which the caller drains next (same tick, later seq).
 * Hand the bucket back with `recycle` once its events are processed.
 */
export function popBucket(q: TimeQueue): number[] {
  const t = peekTime(q);
  let b: number[];
  if (q.inRing > 0) {
    b = q.ring[t & MASK]!;
    q.ring[t & MASK] = null;
    q.inRing--;
  } else {
    heapPop(q.heap);
    b = q.buckets.get(t)!;
    q.buckets.delete(t);
  }
  q.size -= (b[0] - FIRST) / 2;
  // Time has reached t: far ticks now within the ring's reach move into it. Their slots are free,
  // since the ring holds only ticks in [t, t + RING) and these ticks were never in it.
  q.base = t;
  while (q.heap.length > 0 && q.heap[0] < t + RING) {
    const f = heapPop(q.heap);
    q.ring[f & MASK] = q.buckets.get(f)!;
    q.buckets.delete(f);
    q.inRing++;
  }
  return b;
}

export function recycle(q: TimeQueue, b: number[]): void {
  if (q.spare.length < 256) q.spare.push(b);
}

/** A copy for a snapshot: each bucket trimmed to its used part, no spare arrays. */
export function queueSnapshot(q: TimeQueue): TimeQueue {
  const trim = (b: number[]) => b.slice(0, b[0]);
  const buckets = new Map<number, number[]>();
  for (const [t, b] of q.buckets) buckets.set(t, trim(b));
  return {
    ring: q.ring.map((b) => (b === null ? null : trim(b))),
    inRing: q.inRing,
    base: q.base,
    buckets,
    heap: q.heap.slice(),
    size: q.size,
    spare: [],
  };
}

function heapPush(h: number[], v: number): void {
  let i = h.length;
  h.push(v);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p] <= v) break;
    h[i] = h[p];
    i = p;
  }
  h[i] = v;
}

function heapPop(h: number[]): number {
  const top = h[0];
  const last = h.pop()!;
  const n = h.length;
  if (n > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && h[r] < h[l] ? r : l;
      if (h[c] >= last) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
  }
  return top;
}
