// The typed messages between the app and the engine host (docs/architecture.md). The same messages are
// used in-process, so one test suite covers both.

import type { Scenario, Counters, LogRecord, OpRecord, Violation, Handover } from '../sim';
import type { SimView } from './view';
import type { TakenChoice } from './takenChoices';

export type Request =
  /**
   * A (new or edited) scenario; the playhead goes to `at`. `deviations`: the run's choices that
   * differ from the default (index, value), a counterexample's timing; none or empty: the default run.
   */
  | { type: 'load'; scenario: Scenario; at: number; playing: boolean; deviations?: [number, number][] }
  /** Play; with `until`, pause on reaching that tick (presenting: run to the next caption). */
  | { type: 'play'; until?: number }
  | { type: 'pause' }
  | { type: 'speed'; ticksPerSecond: number }
  | { type: 'seek'; t: number }
  /** One event, tick or scripted operation forward; `back`, the same unit back (a seek). */
  | { type: 'step'; unit: 'event' | 'tick' | 'op'; back?: boolean }
  /** The app is ready to draw another frame; `ms` of wall time passed since the last one. */
  | { type: 'frame'; ms: number }
  /** Run the scout further (the user plays past the end); it computes the rest in the background. */
  | { type: 'extend'; horizon: number };

export interface Summary {
  horizon: number;
  /** How far the run is computed: everything in this summary is the run up to this tick. */
  scoutedTo: number;
  /** The run is computed to the horizon: the verdicts are final. */
  complete: boolean;
  /** The length of a tick in nanoseconds. */
  tickNs: number;
  ops: OpRecord[];
  /** Liveness: each hand-over, and whether the new owner's own DMA committed after it. */
  handovers: Handover[];
  /** Fault records lost to a full event queue, and how often it overflowed. */
  eventQueue: { capacity: number; lost: number; overflows: number };
  log: LogRecord[];
  logDropped: number;
  violations: Violation[];
  counters: Counters;
  traceHash: string;
  checkpoints: number;
  /** The run's deviations from the default choices, described (takenChoices.ts); empty for the default run. */
  deviations: TakenChoice[];
}

export interface Frame {
  type: 'frame';
  seq: number;
  /** Continuous playhead in ticks. */
  clock: number;
  playing: boolean;
  speed: number;
  horizon: number;
  /** A seek beyond what is computed: the playhead goes there once the run is computed that far. */
  waitingFor?: number | null;
  /** The entities at the playhead; null in the frames between two views while playing. */
  view: SimView | null;
  /** In-flight transactions, packed (frameFormat.ts); transferred, not copied. */
  inflight: Float64Array;
  /** Transactions that ended in the last few ticks, packed the same way. */
  ended: Float64Array;
  /**
   * Set when the overlay has its own channel to the engine (route.ts): the transactions went
   * there, these arrays are empty, and the overlay asks for the frames while playing.
   */
  direct?: true;
}

export type Response =
  | { type: 'loaded'; summary: Summary; loadMs: number }
  | { type: 'summary'; summary: Summary }
  /**
   * Unasked, while the run is computed in the background: how far it is, now and then (at most
   * every PROGRESS_MS, serve.ts) and once when it is complete. It is also the host's heartbeat.
   */
  | { type: 'progress'; summary: Summary }
  | Frame
  /**
   * A request that failed. `noRun`: the host holds no run after it — a load failed, or the engine
   * threw, and the run before is dropped rather than served under another scenario; or nothing
   * was loaded. Until the next load, every request is answered so.
   */
  | { type: 'error'; message: string; noRun?: true }
  /** The host itself died (not an error inside one request): the app replaces it. */
  | { type: 'crashed'; message: string };
