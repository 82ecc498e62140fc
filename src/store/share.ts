// Structural sharing for frames: a new frame's view is rebuilt from scratch in the worker, so every
// object in it is new. Keeping the previous object wherever nothing changed lets components that
// select one device, one region or the SMMU skip their render when their part did not change.

export function reuse<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  if (ArrayBuffer.isView(prev) || ArrayBuffer.isView(next)) return next;
  if (Array.isArray(prev)) {
    if (!Array.isArray(next)) return next;
    let same = prev.length === next.length;
    const out = next.map((v, i) => {
      const r = i < prev.length ? reuse(prev[i], v) : v;
      if (r !== prev[i]) same = false;
      return r;
    });
    return (same ? prev : out) as T;
  }
  if (Array.isArray(next)) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  let same = keys.length === Object.keys(p).length;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const r = reuse(p[k], n[k]);
    if (r !== p[k]) same = false;
    out[k] = r;
  }
  return (same ? prev : out) as T;
}
