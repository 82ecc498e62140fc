// Progress arrives from the workers as often as they finish a unit of the search — hundreds of
// times a second on a small scenario — and the screen shows one value a frame: keep the latest and
// hand it on once per frame, so the main thread does not re-render for values no one sees.

import { nextFrame } from '../../worker/session';

export interface Latest<T> {
  push(v: T): void;
  /** Drops a value not yet handed on (the search it belongs to ended). */
  cancel(): void;
}

type Schedule = (cb: () => void) => unknown;

export function latestPerFrame<T>(apply: (v: T) => void, schedule: Schedule = nextFrame): Latest<T> {
  let pending: { v: T } | null = null;
  let queued = false;
  return {
    push(v) {
      pending = { v };
      if (queued) return;
      queued = true;
      schedule(() => {
        queued = false;
        const p = pending;
        pending = null;
        if (p !== null) apply(p.v);
      });
    },
    cancel() {
      pending = null;
    },
  };
}
