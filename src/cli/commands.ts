// What each command prints: a run's report (JSON, or written for a design document), or the
// policies × invariants matrix.

import { createEngine, buildReport, explore, INVARIANTS, type ExploreOptions, type Scenario, type Report } from '../sim';
import { reportOf, type ReportOptions } from '../report/model';
import { reportMarkdown } from '../report/markdown';
import { reportHtml } from '../report/html';

export { compare } from '../report/matrix';

/** The run's report for a design document, as Markdown or printable HTML. */
export function writtenReport(s: Scenario, until: number, format: 'md' | 'html', options: ReportOptions): string {
  const e = createEngine(s);
  e.runUntil(until);
  const r = reportOf(e, options);
  return format === 'html' ? reportHtml(r) : reportMarkdown(r);
}

export function runReport(s: Scenario, until: number, events: boolean, deviations?: ReadonlyMap<number, number>): Report {
  const e = createEngine(s, { deviations });
  e.runUntil(until);
  return buildReport(e, { events });
}

/**
 * The explorer's findings, per invariant: a counterexample (its deviations, its link fragment
 * `&x=…`, the tick and message of the violation), "broken by default" when the default run
 * already breaks it, or "none found" — with the coverage the search reached.
 */
export function exploreReport(s: Scenario, o: ExploreOptions) {
  const r = explore(s, o);
  const byId = new Map(r.counterexamples.map((c) => [c.invariant, c]));
  return {
    policy: s.policy.id,
    mutations: s.policy.mutations,
    horizon: o.horizon,
    coverage: {
      schedules: r.schedules,
      distinctTraces: r.distinctTraces,
      choicePoints: r.choicePoints,
      openChoicePoints: r.openChoicePoints,
      deviationBound: o.maxDeviations,
      boundReached: r.boundReached,
      boundExhausted: r.exhausted,
    },
    invariants: INVARIANTS.map((inv) => {
      const c = byId.get(inv.id);
      if (c !== undefined)
        return {
          number: inv.number,
          id: inv.id,
          result: 'counterexample' as const,
          link: `&x=${c.choices}`,
          deviations: c.deviations,
          tick: c.tick,
          message: c.message,
          traceHash: c.traceHash,
        };
      return {
        number: inv.number,
        id: inv.id,
        result: r.defaultViolations.includes(inv.id) ? ('broken by default' as const) : ('none found' as const),
      };
    }),
  };
}
