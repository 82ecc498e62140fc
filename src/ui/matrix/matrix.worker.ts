// Runs the scenario under every policy off the page's thread, one policy after another, posting
// each row as it is done so the table fills in while the rest run.

import { POLICY_IDS, type Scenario } from '../../sim';
import { matrixRow } from '../../report/matrix';
import type { MatrixReply, MatrixRequest } from './protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<MatrixRequest>) => void) | null;
  postMessage(m: MatrixReply): void;
};

scope.onmessage = (e) => {
  const { scenario, until, deviations } = e.data as { scenario: Scenario; until: number; deviations: [number, number][] };
  // The scenario's own row is the open run itself: a preset policy under its own id, not a custom one.
  const own = scenario.policy.custom === undefined ? scenario.policy.id : null;
  try {
    for (const p of POLICY_IDS) {
      const { row, cells } = matrixRow(scenario, p, until, p === own ? new Map(deviations) : undefined);
      scope.postMessage({ kind: 'row', row, cells });
    }
    scope.postMessage({ kind: 'done' });
  } catch (err) {
    scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
