// One connection from the page to an engine host: the requests it sends, the watchdog that
// replaces a host that stops answering (or crashes) and reloads it at the playhead, the pacing of a
// playing run, the channel to the overlay's painter, and the bus the frames arrive on. It keeps no
// module state and knows nothing of React or the store: it reports through the callbacks it is
// created with, so a page may hold several sessions (two runs side by side) and disposes each.

import type { Scenario } from '../sim';
import type { SimClient } from './client';
import { FrameBus } from './frameBus';
import { FramePacer } from './pacer';
import type { Frame, Request, Response, Summary } from './protocol';

/** What a session reports to its owner. */
export interface SessionEvents {
  /** The run's summary, after a load or when the run grows. */
  /** `progress`: sent unasked while the run is computed, a few times a second; the others answer a load or an extend. */
  summary(s: Summary, progress: boolean): void;
  /** Every frame, after it is published on the bus. */
  frame(f: Frame): void;
  /**
   * The host refused a request (the message names why); a playing run stops. `noRun`: the host
   * holds no run any more — a load failed, or the engine stopped — so nothing shown of the last
   * run is current; the frame bus has been cleared.
   */
  error(message: string, noRun: boolean): void;
  /** The host was replaced (`why`) and is reloaded at tick `at`; the scenario is unchanged. */
  recovered(why: string, at: number): void;
}

/** The page's clocks and frames; tests substitute their own. */
export interface SessionEnv {
  now(): number;
  nextFrame(f: () => void): void;
  later(f: () => void, ms: number): void;
  every(f: () => void, ms: number): () => void;
  /** A hidden page draws no frames, so a painter asks for none. */
  hidden(): boolean;
}

/** The browser's next animation frame; a timer where there is none (Node). */
export const nextFrame = (f: () => void): void =>
  void (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(f) : setTimeout(f, 16));

const browserEnv: SessionEnv = {
  now: () => performance.now(),
  nextFrame,
  later: (f, ms) => void setTimeout(f, ms),
  every: (f, ms) => {
    const id = setInterval(f, ms);
    return () => clearInterval(id);
  },
  hidden: () => typeof document !== 'undefined' && document.hidden,
};

/**
 * A host that shows no progress for this long, while a request is unanswered or the run is being
 * computed (it sends progress a few times a second then), is replaced.
 */
export const WATCHDOG_MS = 2000;
/** A load answers after a bounded first step (booting the engines can take longer than a frame). */
export const LOAD_WATCHDOG_MS = 15000;
/** How often the watchdog looks. */
const WATCH_EVERY_MS = 250;

export interface SessionOptions {
  /** How to make a new host; without it nothing watches the host (tests' in-process hosts). */
  restart?: () => SimClient;
  env?: Partial<SessionEnv>;
}

export class EngineSession {
  readonly frames = new FrameBus();
  private client: SimClient;
  private readonly env: SessionEnv;
  private readonly restart: (() => SimClient) | null;
  private readonly pacer: FramePacer;
  private stopWatching: (() => void) | null = null;
  /** Requests not yet answered (each request's last response is a frame, a summary or an error). */
  private outstanding = 0;
  /** Answers still to come up to and including the last load's (0: no load is outstanding). */
  private untilLoaded = 0;
  /** The outstanding load is a replacement host's reload of a load its predecessor never answered. */
  private reloading = false;
  /** When the host last showed progress: a response, or a request sent while it was idle. */
  private progressAt = 0;
  private pendingLimit = WATCHDOG_MS;
  /** When the watchdog last looked. */
  private watchedAt = 0;
  /** The run is still being computed in the background: the host sends progress meanwhile. */
  private computing = false;
  /** The run plays and the painter asks for its frames (the last frame was playing and `direct`). */
  private pacedByPainter = false;
  private framePending = false;
  /** Counts Play and Pause presses: a Play is sent only if no press came after it. */
  private plays = 0;
  /** The overlay's painter, when it takes frames from the engine over its own channel. */
  private painter: ((port: MessagePort) => void) | null = null;
  /** What a replacement host is loaded with: the last scenario, at the last playhead. */
  private scenario: Scenario | null = null;
  /** The last scenario's deviations from the default choices: a replacement host runs the same run. */
  private deviations: [number, number][] = [];
  private clock = 0;
  private disposed = false;

