// A bounded explorer over the engine's choice points (src/sim/core/choice.ts). Systematic mode runs
// the default schedule, then, for each single deviation of it (a unit), every schedule that starts
// with that deviation, by increasing number of deviations up to a bound (a deviation moves one
// choice to an end of its range, where timing leaks show). Random mode samples schedules instead
// and reports sampling, never coverage. For each invariant the default run does not break it
// reports the schedule with the fewest deviations that breaks it, shrunk so that no deviation can
// be dropped, or that none was found with what was covered. Deterministic: the same scenario and
// options give the same result, however many shards run it.

import type { Scenario } from '../model/scenario';
import { exploreShard } from './shard';
import { mergeExplore } from './merge';
import type { ExploreOptions, ExploreResult } from './types';

export { exploreShard, exploreShardSteps } from './shard';
export type { Steps } from './run';
export { mergeExplore } from './merge';
export { LIVENESS } from './liveness';
export type { Counterexample, Deviation, ExploreOptions, ExplorePart, ExploreProgress, ExploreResult, Shard, UnitResult } from './types';

export function explore(sc: Scenario, o: ExploreOptions): ExploreResult {
  const r = mergeExplore([exploreShard(sc, o, { index: 0, count: 1 })]);
  if ('error' in r) throw new Error(r.error);
  return r;
}
