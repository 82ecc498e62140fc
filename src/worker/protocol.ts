// The typed messages between the app and the engine host (DESIGN.md §3.3). The same messages are
// used in-process, so one test suite covers both.

import type { Scenario } from '../sim/model/scenario';
import type { Counters, LogRecord, OpRecord, Violation } from '../sim/model/state';
import type { SimView } from './view';

export type Request =
  /** A (new or edited) scenario; the playhead goes to `at`. */
  | { type: 'load'; scenario: Scenario; at: number; playing: boolean }
  /** Play; with `until`, pause on reaching that tick (presenting: run to the next caption). */
  | { type: 'play'; until?: number }
  | { type: 'pause' }
  | { type: 'speed'; ticksPerSecond: number }
  | { type: 'seek'; t: number }
  | { type: 'step'; unit: 'event' | 'tick' | 'op' }
  /** The app (or the linked painter) is ready to draw another frame; `ms` of wall time passed since the last one. */
  | { type: 'frame'; ms: number }
  /** Run the scout further (the user plays past the end). */
  | { type: 'extend'; horizon: number };

export interface Summary {
  horizon: number;
  ops: OpRecord[];
  log: LogRecord[];
  logDropped: number;
  violations: Violation[];
  counters: Counters;
  traceHash: string;
  checkpoints: number;
}

export interface Frame {
  type: 'frame';
  seq: number;
  /** Continuous playhead in ticks. */
  clock: number;
  playing: boolean;
  speed: number;
  horizon: number;
  /** The entities at the playhead; null in the frames between two views while playing. */
  view: SimView | null;
  /** In-flight transactions, packed (see TX in view.ts); transferred, not copied. */
  inflight: Float64Array;
  /** Transactions that ended in the last few ticks, packed the same way. */
  ended: Float64Array;
  /**
   * Sent on the engine's own account, not in answer to one of the app's requests: while the
   * overlay paces the run (see LinkRequest), the app gets only the frames that carry a view.
   */
  unasked?: true;
}

/**
 * The overlay's link (DESIGN.md §3.3). Where the overlay is painted in its own worker, the app
 * hands the engine one end of a MessageChannel and the painter the other: while the run plays, the
 * painter asks for a frame on each of its animation frames and the engine answers it directly, so
 * the sixty frames a second never pass through the page's main thread. The app then gets only the
 * frames that carry a view (a few a second), the answers to its own requests, and errors.
 */
export type LinkRequest = { type: 'overlay'; port: MessagePort | null };

/** The painter to the engine: the next frame, `ms` of wall time after the previous one. */
export type OverlayRequest = { type: 'frame'; ms: number };

/** The engine to the painter: a frame's transactions (transferred), or `stop` when the run stopped on an error. */
export type OverlayMessage =
  { type: 'frame'; clock: number; playing: boolean; speed: number; inflight: Float64Array; ended: Float64Array } | { type: 'stop' };

export type Response =
  | { type: 'loaded'; summary: Summary; loadMs: number }
  | { type: 'summary'; summary: Summary }
  | Frame
  | { type: 'error'; message: string }
  /** The host itself died (not an error inside one request): the app replaces it. */
  | { type: 'crashed'; message: string };
