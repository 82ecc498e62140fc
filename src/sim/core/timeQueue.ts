// The engine's event queue, ordered by (time, sequence). Ticks are integers and many events share a
// tick, so events live in per-tick buckets (FIFO = sequence order) and only the distinct ticks sit
// in a binary heap. An event is two numbers — a kind and an argument — which keeps the queue plain
// data for snapshots and cheap on the hot path.

export interface TimeQueue {
  /** tick -> flat [kind, arg, kind, arg, ...] */
  buckets: Map<number, number[]>;
  /** min-heap of ticks that have a bucket */
  heap: number[];
  size: number;
}

export function newTimeQueue(): TimeQueue {
  return { buckets: new Map(), heap: [], size: 0 };
}

/** `_now` (the tick being processed) is part of the signature so the queue can bucket near ticks. */
export function push(q: TimeQueue, _now: number, t: number, kind: number, arg: number): void {
  let b = q.buckets.get(t);
  if (b === undefined) {
    b = [];
    q.buckets.set(t, b);
    heapPush(q.heap, t);
  }
  b.push(kind, arg);
  q.size++;
}

/** The earliest tick with pending events, or Infinity. */
export function peekTime(q: TimeQueue): number {
  return q.heap.length > 0 ? q.heap[0] : Infinity;
}

/**
 * Removes and returns the bucket of the earliest tick. Events pushed for that same tick while the
 * caller processes it go into a fresh bucket, which the caller drains next (same tick, later seq).
 */
export function popBucket(q: TimeQueue): number[] {
  const t = heapPop(q.heap);
  const b = q.buckets.get(t)!;
  q.buckets.delete(t);
  q.size -= b.length / 2;
  return b;
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
