// Structural sharing for data rebuilt from scratch (the canvas's edges, built anew from a view):
// keeping the previous object wherever nothing changed lets a component that renders one part skip
// its render when that part did not change. Nothing is allocated until a difference is found, so
// an unchanged part costs a comparison and no garbage. (Views need none of this: they arrive as
// deltas, and an unchanged part is already the previous object; see worker/viewDelta.ts.)

export function reuse<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  if (ArrayBuffer.isView(prev) || ArrayBuffer.isView(next)) return next;
  if (Array.isArray(prev) !== Array.isArray(next)) return next;
  return (
    Array.isArray(next)
      ? reuseArray(prev as unknown[], next)
      : reuseObject(prev as Record<string, unknown>, next as Record<string, unknown>)
  ) as T;
}

function reuseArray(prev: unknown[], next: unknown[]): unknown[] {
  // A copy starts at the first element that differs (at once when the lengths differ).
  let out: unknown[] | null = prev.length === next.length ? null : [];
  for (let i = 0; i < next.length; i++) {
    const r = i < prev.length ? reuse(prev[i], next[i]) : next[i];
    if (out === null && r !== prev[i]) out = prev.slice(0, i);
    if (out !== null) out.push(r);
  }
  return out ?? prev;
}

function reuseObject(prev: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(next);
  let out: Record<string, unknown> | null = keys.length === Object.keys(prev).length ? null : {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const had = k in prev;
    const r = had ? reuse(prev[k], next[k]) : next[k];
    if (out === null && (!had || r !== prev[k])) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]] = prev[keys[j]];
    }
    if (out !== null) out[k] = r;
  }
  return out ?? prev;
}

/**
 * `next`, each element of which is kept as the previous element with the same key when they are
 * equal (as `reuse` decides); `prev` itself when nothing changed. Matched by key, not by place: an
 * element added or removed (a hand-over adds a device's pending edge among the others) leaves every
 * other element its identity, where matching by place would have given every one after it a new one.
 */
export function reuseByKey<T>(prev: T[], next: T[], key: (x: T) => string): T[] {
  const byKey = new Map(prev.map((x) => [key(x), x]));
  let same = prev.length === next.length;
  const out = next.map((x, i) => {
    const p = byKey.get(key(x));
    const r = p === undefined ? x : reuse(p, x);
    if (r !== prev[i]) same = false;
    return r;
  });
  return same ? prev : out;
}
