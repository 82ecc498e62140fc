// The engine host: everything the worker does, as a plain class with no timers and no messaging,
// so the same code runs in the worker, in-process, and in Node tests.
//
// Two engines. The *scout* runs ahead to the horizon, leaving checkpoints (plain snapshots) on the
// way and collecting the whole run's operations, log and violations — so the timeline and the
// verdicts show the run before it is played. It runs in bounded chunks (`scoutFor`), so a run of
// 10^9 ticks is computed in the background while the playhead is already usable: the summary says
// how far the run is known (`scoutedTo`, `complete`). Its slices follow the events: a quiet
// stretch, however long, is one slice. The *player* is the engine at the playhead: seeking restores
// the nearest checkpoint at or before the target and replays, which is exact because the engine is
// deterministic. The player never runs past what the scout knows except by a step: a seek or a
// playhead beyond `scoutedTo` waits for the scout (`waitingFor`).

import {
  createEngine,
  handovers,
  type Engine,
  type Snapshot,
  type Scenario,
  type SimState,
  type LogRecord,
  type OpRecord,
  type Violation,
} from '../sim';
import { buildView, packTxns } from './view';
import { TX } from './frameFormat';
import { BufferPool } from './bufferPool';
import type { Frame, Summary } from './protocol';
import { defaultHorizon } from '../scenario/horizon';
import { takenChoices, type TakenChoice } from './takenChoices';

/**
 * A checkpoint is left after this many transactions were issued since the last one, or these many
 * ticks in which something happened. The spacing doubles whenever the count passes the cap.
 */
const CHECKPOINT_TXNS = 1500;
const CHECKPOINT_TICKS = 2000;
/** At most this many checkpoints, and about this many bytes of them (measured as JSON). */
const CHECKPOINTS_MAX = 4096;
const CHECKPOINT_BYTES = 128 * 1024 * 1024;
/** A state this size or smaller takes checkpoints at the base spacing; larger ones proportionally further apart. */
const SPACING_BYTES = 1024 * 1024;
/** Scout slice: the scout runs at least this many ticks between checkpoint decisions, and on to the next event. */
const SLICE = 16;
/** Ended transactions kept for the overlay (a blocked one lingers at the SMMU for a moment). */
const ENDED_KEEP_TICKS = 24;
const ENDED_MAX = 4096;

/** Playback jumps a stretch with no event longer than this (seconds at the current speed)… */
const QUIET_S = 1.5;
/** …to this long (seconds at the current speed) before its next event. */
const LEAD_S = 0.5;
/** A step runs the player itself up to this far past what the scout knows; further, it waits for the scout. */
const STEP_AHEAD_TICKS = 2000;

export class SimHost {
  private scout: Engine;
  private player: Engine;
  private checkpoints: { t: number; snap: Snapshot }[] = [];
  private issuedAtCheckpoint = 0;
  private processedAtCheckpoint = 0;
  /** Checkpoint spacing, as a multiple of CHECKPOINT_TXNS and CHECKPOINT_TICKS. */
  private spacing = 1;
  private checkpointCap = Infinity;
  /** The tick the run is computed to. */
  horizon: number;
  /** Scout slices run so far (a measure of the scout's work besides its events). */
  slices = 0;
  /** A seek beyond what the scout knows: the playhead goes there when the scout gets there. */
  waitingFor: number | null = null;
  /** Continuous playhead in ticks; the player has processed every event at or before floor(clock). */
  clock = 0;
  playing = false;
  /** Ticks per second of wall time. */
  speed = 20;
  /** Playing pauses on reaching this tick. */
  stopAt = Infinity;
  private ended: { t: number; data: Float64Array }[] = [];
  /** Where frames' arrays come from; the overlay's painter hands them back (route.ts). */
  readonly pool = new BufferPool();

  /** The run's deviations from the default choices, described for the app (none: the default run). */
  readonly taken: TakenChoice[];

  /** `deviations`: the run's choices that differ from the default (a counterexample's timing). */
  constructor(
    readonly scenario: Scenario,
    horizon = defaultHorizon(scenario),
    private readonly checkpointsMax = CHECKPOINTS_MAX,
    deviations: ReadonlyMap<number, number> = new Map(),
  ) {
    // Scout and player make the same choices: the player replays the scout's run from its checkpoints.
    this.scout = createEngine(scenario, { deviations });
    this.player = createEngine(scenario, { deviations });
    this.taken = takenChoices(scenario, deviations, horizon);
    this.player.watchEnded(true);
    this.horizon = horizon;
    this.checkpoints.push({ t: 0, snap: this.scout.snapshot() });
    // A snapshot costs time in proportion to the state: a large system's checkpoints are spaced
    // further apart, so that taking them stays a small part of the scout's work.
    this.spacing = Math.max(1, Math.ceil(stateBytes(this.scout.state) / SPACING_BYTES));
  }

  /** How far the run is known: the scout's tick. */
  get scoutedTo(): number {
    return Math.min(this.scout.now, this.horizon);
  }

