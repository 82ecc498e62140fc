// A search run in slices. A worker runs the search's steps (src/sim/explore/run.ts, `Steps`) a
// few milliseconds at a time and gives its thread back between slices, so that it hears the page:
// while the page renders a change (renderHold.ts) it holds the search, which rests until released.
// On two cores the one worker otherwise competes with the page's rendering for a core, and a
// rendering task that waits for one runs past 50 ms.

import type { Steps } from '../../sim';

export interface SliceOptions {
  now: () => number;
  /** Milliseconds of steps between two breaks. */
  sliceMs: number;
  /** A break: gives the thread back, and waits while the search is held. */
  between: () => Promise<void>;
}

/** Runs steps to their end in slices, with a break after each. */
export async function runInSlices<T>(steps: Steps<T>, o: SliceOptions): Promise<T> {
  for (;;) {
    const end = o.now() + o.sliceMs;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (o.now() >= end) break;
    }
    await o.between();
  }
}

/** A held search rests at most this long without a release (a page that stopped rendering sends none). */
export const HOLD_LIMIT_MS = 100;

/** The worker's side of a hold: the page holds and releases; the breaks wait while it holds. */
export class Hold {
  private until = -Infinity;
  constructor(private readonly now: () => number) {}
  hold(): void {
    this.until = this.now() + HOLD_LIMIT_MS;
  }
  release(): void {
    this.until = -Infinity;
  }
  get held(): boolean {
    return this.now() < this.until;
  }
}

type PostTask = (f: () => void) => Promise<void>;

/**
 * The thread's break: a task posted with the scheduler where there is one (its message is heard
 * first, within a millisecond), else a timer (which browsers hold back 4 ms, so slices are longer).
 */
export function threadBreak(hold: Hold, pause: (ms: number) => Promise<void>): { between: () => Promise<void>; sliceMs: number } {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  const post = scheduler?.postTask?.bind(scheduler);
  return {
    sliceMs: post === undefined ? 40 : 3,
    between: async () => {
      await (post === undefined ? pause(0) : post(() => {}));
      while (hold.held) await pause(1);
    },
  };
}
