// Asking the engine for frames at the display's pace, one at a time: whoever draws the run (the page,
// or the overlay's painter in its worker) asks for the next frame on its animation frame, after the
// previous frame came. Each request says how much wall time passed, so the playhead follows the clock
// on the wall and not the number of frames.

/** How long a request may go unanswered before the app replaces the engine's worker. */
export const WATCHDOG_MS = 2000;

/** At most this much wall time in one frame: a hidden tab or a stall does not make the run leap ahead. */
const MAX_ADVANCE_MS = 100;

export class Pacer {
  private last = 0;

  /** The wall time a frame asked for at `now` advances the run by. */
  next(now: number): number {
    const ms = this.last === 0 ? 16 : Math.min(MAX_ADVANCE_MS, now - this.last);
    this.last = now;
    return ms;
  }

  /** The run stopped: the next frame asked for is the first of a new run. */
  reset(): void {
    this.last = 0;
  }
}
