// What each command prints: a run's report (JSON, or written for a design document), or the
// policies × invariants matrix.

import {
  POLICY_IDS,
  createEngine,
  buildReport,
  INVARIANTS,
  POLICIES,
  type PolicyId,
  type Scenario,
  type Handover,
  type Report,
} from '../sim';
import { reportOf, type ReportOptions } from '../report/model';
import { reportMarkdown } from '../report/markdown';
import { reportHtml } from '../report/html';

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

/**
 * A cell of the matrix: `violated`; `refused` — not violated, but the policy refused a hand-over,
 * so nothing was handed over to break it; `incomplete` — not violated, but a hand-over never
 * completed; `ok` — held, with every hand-over completed.
 */
export type Cell = 'ok' | 'violated' | 'refused' | 'incomplete';

export interface PolicyRow {
  policy: PolicyId;
  name: string;
  violated: Record<string, number>;
  /** Liveness: each hand-over, when it was asked for and when (or whether) it completed. */
  handovers: Handover[];
  /** Every hand-over completed, and every new owner's own DMA then committed. */
  works: boolean;
  opErrors: number;
  dma: Report['dma'];
  eventQueue: Report['eventQueue'];
  traceHash: string;
}

export interface Matrix {
  scenario: string;
  mutations: string[];
  until: number;
  invariants: string[];
  /** policy → invariant number → cell */
  matrix: Record<string, Record<string, Cell>>;
  policies: PolicyRow[];
}

export function compare(s: Scenario, until: number): Matrix {
  const invariants = INVARIANTS.map((i) => i.number as string);
  const out: Matrix = { scenario: s.title, mutations: s.policy.mutations, until, invariants, matrix: {}, policies: [] };
  for (const p of POLICY_IDS) {
    const r = runReport({ ...s, policy: { ...s.policy, id: p, custom: undefined } }, until, false);
    const violated: Record<string, number> = {};
    for (const v of r.violations) violated[v.number] = (violated[v.number] ?? 0) + v.count;
    const refused = r.handovers.some((h) => h.status === 'refused');
    const incomplete = r.handovers.some((h) => h.status === 'waiting' || h.status === 'running');
    const held: Cell = refused ? 'refused' : incomplete ? 'incomplete' : 'ok';
    out.matrix[p] = Object.fromEntries(invariants.map((n) => [n, violated[n] ? 'violated' : held]));
    const works = r.handovers.every((h) => h.status === 'completed' && h.newOwnerDma !== false);
    out.policies.push({
      policy: p,
      name: POLICIES[p].name,
      violated,
      handovers: r.handovers,
      works,
      opErrors: r.opErrors.length,
      dma: r.dma,
      eventQueue: r.eventQueue,
      traceHash: r.traceHash,
    });
  }
  return out;
}
