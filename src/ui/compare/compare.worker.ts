// Finds where two runs diverge off the page's thread: both configurations run side by side to the
// horizon (firstDivergence), and the tick — or null, if they never part — is posted back. A run with
// a counterexample's timing (A, when it is the open run) takes its deviations.

import { createEngine, firstDivergence, type Scenario } from '../../sim';

export interface DivergenceRequest {
  a: Scenario;
  b: Scenario;
  until: number;
  /** A's deviations from the default choices (index, value); none: the default timing. */
  deviationsA: [number, number][];
}

/** As firstDivergence, with A's deviations: the first tick at which the two traces differ, or null. */
function divergenceWith(a: Scenario, deviationsA: [number, number][], b: Scenario, until: number): number | null {
  if (deviationsA.length === 0) return firstDivergence(a, b, until);
  const ea = createEngine(a, { deviations: new Map(deviationsA) });
  const eb = createEngine(b);
  if (ea.traceHash() !== eb.traceHash()) return 0;
  for (;;) {
    const t = Math.min(ea.nextEventAt(), eb.nextEventAt());
    if (!Number.isFinite(t) || t > until) return null;
    ea.runUntil(t);
    eb.runUntil(t);
    if (ea.traceHash() !== eb.traceHash()) return t;
  }
}

export type DivergenceReply = { kind: 'done'; t: number | null } | { kind: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<DivergenceRequest>) => void) | null;
  postMessage(m: DivergenceReply): void;
};

scope.onmessage = (e) => {
  const { a, b, until, deviationsA } = e.data;
  try {
    scope.postMessage({ kind: 'done', t: divergenceWith(a, deviationsA, b, until) });
  } catch (err) {
    scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
