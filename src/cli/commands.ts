// What each command prints: a run's report (JSON, or written for a design document), or the
// policies × invariants matrix.

import { createEngine, buildReport, type Scenario, type Report } from '../sim';
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

export function runReport(s: Scenario, until: number, events: boolean): Report {
  const e = createEngine(s);
  e.runUntil(until);
  return buildReport(e, { events });
}
