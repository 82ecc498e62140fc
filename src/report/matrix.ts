// The scenario under every policy: a row per policy, a cell per invariant (violated, or held — and
// then whether because every hand-over completed or because one was refused or never finished),
// and liveness beside it. The CLI's `compare` prints it as JSON; the app shows it as a table whose
// violated cells open that run at the violation, and copies it as Markdown.

import {
  INVARIANTS,
  POLICIES,
  POLICY_IDS,
  buildReport,
  createEngine,
  type Handover,
  type PolicyId,
  type Report,
  type Scenario,
} from '../sim';

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
  /** Each violated invariant's first violation: its tick and its index in the run's violations. */
  first: Record<string, { t: number; index: number }>;
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

export const MATRIX_INVARIANTS: string[] = INVARIANTS.map((i) => i.number as string);

/**
 * The scenario run under policy `p` (the scenario's mutations kept), as a row and its cells;
 * `deviations` give the run a counterexample's timing (they index the choices of that exact run).
 */
export function matrixRow(
  s: Scenario,
  p: PolicyId,
  until: number,
  deviations?: ReadonlyMap<number, number>,
): { row: PolicyRow; cells: Record<string, Cell> } {
  const e = createEngine({ ...s, policy: { ...s.policy, id: p, custom: undefined } }, { deviations });
  e.runUntil(until);
  const r = buildReport(e);
  const violated: Record<string, number> = {};
  const first: PolicyRow['first'] = {};
  r.violations.forEach((v, index) => {
    violated[v.number] = (violated[v.number] ?? 0) + v.count;
    if (first[v.number] === undefined || v.t < first[v.number].t) first[v.number] = { t: v.t, index };
  });
  const refused = r.handovers.some((h) => h.status === 'refused');
  const incomplete = r.handovers.some((h) => h.status === 'waiting' || h.status === 'running');
  const held: Cell = refused ? 'refused' : incomplete ? 'incomplete' : 'ok';
  const cells = Object.fromEntries(MATRIX_INVARIANTS.map((n) => [n, violated[n] ? 'violated' : held])) as Record<string, Cell>;
  const works = r.handovers.every((h) => h.status === 'completed' && h.newOwnerDma !== false);
  return {
    row: {
      policy: p,
      name: POLICIES[p].name,
      violated,
      first,
      handovers: r.handovers,
      works,
      opErrors: r.opErrors.length,
      dma: r.dma,
      eventQueue: r.eventQueue,
      traceHash: r.traceHash,
    },
    cells,
  };
}

export function compare(s: Scenario, until: number): Matrix {
  const out: Matrix = { scenario: s.title, mutations: s.policy.mutations, until, invariants: MATRIX_INVARIANTS, matrix: {}, policies: [] };
  for (const p of POLICY_IDS) {
    const { row, cells } = matrixRow(s, p, until);
    out.matrix[p] = cells;
    out.policies.push(row);
  }
  return out;
}

/** A row's liveness in words: whether every hand-over completed with the new owner's DMA working. */
export function livenessText(row: PolicyRow): string {
  if (row.handovers.length === 0) return 'no hand-over';
  if (row.works) return 'works';
  const refused = row.handovers.filter((h) => h.status === 'refused').length;
  const waiting = row.handovers.filter((h) => h.status === 'waiting' || h.status === 'running').length;
  const parts = [refused > 0 && `${refused} refused`, waiting > 0 && `${waiting} not finished`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'new owner’s DMA fails';
}

const CELL_TEXT: Record<Cell, string> = { ok: 'holds', violated: 'violated', refused: 'holds (refused)', incomplete: 'holds (unfinished)' };

/** The matrix as a Markdown table: rows policies, columns invariants and liveness. */
export function matrixMarkdown(m: Matrix): string {
  const head = `| Policy | ${m.invariants.join(' | ')} | Liveness |`;
  const rule = `| --- | ${m.invariants.map(() => '---').join(' | ')} | --- |`;
  const rows = m.policies.map((row) => {
    const cells = m.invariants.map((n) => {
      const c = m.matrix[row.policy][n];
      return c === 'violated' ? `**violated** t=${row.first[n].t}` : CELL_TEXT[c];
    });
    return `| ${row.policy} ${row.name} | ${cells.join(' | ')} | ${livenessText(row)} |`;
  });
  const title = `**${m.scenario.replace(/\s*\n\s*/g, ' ')}** under every policy${m.mutations.length ? ` (mutations: ${m.mutations.join(', ')})` : ''}, run to t=${m.until}`;
  return [title, '', head, rule, ...rows, ''].join('\n');
}
