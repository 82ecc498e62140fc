// What each command prints: a run's report, or the policies × invariants matrix.

import type { PolicyId, Scenario } from '../sim/model/scenario';
import { POLICY_IDS } from '../sim/model/scenario';
import { createEngine } from '../sim/engine';
import { buildReport, type Report } from '../sim/report';
import { INVARIANTS } from '../sim/invariants/catalog';
import { POLICIES } from '../sim/policies';

export function runReport(s: Scenario, until: number, events: boolean): Report {
  const e = createEngine(s);
  e.runUntil(until);
  return buildReport(e, { events });
}

export interface Matrix {
  scenario: string;
  mutations: string[];
  until: number;
  invariants: string[];
  /** policy → invariant number → "ok" or "violated" */
  matrix: Record<string, Record<string, 'ok' | 'violated'>>;
  policies: { policy: PolicyId; name: string; violated: Record<string, number>; opErrors: number; dma: Report['dma']; traceHash: string }[];
}

export function compare(s: Scenario, until: number): Matrix {
  const invariants = INVARIANTS.map((i) => i.number as string);
  const out: Matrix = { scenario: s.title, mutations: s.policy.mutations, until, invariants, matrix: {}, policies: [] };
  for (const p of POLICY_IDS) {
    const r = runReport({ ...s, policy: { ...s.policy, id: p, custom: undefined } }, until, false);
    const violated: Record<string, number> = {};
    for (const v of r.violations) violated[v.number] = (violated[v.number] ?? 0) + v.count;
    out.matrix[p] = Object.fromEntries(invariants.map((n) => [n, violated[n] ? 'violated' : 'ok']));
    out.policies.push({ policy: p, name: POLICIES[p].name, violated, opErrors: r.opErrors.length, dma: r.dma, traceHash: r.traceHash });
  }
  return out;
}
