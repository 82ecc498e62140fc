// The explorer's options and results: what the CLI and the app's Explore panel read. A search is
// cut into units that do not depend on how many shards run it (src/sim/explore/shard.ts), so its
// parts can run in separate workers and merge into exactly the one-shard result.

export interface ExploreOptions {
  /** The tick each schedule runs to. */
  horizon: number;
  /** The most deviations a schedule takes (the bound, systematic mode). */
  maxDeviations: number;
  /** The most schedules to run, the default one included. */
  budget: number;
  /** Asked between schedules; true ends the search early (a wall-clock budget or Cancel, kept outside). */
  stop?: () => boolean;
  /** systematic: every schedule up to the bound; random: sampled schedules, reported as sampling. */
  mode?: 'systematic' | 'random';
  /** Random mode: how many schedules to sample (default: the budget less the default run). */
  samples?: number;
  /** Random mode: the sampler's seed. */
  seed?: number;
  /** Called at least every 25 schedules and once at the end of a shard. */
  progress?: (p: ExploreProgress) => void;
}

export interface ExploreProgress {
  schedules: number;
  states: number;
  bound: number;
  events: number;
}

/** Which part of the search a call runs: the units u with u % count === index. */
export interface Shard {
  index: number;
  count: number;
}

export interface Deviation {
  index: number;
  kind: string;
  value: number;
  default: number;
}

export interface Counterexample {
  invariant: string;
  number: string;
  /** safety: an invariant broken; liveness: a hand-over that does not complete, or starved DMA. */
  kind: 'safety' | 'liveness';
  /** The deviations that make the run break the invariant (no subset of them does). */
  deviations: Deviation[];
  /** The deviation list's text for links (`&x=…`). */
  choices: string;
  tick: number;
  /**
   * Safety: the index of the run's first violation of the invariant in its violation list (what a
   * link's `sel=v…` selects); liveness: null (a hand-over, not a violation).
   */
  violation: number | null;
  message: string;
  traceHash: string;
}

export interface ExploreResult {
  mode: 'systematic' | 'random';
  /** Schedules run (the default one, searching and shrinking). */
  schedules: number;
  /** Random mode: schedules sampled (0 in systematic mode). */
  sampled: number;
  /** Distinct traces among them. */
  distinctTraces: number;
  /** Distinct engine states reached at choice points (canonical state hash). */
  distinctStates: number;
  /** Events the engine processed over the whole search. */
  events: number;
  /** The deepest deviation count searched. */
  boundReached: number;
  /** True when every schedule up to the bound ran (the budget did not cut the search short). */
  exhausted: boolean;
  /** Choice points in the default run, and how many have room to deviate. */
  choicePoints: number;
  openChoicePoints: number;
  /** Invariants the default run already breaks (not searched further). */
  defaultViolations: string[];
  counterexamples: Counterexample[];
}

/** What one unit of the search found and covered. */
export interface UnitResult {
  unit: number;
  schedules: number;
  events: number;
  /** The deepest deviation count this unit ran a schedule at. */
  bound: number;
  /** Every schedule of the unit ran (its budget share and `stop` did not cut it short). */
  complete: boolean;
  findings: Counterexample[];
}

/** One shard's share of a search: plain JSON, so a worker can post it and a file can hold it. */
export interface ExplorePart {
  version: 1;
  shard: Shard;
  /** The scenario and options the part was run with (parts merge only when these agree). */
  fingerprint: string;
  options: { horizon: number; maxDeviations: number; budget: number; mode: 'systematic' | 'random'; samples: number; seed: number };
  /** The default run, which every shard runs and the merge counts once. */
  base: { choicePoints: number; openChoicePoints: number; violations: string[]; events: number; traceHash: string };
  /** How many units the whole search has. */
  units: number;
  /** This shard's units, in unit order (those `stop` cut off are listed as not complete). */
  results: UnitResult[];
  /** Trace and state hashes this shard saw (merged as sets). */
  traces: string[];
  states: string[];
}