  constructor(
    client: SimClient,
    private readonly events: SessionEvents,
    opts: SessionOptions = {},
  ) {
    this.env = { ...browserEnv, ...opts.env };
    this.restart = opts.restart ?? null;
    this.pacer = new FramePacer(() => this.env.now());
    this.client = client;
    this.attach();
    this.watchedAt = this.env.now();
    if (this.restart !== null) this.stopWatching = this.env.every(() => this.watch(), WATCH_EVERY_MS);
  }

  /** Which kind of host answers. */
  get kind(): SimClient['kind'] {
    return this.client.kind;
  }

  /**
   * A (new or edited) scenario, with the playhead at `at`; `deviations` (index, value) give the run a
   * counterexample's timing instead of the default one.
   */
  load(scenario: Scenario, at: number, playing: boolean, deviations: [number, number][] = []): void {
    this.scenario = scenario;
    this.deviations = deviations;
    this.clock = at;
    this.reloading = false;
    this.send(this.loadRequest(at, playing));
  }

  /** The load of the last scenario, with its timing, at `at`. */
  private loadRequest(at: number, playing: boolean): Request {
    const scenario = this.scenario!;
    return this.deviations.length > 0
      ? { type: 'load', scenario, at, playing, deviations: this.deviations }
      : { type: 'load', scenario, at, playing };
  }

  /**
   * Play (up to `until`), once the browser has drawn the frame that shows the run as playing, so
   * that frame is not drawn while both workers start the run. Paused before then, it does not start.
   */
  play(until?: number): void {
    const play = ++this.plays;
    this.env.nextFrame(() =>
      this.env.later(() => {
        if (play === this.plays) this.send({ type: 'play', until });
      }, 0),
    );
  }

  pause(): void {
    this.plays++;
    this.send({ type: 'pause' });
  }

  seek(t: number): void {
    this.send({ type: 'seek', t: Math.max(0, Math.round(t)) });
  }

  step(unit: 'event' | 'tick' | 'op', back = false): void {
    this.send(back ? { type: 'step', unit, back } : { type: 'step', unit });
  }

  setSpeed(ticksPerSecond: number): void {
    this.send({ type: 'speed', ticksPerSecond });
  }

