// The explorer as the panel uses it: a shard of the search (exploreShard) and the merge of the
// shards (mergeExplore). While the engine's explorer runs as one piece, shard 0 runs the whole
// search and the other shards run nothing, so the merge is the whole search's result.

import { explore, type Counterexample as EngineCounterexample, type ExploreOptions as EngineOptions, type Scenario } from '../../sim';
import type { ExploreResult as EngineResult } from '../../sim';

export interface ExploreProgress {
  schedules: number;
  states: number;
  bound: number;
  events: number;
}

export interface ExploreOptions extends EngineOptions {
  mode?: 'systematic' | 'random';
  samples?: number;
  seed?: number;
  progress?: (p: ExploreProgress) => void;
}

export interface Shard {
  index: number;
  count: number;
}

export interface Counterexample extends EngineCounterexample {
  kind: 'safety' | 'liveness';
}

export interface ExploreResult extends Omit<EngineResult, 'counterexamples'> {
  mode: 'systematic' | 'random';
  distinctStates: number;
  events: number;
  sampled: number;
  counterexamples: Counterexample[];
}

export interface ExplorePart {
  shard: Shard;
  result: ExploreResult | null;
}

export function exploreShard(sc: Scenario, o: ExploreOptions, shard: Shard): ExplorePart {
  if (shard.index !== 0) return { shard, result: null };
  let schedules = 0;
  const r = explore(sc, {
    horizon: o.horizon,
    maxDeviations: o.maxDeviations,
    budget: o.budget,
    stop: () => {
      schedules++;
      if (schedules % 50 === 0) o.progress?.({ schedules, states: 0, bound: 0, events: 0 });
      return o.stop?.() ?? false;
    },
  });
  return {
    shard,
    result: {
      ...r,
      mode: 'systematic',
      distinctStates: r.distinctTraces,
      events: 0,
      sampled: 0,
      counterexamples: r.counterexamples.map((c) => ({ ...c, kind: 'safety' as const })),
    },
  };
}

export function mergeExplore(parts: readonly ExplorePart[]): ExploreResult | { error: string } {
  const first = parts.find((p) => p.shard.index === 0);
  if (first?.result == null) return { error: 'shard 0 is missing' };
  return first.result;
}
