// The first tick at which two runs part: both engines advance event tick by event tick, side by
// side, and after each tick their trace hashes (which cover every event the engine traces, in
// order) are compared. The first tick after which they differ is where the runs diverge; before it
// the two traces are the same event for event.

import { createEngine, type EngineOptions } from './engine';
import type { Scenario } from './model/scenario';

/**
 * The first tick ≤ `until` after which the runs of `a` and `b` have different traces; null if none.
 * `optionsA` and `optionsB` are each run's engine options (a counterexample's deviations).
 */
export function firstDivergence(
  a: Scenario,
  b: Scenario,
  until: number,
  optionsA: EngineOptions = {},
  optionsB: EngineOptions = {},
): number | null {
  const ea = createEngine(a, optionsA);
  const eb = createEngine(b, optionsB);
  if (ea.traceHash() !== eb.traceHash()) return 0;
  for (;;) {
    const t = Math.min(ea.nextEventAt(), eb.nextEventAt());
    if (!Number.isFinite(t) || t > until) return null;
    ea.runUntil(t);
    eb.runUntil(t);
    if (ea.traceHash() !== eb.traceHash()) return t;
  }
}
