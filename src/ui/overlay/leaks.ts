// Pages a leaking transaction reached, held on screen for a while of wall time: a commit flashes for
// a few ticks, which at a fast speed is a blink; a leak stays marked long enough to be seen.

import { FLAG, hasFlag, inPhase, TX } from '../../worker/frameFormat';

/** How long a page stays marked after a leaking commit reached it (ms of wall time). */
export const LEAK_HOLD_MS = 3000;

export class LeakMarks {
  /** Page index → when its mark ends (on the painter's clock). */
  private until = new Map<number, number>();
  /** Transactions already counted: a commit seen again in later frames does not extend its mark. */
  private seen = new Set<number>();
  /** The playhead at the last frame: going back (a seek, stepping back) replays leaks to be marked again. */
  private clock = -Infinity;

  /** Takes the leaking commits of a frame's ended transactions that the playhead has reached. */
  take(ended: Float64Array, clock: number, now: number): void {
    if (clock < this.clock) this.clear();
    this.clock = clock;
    for (let o = 0; o < ended.length; o += TX.stride) {
      if (!hasFlag(ended, o, FLAG.leak) || !inPhase(ended, o, 'committed')) continue;
      if (ended[o + TX.commitAt] > clock) continue;
      const id = ended[o + TX.id];
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      const page = ended[o + TX.page];
      if (page >= 0) this.until.set(page, now + LEAK_HOLD_MS);
    }
    if (this.seen.size > 4096) this.seen.clear();
  }

  /** The pages marked now; marks that have ended are dropped. */
  pages(now: number): number[] {
    const out: number[] = [];
    for (const [page, end] of this.until) {
      if (end <= now) this.until.delete(page);
      else out.push(page);
    }
    return out;
  }

  get active(): boolean {
    return this.until.size > 0;
  }

  clear(): void {
    this.until.clear();
    this.seen.clear();
    this.clock = -Infinity;
  }
}
