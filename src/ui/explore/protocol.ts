// The explore worker's messages: one request (the scenario, the search's bounds, the shard it runs,
// a time limit), then progress now and then, then the shard's part — or an error naming what went
// wrong. While it searches the page holds it when it renders a change and releases it after
// (renderHold.ts). Cancel terminates the worker: it needs no message.

import type { ExploreOptions, ExplorePart, ExploreProgress, Scenario, Shard } from '../../sim';

/** The search's options that travel to a worker (not its callbacks). */
export type WireOptions = Omit<ExploreOptions, 'stop' | 'progress'>;

export interface ShardRequest {
  kind: 'search';
  scenario: Scenario;
  options: WireOptions;
  shard: Shard;
  /** Milliseconds the shard may search; null: no limit. */
  timeLimitMs: number | null;
  /** Also report the default run's first violation of each invariant (one shard does). */
  defaults: boolean;
}

/** The default schedule's first violation of an invariant: a counterexample with no deviation. */
export interface DefaultViolation {
  invariant: string;
  number: string;
  tick: number;
  message: string;
  /** Its index among the run's violations (what a link's `sel=v…` names). */
  index: number;
}

/** The page renders a change: rest until released (slices.ts). */
export type HoldMessage = { kind: 'hold' } | { kind: 'release' };

export type WorkerMessage = ShardRequest | HoldMessage;

export type ShardReply =
  | { kind: 'progress'; progress: ExploreProgress }
  | { kind: 'done'; part: ExplorePart; defaults: DefaultViolation[]; timedOut: boolean }
  | { kind: 'error'; message: string };
