// Merging a search's shards: the parts must come from the same scenario and options and cover each
// shard exactly once. Counts are summed (the default run counted once), trace and state hashes are
// merged as sets, and per invariant the counterexample with the fewest deviations wins, ties going
// to the earlier unit — so the merge of any number of shards is the one-shard result.

import type { Counterexample, ExplorePart, ExploreResult } from './types';

export function mergeExplore(parts: readonly ExplorePart[]): ExploreResult | { error: string } {
  if (parts.length === 0) return { error: 'explore: no parts to merge' };
  const first = parts[0];
  const count = first.shard.count;
  const seen = new Set<number>();
  for (const p of parts) {
    if (p.version !== 1) return { error: `explore: part of shard ${p.shard.index} has version ${String(p.version)}, not 1` };
    if (p.fingerprint !== first.fingerprint)
      return { error: `explore: shard ${p.shard.index} was run on another scenario or other options than shard ${first.shard.index}` };
    if (p.shard.count !== count) return { error: `explore: shard ${p.shard.index} is one of ${p.shard.count}, not one of ${count}` };
    if (seen.has(p.shard.index)) return { error: `explore: shard ${p.shard.index} of ${count} is given twice` };
    seen.add(p.shard.index);
  }
  const missing = [...Array(count).keys()].filter((i) => !seen.has(i));
  if (missing.length > 0) return { error: `explore: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing` };

  const results = parts.flatMap((p) => p.results).sort((a, b) => a.unit - b.unit);
  const best = new Map<string, { c: Counterexample; unit: number }>();
  for (const r of results)
    for (const c of r.findings) {
      const b = best.get(c.invariant);
      if (b === undefined || c.deviations.length < b.c.deviations.length) best.set(c.invariant, { c, unit: r.unit });
    }
  const traces = new Set(parts.flatMap((p) => p.traces));
  const states = new Set(parts.flatMap((p) => p.states));
  const mode = first.options.mode;
  const maxDev = first.options.maxDeviations;
  const bound = results.reduce((m, r) => Math.max(m, r.bound), 0);
  return {
    mode,
    schedules: 1 + results.reduce((n, r) => n + r.schedules, 0),
    sampled: mode === 'random' ? results.filter((r) => r.schedules > 0).length : 0,
    distinctTraces: traces.size,
    distinctStates: states.size,
    events: first.base.events + results.reduce((n, r) => n + r.events, 0),
    // With no open choice point the search at bound 1 is trivially complete.
    boundReached: mode === 'systematic' && first.units === 0 ? Math.min(1, maxDev) : bound,
    exhausted: mode === 'systematic' && results.every((r) => r.complete),
    choicePoints: first.base.choicePoints,
    openChoicePoints: first.base.openChoicePoints,
    defaultViolations: first.base.violations,
    counterexamples: [...best.values()].map((b) => b.c).sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true })),
  };
}
