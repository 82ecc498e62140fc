// How far each request for the next frame advances a playing run: the wall time since the last
// request, capped, so a page or painter held up (a hidden tab, a long task) does not make the run
// leap. Both askers use it — the engine session when frames come through the page, and the
// overlay's feed when the painter takes them over its own channel — one request in flight at a time.

/** The first request of a run: one display frame. */
export const FIRST_STEP_MS = 16;
/** Wall time one request may advance the run, at most. */
export const MAX_STEP_MS = 100;

export class FramePacer {
  private askedAt = 0;

  constructor(private now: () => number = () => performance.now()) {}

  /** The wall time the request made now advances the run by. */
  next(): number {
    const now = this.now();
    const ms = this.askedAt === 0 ? FIRST_STEP_MS : Math.min(MAX_STEP_MS, now - this.askedAt);
    this.askedAt = now;
    return ms;
  }

  /** The run stopped: the next request is the first of a run. */
  stop(): void {
    this.askedAt = 0;
  }
}