  get complete(): boolean {
    return this.scout.now >= this.horizon;
  }

  /** Events the scout processed (its work so far). */
  get scoutEvents(): number {
    return this.scout.state.processed;
  }

  /** Runs the scout on toward the horizon for about `budget` events (at least one slice); returns whether it got there. */
  scoutFor(budget: number): boolean {
    const sc = this.scout;
    const stop = sc.state.processed + budget;
    do {
      if (sc.now >= this.horizon) break;
      // Event-driven: a slice runs SLICE ticks or to the next event, whichever is later, so a
      // stretch with no event costs one slice.
      sc.runUntil(Math.min(this.horizon, Math.max(sc.now + SLICE, sc.nextEventAt())));
      this.slices++;
      this.checkpointDecision();
    } while (sc.state.processed < stop);
    if (this.waitingFor !== null && this.waitingFor <= this.scoutedTo) {
      const t = this.waitingFor;
      this.seek(t);
    }
    return this.complete;
  }

  /** Runs the scout to the horizon in one go (tests, the CLI's way). */
  scoutAll(): void {
    while (!this.scoutFor(1 << 20));
  }

  private checkpointDecision(): void {
    const sc = this.scout;
    const last = this.checkpoints[this.checkpoints.length - 1].t;
    const issued = sc.state.counters.issued;
    const processed = sc.state.processed;
    const byTxns = issued - this.issuedAtCheckpoint >= CHECKPOINT_TXNS * this.spacing;
    const byTicks = sc.now - last >= CHECKPOINT_TICKS * this.spacing && processed > this.processedAtCheckpoint;
    if (!byTxns && !byTicks) return;
    this.checkpoints.push({ t: sc.now, snap: sc.snapshot() });
    this.issuedAtCheckpoint = issued;
    this.processedAtCheckpoint = processed;
    if (this.checkpoints.length === 2) this.checkpointCap = capFor(sc.state, this.checkpointsMax);
    if (this.checkpoints.length > this.checkpointCap) {
      // Thinned: every other checkpoint goes (the first stays), and the spacing doubles, so the
      // count stays bounded and a seek still replays at most about twice the spacing.
      this.checkpoints = this.checkpoints.filter((_, i) => i % 2 === 0);
      this.spacing *= 2;
      this.checkpointCap = capFor(sc.state, this.checkpointsMax);
    }
  }

  /** Moves the horizon further (the user plays or seeks past the end); the scout computes the rest in the background. */
  extend(horizon: number): void {
    this.horizon = Math.max(this.horizon, Math.floor(horizon));
  }

  summary(): Summary {
    const sc = this.scout;
    return {
      horizon: this.horizon,
      scoutedTo: this.scoutedTo,
      complete: this.complete,
      tickNs: sc.scenario.timing.tickNs,
      ops: sc.ops.map(copyOp),
      handovers: handovers(sc.state),
      eventQueue: { capacity: sc.state.eventq.capacity, lost: sc.state.counters.dropped, overflows: sc.state.eventq.overflows },
      log: sc.log.map((l) => ({ ...l })) as LogRecord[],
      logDropped: sc.state.logDropped,
      violations: sc.violations.map((v) => ({ ...v })) as Violation[],
      counters: { ...sc.state.counters },
      traceHash: sc.traceHash(),
      checkpoints: this.checkpoints.length,
      deviations: this.taken,
    };
  }

  get now(): number {
    return this.player.now;
  }

  /** Puts the playhead at tick `t` (restore the nearest checkpoint, replay). */
  seek(t: number): void {
    t = Math.max(0, Math.floor(t));
    if (t > this.horizon) this.extend(t);
    // Beyond what the scout knows, the playhead waits for it (`scoutFor` lands it there).
    this.waitingFor = t > this.scoutedTo ? t : null;
    if (this.waitingFor !== null) return;
    // Replay from the nearest checkpoint at or before t — unless the player is already between
    // that checkpoint and t, in which case it simply runs on.
    let cp = this.checkpoints[0];
    for (const c of this.checkpoints) if (c.t <= t) cp = c;
    if (t < this.player.now || cp.t > this.player.now) this.player.restore(cp.snap);
    this.player.runUntil(t);
    this.clock = t;
    this.ended = [];
    this.player.takeEnded();
  }

  /** Advances the playhead by `ms` of wall time at the current speed (when playing). */
  advance(ms: number): void {
    if (!this.playing) return;
    const end = Math.min(this.horizon, this.stopAt);
    // The playhead does not pass what the scout knows: there it waits, still playing.
    const known = Math.min(end, this.scoutedTo);
    // A quiet stretch (nothing happens for more than QUIET_S seconds of playback, as while a
    // device sits out a 100 ms reset) is jumped over, to just before its next event.
    const next = this.player.nextEventAt();
    if (next - this.clock > QUIET_S * this.speed) {
      const jump = Math.min(known, next - LEAD_S * this.speed);
      if (jump > this.clock) this.runTo(jump);
    }
    const to = Math.min(known, this.clock + (ms / 1000) * this.speed);
    if (to > this.clock) this.runTo(to);
    if (to >= end) {
      this.playing = false;
      this.stopAt = Infinity;
    }
  }

