// Snapshots are plain data (JSON-safe): Maps and Sets inside the engine state are written as tagged
// arrays and read back. Structure only — the state holds no shared references, so a tree copy is a
// faithful copy.

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

export function toPlain(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v as Plain;
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [toPlain(k), toPlain(x)]) };
  if (v instanceof Set) return { $set: [...v].map(toPlain) };
  if (Array.isArray(v)) return v.map(toPlain);
  const o: { [k: string]: Plain } = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) o[k] = toPlain(x);
  }
  return o;
}

export function fromPlain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(fromPlain);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.$map)) return new Map((o.$map as [unknown, unknown][]).map(([k, x]) => [fromPlain(k), fromPlain(x)]));
  if (Array.isArray(o.$set)) return new Set((o.$set as unknown[]).map(fromPlain));
  const r: Record<string, unknown> = {};
  for (const k of Object.keys(o)) r[k] = fromPlain(o[k]);
  return r;
}

/**
 * A deep copy of engine state (plain objects, arrays, Maps and Sets of them): faster than a
 * structured clone for the many small objects the state holds. The state has no shared references
 * and no cycles, so a tree copy is faithful.
 */
export function deepCopy<T>(v: T): T {
  return v === null || typeof v !== 'object' ? v : (copyObject(v) as T);
}

// Values that are not objects are taken as they are, without a call per number: most of the state
// is numbers.
function copyObject(v: object): unknown {
  if (Array.isArray(v)) {
    const a = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      a[i] = x === null || typeof x !== 'object' ? x : copyObject(x);
    }
    return a;
  }
  if (v instanceof Map) {
    const m = new Map<unknown, unknown>();
    for (const [k, x] of v as Map<unknown, unknown>) m.set(k, x === null || typeof x !== 'object' ? x : copyObject(x));
    return m;
  }
  if (v instanceof Set) {
    const s = new Set<unknown>();
    for (const x of v as Set<unknown>) s.add(x === null || typeof x !== 'object' ? x : copyObject(x));
    return s;
  }
  const o: Record<string, unknown> = {};
  const src = v as Record<string, unknown>;
  for (const k in src) {
    const x = src[k];
    o[k] = x === null || typeof x !== 'object' ? x : copyObject(x);
  }
  return o;
}
