// The entity view crosses from the engine's worker to the page as a delta against the last view it
// sent. A view of a large system is about 90 KB of small objects, four times a second while a run
// plays, and most of it is unchanged from the last one. Sent whole, the page's main thread
// deserialized all of it and then compared it with the view it had, to keep the unchanged objects
// (ui/canvas/reuse.ts): half of what that thread allocated while playing. Compared here, in the worker,
// only what changed crosses, and the page patches the view it has: an unchanged part is the very
// object the page already shows.

import type { Frame, Response } from './protocol';
import type { SimView } from './view';

/** How one value differs from the last one sent (JSON-like data; typed arrays count as values). */
export type Delta =
  /** The new value, whole: a value that changed, or a part whose shape changed. */
  | { v: unknown }
  /** An object with the same keys: the deltas of the keys whose value changed. */
  | { o: Record<string, Delta> }
  /** An array: its new length, and the indices and deltas of the elements that changed or are new. */
  | { a: number; i: number[]; d: Delta[] };

/** A frame as the worker posts it: with `delta` instead of its view when it has one (null: the same view again). */
export type WireFrame = Omit<Frame, 'view'> & { view: null; delta?: Delta | null };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x);

/** What turns `prev` into `next`; null when they are equal. */
export function diff(prev: unknown, next: unknown): Delta | null {
  if (Object.is(prev, next)) return null;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const i: number[] = [];
    const d: Delta[] = [];
    for (let k = 0; k < next.length; k++) {
      const e = k < prev.length ? diff(prev[k], next[k]) : { v: next[k] };
      if (e !== null) {
        i.push(k);
        d.push(e);
      }
    }
    return i.length === 0 && prev.length === next.length ? null : { a: next.length, i, d };
  }
  if (isRecord(prev) && isRecord(next)) {
    const keys = Object.keys(next);
    let count = 0;
    for (const k in prev) if (Object.hasOwn(prev, k)) count++;
    if (count !== keys.length) return { v: next };
    let o: Record<string, Delta> | null = null;
    for (const k of keys) {
      if (!Object.hasOwn(prev, k)) return { v: next };
      const e = diff(prev[k], next[k]);
      if (e !== null) (o ??= {})[k] = e;
    }
    return o === null ? null : { o };
  }
  return { v: next };
}

/** `prev` changed by `d`: a new object along the path to each change; every other part is `prev`'s own. */
export function patch<T>(prev: T, d: Delta | null): T {
  if (d === null) return prev;
  if ('v' in d) return d.v as T;
  if ('o' in d) {
    const out = { ...(prev as Record<string, unknown>) };
    for (const k of Object.keys(d.o)) out[k] = patch(out[k], d.o[k]);
    return out as T;
  }
  const src = prev as unknown[];
  const out = src.length === d.a ? src.slice() : src.slice(0, d.a);
  for (let n = 0; n < d.i.length; n++) out[d.i[n]] = patch(src[d.i[n]], d.d[n]);
  return out as T;
}

/** The worker's end: each view becomes a delta against the last one posted. */
export class ViewEncoder {
  private last: SimView | null = null;

  encode(r: Response): Response | WireFrame {
    if (r.type !== 'frame' || r.view === null) return r;
    const delta = diff(this.last, r.view);
    this.last = r.view;
    return { ...r, view: null, delta };
  }
}

/** The page's end: each delta applied to the last view received, back to a frame with its view. */
export class ViewDecoder {
  private last: SimView | null = null;

  decode(m: Response | WireFrame): Response {
    if (m.type !== 'frame' || !('delta' in m) || m.delta === undefined) return m as Response;
    const { delta, ...frame } = m;
    this.last = patch(this.last, delta);
    return { ...frame, view: this.last } as Frame;
  }
}