  /** One event; at the end of the run, nothing (stepping does not grow the run). */
  stepEvent(): void {
    this.waitingFor = null;
    if (this.player.nextEventAt() > this.horizon) {
      if (this.clock < this.horizon) this.runTo(this.horizon);
      return;
    }
    this.player.step();
    this.clock = this.player.now;
    this.collectEnded();
  }

  /** One tick, up to the end of the run. */
  stepTick(): void {
    this.waitingFor = null;
    this.runTo(Math.min(this.horizon, Math.floor(this.clock) + 1));
  }

  /** To the next scripted operation after the playhead, or the end of the run. */
  stepOp(): void {
    const now = Math.floor(this.clock);
    const next = this.scenario.script.find((o) => o.at > now);
    const to = Math.min(this.horizon, next ? next.at : this.horizon);
    // Far beyond what the scout knows, the step is a seek that waits for it.
    if (to > this.scoutedTo + STEP_AHEAD_TICKS) return this.seek(to);
    this.waitingFor = null;
    this.runTo(to);
  }

  /**
   * One unit back, as a seek: to the tick before the playhead, to the last scripted operation
   * before it, or to the last tick before it at which an event happened (0 when there is none).
   */
  stepBack(unit: 'event' | 'tick' | 'op'): void {
    const now = Math.floor(this.clock);
    if (unit === 'tick') return this.seek(Math.max(0, now - 1));
    if (unit === 'op') {
      const before = this.scenario.script.filter((o) => o.at < now);
      return this.seek(before.length > 0 ? before[before.length - 1].at : 0);
    }
    this.seek(this.previousEventAt(now));
  }

  /**
   * The last tick before `t` at which the player processes an event. Found by replaying from the
   * checkpoints before `t`, the nearest first (a checkpoint holds every event up to its own tick, so
   * one that finds none hands over to the one before it).
   */
  private previousEventAt(t: number): number {
    for (let i = this.checkpoints.length - 1; i >= 0; i--) {
      const cp = this.checkpoints[i];
      if (cp.t >= t) continue;
      this.player.restore(cp.snap);
      let last = -1;
      while (this.player.nextEventAt() < t) {
        last = this.player.nextEventAt();
        this.player.step();
      }
      if (last >= 0) return last;
    }
    return 0;
  }

  private runTo(to: number): void {
    if (to > this.horizon) this.extend(Math.ceil(to));
    this.player.runUntil(Math.floor(to));
    this.clock = to;
    this.collectEnded();
  }

  private collectEnded(): void {
    const e = this.player.takeEnded();
    if (e.length > 0) this.ended.push({ t: this.player.now, data: packTxns(e, e.length) });
    const keepFrom = this.player.now - ENDED_KEEP_TICKS;
    while (this.ended.length > 0 && (this.ended[0].t < keepFrom || this.ended.length > 64)) this.ended.shift();
  }

  /** A frame; `withView` false leaves out the entity view (the overlay needs only the transactions). */
  frame(seq: number, withView = true): Frame {
    const s = this.player.state;
    const inflight = packTxns(s.txns.values(), s.txns.size, (n) => this.pool.take(n));
    let n = 0;
    for (const e of this.ended) n += e.data.length;
    n = Math.min(n, ENDED_MAX * TX.stride);
    const ended = this.pool.take(n);
    let o = 0;
    // Newest last; when over the cap the oldest are left out.
    for (let i = this.ended.length - 1; i >= 0 && o < n; i--) {
      const d = this.ended[i].data;
      const take = Math.min(d.length, n - o);
      ended.set(d.subarray(0, take), n - o - take);
      o += take;
    }
    return {
      type: 'frame',
      seq,
      clock: this.clock,
      playing: this.playing,
      speed: this.speed,
      horizon: this.horizon,
      waitingFor: this.waitingFor,
      view: withView ? buildView(s) : null,
      inflight,
      ended,
    };
  }
}

/**
 * About how many bytes a snapshot of this state holds: the pages' mode tables (one entry per page
 * and endpoint) dominate a large system, then the transactions in flight and the log.
 */
export function stateBytes(s: SimState): number {
  return 65536 + s.pages.length * (200 + 10 * s.endpoints.length) + s.txns.size * 400 + s.log.length * 120 + s.ops.length * 400;
}

/** How many checkpoints fit the byte budget, judging by the state now. */
function capFor(s: SimState, max: number): number {
  const bytes = stateBytes(s);
  return Math.min(max, Math.max(2, Math.floor(CHECKPOINT_BYTES / bytes)));
}

function copyOp(o: OpRecord): OpRecord {
  return { ...o, op: { ...o.op }, steps: o.steps.map((x) => ({ ...x })) };
}
