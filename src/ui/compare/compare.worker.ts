// Finds where two runs diverge off the page's thread: both configurations run side by side to the
// horizon (firstDivergence), and the tick — or null, if they never part — is posted back. A run with
// a counterexample's timing (A, when it is the open run) takes its deviations.

import { firstDivergence, type Scenario } from '../../sim';

export interface DivergenceRequest {
  a: Scenario;
  b: Scenario;
  until: number;
  /** A's deviations from the default choices (index, value); none: the default timing. */
  deviationsA: [number, number][];
}

export type DivergenceReply = { kind: 'done'; t: number | null } | { kind: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<DivergenceRequest>) => void) | null;
  postMessage(m: DivergenceReply): void;
};

scope.onmessage = (e) => {
  const { a, b, until, deviationsA } = e.data;
  try {
    scope.postMessage({ kind: 'done', t: firstDivergence(a, b, until, { deviations: new Map(deviationsA) }) });
  } catch (err) {
    scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