  /**
   * A painter in a worker takes the engine's frames over a channel of its own (route.ts): `connect`
   * gets a port to the engine now and whenever the host is replaced. Frames on the bus are then
   * marked `direct` and carry no transactions, and the painter, not the session, asks for the frames
   * while playing. With a host in-process nothing changes. Returns the detach.
   */
  attachPainter(connect: (port: MessagePort) => void): () => void {
    this.painter = connect;
    this.wirePainter();
    return () => {
      if (this.painter !== connect) return;
      this.painter = null;
      if (!this.disposed) this.client.connectOverlay?.(null);
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopWatching?.();
    this.client.dispose();
    this.frames.clear();
    this.painter = null;
  }

  private attach(): void {
    this.outstanding = 0;
    this.untilLoaded = 0;
    this.computing = false;
    this.pacedByPainter = false;
    this.framePending = false;
    this.client.onResponse((r) => this.onResponse(r));
    this.wirePainter();
  }

  private wirePainter(): void {
    if (this.painter === null || this.client.connectOverlay === undefined) return;
    const channel = new MessageChannel();
    this.client.connectOverlay(channel.port1);
    this.painter(channel.port2);
  }

  private send(req: Request): void {
    if (this.disposed) return;
    if (this.outstanding === 0) {
      // A host computing the run in the background is not idle: its last progress counts.
      if (!this.computing) this.progressAt = this.env.now();
      this.pendingLimit = WATCHDOG_MS;
    }
    this.outstanding++;
    if (req.type === 'load') {
      this.pendingLimit = LOAD_WATCHDOG_MS;
      this.untilLoaded = this.outstanding;
    }
    this.client.send(req);
  }

  private watch(): void {
    const now = this.env.now();
    // A look that comes late means the page itself was busy (a large system's first render): the
    // host's messages wait behind it, unread, and its silence is the page's, not the host's.
    const late = now - this.watchedAt > WATCH_EVERY_MS + WATCHDOG_MS / 2;
    this.watchedAt = now;
    if (late) this.progressAt = Math.max(this.progressAt, now);
    const quiet = now - this.progressAt;
    // A run the painter paces sends a view a few times a second unasked. When none came for a
    // while, the session asks (advancing nothing), so a host that hangs mid-run is caught as it is
    // when the session asks for the frames itself — and a painter that stopped asking is not
    // mistaken for one.
    if (this.pacedByPainter && this.outstanding === 0 && !this.env.hidden() && quiet > WATCHDOG_MS / 2) this.send({ type: 'frame', ms: 0 });
    else if ((this.outstanding > 0 || this.computing) && quiet > this.pendingLimit)
      this.recover(`The simulation stopped answering for ${this.pendingLimit / 1000} s.`);
  }

  /**
   * A new host, loaded where the old one was. A host lost while loading is replaced and the load
   * tried once more; when that one is lost too, the scenario is what stops the host, and the new
   * host is left without it: the page shows no run rather than the last one.
   */
  private recover(why: string): void {
    if (this.restart === null || this.disposed) return;
    const loading = this.untilLoaded > 0;
    this.client.dispose();
    this.client = this.restart();
    this.attach();
    const at = Math.floor(this.clock);
    if (loading && this.reloading) {
      this.scenario = null;
      this.reloading = false;
      this.frames.publish(null);
      this.events.error(
        `${why} It happened again while loading this scenario, so the scenario is not run; your document is unchanged.`,
        true,
      );
      return;
    }
    this.events.recovered(why, at);
    this.reloading = loading;
    if (this.scenario !== null) this.send(this.loadRequest(at, false));
  }

  private onResponse(r: Response): void {
    if (this.disposed) return;
    this.progressAt = this.env.now();
    // A crash answers no request: it is the host going away. Progress is sent unasked.
    if (r.type !== 'loaded' && r.type !== 'crashed' && r.type !== 'progress' && this.outstanding > 0) {
      if (--this.outstanding === 0) this.pendingLimit = WATCHDOG_MS;
      if (this.untilLoaded > 0 && --this.untilLoaded === 0) this.reloading = false;
    }
    switch (r.type) {
      case 'crashed':
        this.recover(`The simulation worker crashed (${r.message}).`);
        return;
      case 'loaded':
      case 'summary':
      case 'progress':
        this.computing = !r.summary.complete;
        this.events.summary(r.summary, r.type === 'progress');
        return;
      case 'error':
        if (r.noRun === true) {
          this.computing = false;
          this.frames.publish(null);
        }
        this.events.error(r.message, r.noRun === true);
        return;
      case 'frame':
        if (r.view !== null) this.clock = r.clock;
        this.frames.publish(r);
        this.events.frame(r);
        this.pace(r);
        return;
    }
  }

  /**
   * While playing, asks for the next frame when the browser is ready to draw it: one frame in
   * flight at a time, so a slow frame never queues work in the host. (A painter with its own
   * channel to the engine asks itself.)
   */
  private pace(f: Frame): void {
    this.pacedByPainter = f.playing && f.direct === true;
    if (!f.playing) this.pacer.stop();
    if (!f.playing || this.pacedByPainter || this.framePending) return;
    this.framePending = true;
    this.env.nextFrame(() => {
      this.framePending = false;
      this.send({ type: 'frame', ms: this.pacer.next() });
    });
  }
}
