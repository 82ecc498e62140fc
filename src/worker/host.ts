// The engine host: everything the worker does, as a plain class with no timers and no messaging,
// so the same code runs in the worker, in-process, and in Node tests.
//
// Two engines. The *scout* runs ahead to the horizon when a scenario loads, leaving checkpoints
// (plain snapshots) on the way and collecting the whole run's operations, log and violations — so
// the timeline and the verdicts show the run before it is played. The *player* is the engine at
// the playhead: seeking restores the nearest checkpoint at or before the target and replays, which
// is exact because the engine is deterministic.

import { createEngine, handovers, type Engine, type Snapshot, type Scenario, type LogRecord, type OpRecord, type Violation } from '../sim';
import { buildView, packTxns } from './view';
import { TX } from './frameFormat';
import { BufferPool } from './bufferPool';
import type { Frame, Summary } from './protocol';
import { defaultHorizon } from '../scenario/horizon';

/** A checkpoint is left after this many transactions were issued since the last one, or these many ticks. */
const CHECKPOINT_TXNS = 1500;
const CHECKPOINT_TICKS = 2000;
/** Scout slice: the scout runs this many ticks between checkpoint decisions. */
const SLICE = 16;
/** Ended transactions kept for the overlay (a blocked one lingers at the SMMU for a moment). */
const ENDED_KEEP_TICKS = 24;
const ENDED_MAX = 4096;

/** Playback jumps a stretch with no event longer than this (seconds at the current speed)… */
const QUIET_S = 1.5;
/** …to this long (seconds at the current speed) before its next event. */
const LEAD_S = 0.5;

export class SimHost {
  private scout: Engine;
  private player: Engine;
  private checkpoints: { t: number; snap: Snapshot }[] = [];
  private issuedAtCheckpoint = 0;
  horizon: number;
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

  constructor(
    readonly scenario: Scenario,
    horizon = defaultHorizon(scenario),
  ) {
    this.scout = createEngine(scenario);
    this.player = createEngine(scenario);
    this.player.watchEnded(true);
    this.horizon = 0;
    this.checkpoints.push({ t: 0, snap: this.scout.snapshot() });
    this.extend(horizon);
  }

  /** Runs the scout further, leaving checkpoints. */
  extend(horizon: number): void {
    const sc = this.scout;
    while (sc.now < horizon) {
      sc.runUntil(Math.min(horizon, sc.now + SLICE));
      const last = this.checkpoints[this.checkpoints.length - 1].t;
      const issued = sc.state.counters.issued;
      if (issued - this.issuedAtCheckpoint >= CHECKPOINT_TXNS || sc.now - last >= CHECKPOINT_TICKS) {
        this.checkpoints.push({ t: sc.now, snap: sc.snapshot() });
        this.issuedAtCheckpoint = issued;
      }
    }
    this.horizon = Math.max(this.horizon, horizon);
  }

  summary(): Summary {
    const sc = this.scout;
    return {
      horizon: this.horizon,
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
    };
  }

  get now(): number {
    return this.player.now;
  }

  /** Puts the playhead at tick `t` (restore the nearest checkpoint, replay). */
  seek(t: number): void {
    t = Math.max(0, Math.floor(t));
    if (t > this.horizon) this.extend(t);
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
    // A quiet stretch (nothing happens for more than QUIET_S seconds of playback, as while a
    // device sits out a 100 ms reset) is jumped over, to just before its next event.
    const next = this.player.nextEventAt();
    if (next - this.clock > QUIET_S * this.speed) this.runTo(Math.min(end, next - LEAD_S * this.speed));
    const to = Math.min(end, this.clock + (ms / 1000) * this.speed);
    this.runTo(to);
    if (to >= end) {
      this.playing = false;
      this.stopAt = Infinity;
    }
  }

  /** One event. */
  stepEvent(): void {
    this.player.step();
    this.clock = this.player.now;
    this.collectEnded();
  }

  /** One tick. */
  stepTick(): void {
    this.runTo(Math.floor(this.clock) + 1);
  }

  /** To the next scripted operation after the playhead (or the horizon). */
  stepOp(): void {
    const now = Math.floor(this.clock);
    const next = this.scenario.script.find((o) => o.at > now);
    this.runTo(next ? next.at : this.horizon);
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
      view: withView ? buildView(s) : null,
      inflight,
      ended,
    };
  }
}

function copyOp(o: OpRecord): OpRecord {
  return { ...o, op: { ...o.op }, steps: o.steps.map((x) => ({ ...x })) };
}
