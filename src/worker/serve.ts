// One request in, the responses out: the logic shared by the worker and the in-process client.

import type { Frame, Request, Response } from './protocol';
import { SimHost } from './host';
import { tooLargeToRun } from '../scenario/footprint';

/** Milliseconds between two entity views while playing. */
export const VIEW_INTERVAL = 250;
/** Scout events a load runs before it answers: enough for a whole ordinary scenario, and bounded. */
export const LOAD_EVENTS = 50_000;
/** Scout events in one background chunk (about 10–20 ms of work), between which requests are answered. */
export const CHUNK_EVENTS = 20_000;
/** Milliseconds between two progress summaries while the run is computed. */
export const PROGRESS_MS = 250;

export class Server {
  host: SimHost | null = null;
  private seq = 0;
  private viewAt = 0;
  private progressAt = 0;
  /** The scout failed: the run stays as far as it got. */
  private stalled = false;

  /** Whether the run is still being computed: the caller then calls `work` again, after answering any request. */
  pending(): boolean {
    return this.host !== null && !this.stalled && !this.host.complete;
  }

  /**
   * One chunk of the background computation: the scout runs about `budget` events on. Answers with
   * a progress summary now and then (at most every PROGRESS_MS) and when the run is complete, and
   * with the frame at a sought tick once the scout reaches it.
   */
  work(budget = CHUNK_EVENTS): Response[] {
    const h = this.host;
    if (h === null || !this.pending()) return [];
    try {
      const waiting = h.waitingFor !== null;
      const done = h.scoutFor(budget);
      const out: Response[] = [];
      const now = performance.now();
      if (done || now - this.progressAt >= PROGRESS_MS) {
        this.progressAt = now;
        out.push({ type: 'progress', summary: h.summary() });
      }
      if (waiting && h.waitingFor === null) out.push(h.frame(++this.seq));
      return out;
    } catch (e) {
      this.stalled = true;
      return [{ type: 'error', message: `the simulation stopped: ${(e as Error).message}` }];
    }
  }

  /** The frame at the playhead, without the entities; null before a scenario is loaded. */
  current(): Frame | null {
    return this.host === null ? null : this.host.frame(++this.seq, false);
  }

  handle(req: Request): Response[] {
    try {
      return this.handleUnsafe(req);
    } catch (e) {
      return [{ type: 'error', message: `the simulation stopped: ${(e as Error).message}` }];
    }
  }

  private handleUnsafe(req: Request): Response[] {
    if (req.type === 'load') {
      // Refused before it runs: a state this large would not fit the worker's memory or its pace.
      const tooLarge = tooLargeToRun(req.scenario);
      if (tooLarge !== null) return [{ type: 'error', message: tooLarge }];
      const start = performance.now();
      const speed = this.host?.speed;
      this.host = new SimHost(req.scenario);
      this.stalled = false;
      if (speed !== undefined) this.host.speed = speed;
      // A bounded first step: the rest of the run is computed by `work`, in the background.
      this.host.scoutFor(LOAD_EVENTS);
      this.progressAt = performance.now();
      this.host.seek(Math.min(req.at, this.host.horizon));
      this.host.playing = req.playing;
      return [{ type: 'loaded', summary: this.host.summary(), loadMs: performance.now() - start }, this.host.frame(++this.seq)];
    }
    const h = this.host;
    if (h === null) return [{ type: 'error', message: 'no scenario loaded' }];
    switch (req.type) {
      case 'play': {
        const restart = h.clock >= h.horizon;
        if (restart) h.seek(0);
        h.waitingFor = null;
        h.stopAt = req.until !== undefined && req.until > h.clock ? req.until : Infinity;
        h.playing = true;
        // The entities at the playhead are the ones the app already shows (unless the run starts
        // over): the frame that starts playing leaves them out, and the first view of the run
        // comes with the frames, VIEW_INTERVAL on. Pressing Play then redraws only what it must.
        this.viewAt = performance.now();
        return [h.frame(++this.seq, restart)];
      }
      case 'pause':
        h.playing = false;
        break;
      case 'speed':
        h.speed = Math.max(0.1, Math.min(100000, req.ticksPerSecond));
        break;
      case 'seek':
        h.playing = false;
        h.seek(req.t);
        break;
      case 'step':
        h.playing = false;
        if (req.unit === 'event') h.stepEvent();
        else if (req.unit === 'tick') h.stepTick();
        else h.stepOp();
        break;
      case 'frame': {
        h.advance(req.ms);
        // While playing, the entities go out at most every VIEW_INTERVAL ms (the panels cannot show
        // more); transactions go out every frame for the overlay.
        const now = performance.now();
        const withView = !h.playing || now - this.viewAt >= VIEW_INTERVAL;
        if (withView) this.viewAt = now;
        return [h.frame(++this.seq, withView)];
      }
      case 'extend':
        h.extend(req.horizon);
        this.stalled = false;
        return [{ type: 'summary', summary: h.summary() }];
    }
    return [h.frame(++this.seq)];
  }
}

/** Buffers a frame carries, to transfer rather than copy. */
export function transferables(r: Response): Transferable[] {
  return r.type === 'frame' ? [r.inflight.buffer, r.ended.buffer] : [];
}
