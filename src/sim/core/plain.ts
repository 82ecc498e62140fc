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
