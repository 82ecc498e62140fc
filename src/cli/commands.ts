// What each command prints: a run's report (JSON, or written for a design document), or the
// policies × invariants matrix.

import {
  createEngine,
  buildReport,
  encodeChoices,
  INVARIANTS,
  LIVENESS,
  type Counterexample,
  type ExploreResult,
  type Scenario,
  type Report,
} from '../sim';
import { reportOf, type ReportOptions } from '../report/model';
import { reportMarkdown } from '../report/markdown';
import { reportHtml } from '../report/html';

export { compare } from '../report/matrix';

/**
 * The run's report for a design document, as Markdown or printable HTML; with `deviations`, the run
 * under a counterexample's timing, which its links carry.
 */
export function writtenReport(
  s: Scenario,
  until: number,
  format: 'md' | 'html',
  options: ReportOptions,
  deviations?: ReadonlyMap<number, number>,
): string {
  const e = createEngine(s, { deviations });
  e.runUntil(until);
  const choices = deviations !== undefined && deviations.size > 0 ? encodeChoices(deviations) : undefined;
  const r = reportOf(e, { ...options, choices });
  return format === 'html' ? reportHtml(r) : reportMarkdown(r);
}

export function runReport(s: Scenario, until: number, events: boolean, deviations?: ReadonlyMap<number, number>): Report {
  const e = createEngine(s, { deviations });
  e.runUntil(until);
  return buildReport(e, { events });
}

/** What a search was asked, as the report echoes it and a part file records it. */
export interface SearchEcho {
  policy: Scenario['policy']['id'];
  mutations: Scenario['policy']['mutations'];
  horizon: number;
  maxDeviations: number;
  budget: number;
  mode: 'systematic' | 'random';
  samples?: number;
  seed?: number;
}

/**
 * The explorer's findings, per invariant: a counterexample (its deviations, its link fragment
 * `&x=…`, the tick and message of the violation), "broken by default" when the default run
 * already breaks it, or "none found" — with the coverage the systematic search reached, or, in
 * random mode, what was sampled (sampling covers nothing for certain).
 */
export function exploreReport(r: ExploreResult, e: SearchEcho) {
  const found = {
    schedules: r.schedules,
    distinctTraces: r.distinctTraces,
    distinctStates: r.distinctStates,
    events: r.events,
    choicePoints: r.choicePoints,
    openChoicePoints: r.openChoicePoints,
  };
  return {
    policy: e.policy,
    mutations: e.mutations,
    horizon: e.horizon,
    mode: r.mode,
    ...(r.mode === 'random'
      ? { sampling: { ...found, sampled: r.sampled, samples: e.samples, seed: e.seed } }
      : { coverage: { ...found, deviationBound: e.maxDeviations, boundReached: r.boundReached, boundExhausted: r.exhausted } }),
    invariants: INVARIANTS.map((inv) => verdict(r, inv)),
    // Liveness (a hand-over that never completes, a new owner whose DMA never runs), searched alike.
    liveness: LIVENESS.map((l) => verdict(r, l)),
  };
}

/** A counterexample as the report gives it: its link fragment and where it breaks. */
const finding = (c: Counterexample) => ({
  kind: c.kind,
  link: `&x=${c.choices}`,
  deviations: c.deviations,
  tick: c.tick,
  violation: c.violation,
  message: c.message,
  traceHash: c.traceHash,
});

/** A property's result: its counterexample, broken by the default run, or none found. */
function verdict<N extends string, I extends string>(r: ExploreResult, p: { number: N; id: I }) {
  const c = r.counterexamples.find((x) => x.invariant === p.id);
  if (c !== undefined) return { number: p.number, id: p.id, result: 'counterexample' as const, ...finding(c) };
  return {
    number: p.number,
    id: p.id,
    result: r.defaultViolations.includes(p.id) ? ('broken by default' as const) : ('none found' as const),
  };
}
