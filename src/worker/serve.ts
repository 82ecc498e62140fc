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

/** The start of the message of an engine that threw while answering a request other than a load. */
export const STOPPED = 'the simulation stopped: ';
/** The start of the message of a load the engine failed on. */
export const NOT_RUN = 'the scenario could not be run: ';

export class Server {
  host: SimHost | null = null;
  /** Why there is no run (no host): the answer to every request until the next load. */
  private noRun = 'no scenario loaded';
  /** The playback speed the app chose: each new run starts at it, also one loaded after a failure. */
  private speed: number | undefined;
  private seq = 0;
  private viewAt = 0;
  private progressAt = 0;

  /** Whether the run is still being computed: the caller then calls `work` again, after answering any request. */
  pending(): boolean {
    return this.host !== null && !this.host.complete;
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
      // The engine threw in the middle of the run: what it computed is not a run any more.
      return this.drop(STOPPED + messageOf(e));
    }
  }

  /** The frame at the playhead, without the entities; null before a scenario is loaded. */
  current(): Frame | null {
    return this.host === null ? null : this.host.frame(++this.seq, false);
  }

  handle(req: Request): Response[] {
    if (req.type === 'load') return this.load(req);
    try {
      return this.handleUnsafe(req);
    } catch (e) {
      // The engine threw in the middle of a step: its state is not a run any more.
      return this.drop(STOPPED + messageOf(e));
    }
  }

  /**
   * A new run. The one before goes first, whatever happens: a load that fails leaves no run, never
   * the previous scenario's still playing under the new one.
   */
  private load(req: Extract<Request, { type: 'load' }>): Response[] {
    const start = performance.now();
    this.host = null;
    try {
      // Refused before it runs: a state this large would not fit the worker's memory or its pace.
      const tooLarge = tooLargeToRun(req.scenario);
      if (tooLarge !== null) return this.drop(tooLarge);
      const host = new SimHost(req.scenario, undefined, undefined, new Map(req.deviations ?? []));
      if (this.speed !== undefined) host.speed = this.speed;
      // A bounded first step: the rest of the run is computed by `work`, in the background.
      host.scoutFor(LOAD_EVENTS);
      this.progressAt = performance.now();
      host.seek(Math.min(req.at, host.horizon));
      host.playing = req.playing;
      const loaded: Response = { type: 'loaded', summary: host.summary(), loadMs: performance.now() - start };
      const frame = host.frame(++this.seq);
      this.host = host;
      return [loaded, frame];
    } catch (e) {
      return this.drop(NOT_RUN + messageOf(e));
    }
  }

  private drop(why: string): Response[] {
    this.host = null;
    this.noRun = why;
    return [{ type: 'error', message: why, noRun: true }];
  }

  private handleUnsafe(req: Exclude<Request, { type: 'load' }>): Response[] {
    if (req.type === 'speed') this.speed = Math.max(0.1, Math.min(100000, req.ticksPerSecond));
    const h = this.host;
    if (h === null) return [{ type: 'error', message: this.noRun, noRun: true }];
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
        h.speed = this.speed!;
        break;
      case 'seek':
        h.playing = false;
        h.seek(req.t);
        break;
      case 'step':
        h.playing = false;
        if (req.back === true) h.stepBack(req.unit);
        else if (req.unit === 'event') h.stepEvent();
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
        return [{ type: 'summary', summary: h.summary() }];
    }
    return [h.frame(++this.seq)];
  }
}

/** Buffers a frame carries, to transfer rather than copy. */
export function transferables(r: Response): Transferable[] {
  return r.type === 'frame' ? [r.inflight.buffer, r.ended.buffer] : [];
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
