// The matrix worker's messages: one request (the scenario and how far to run it), then a row per
// policy, then done — or an error that names what went wrong.

import type { Scenario } from '../../sim';
import type { Cell, PolicyRow } from '../../report/matrix';

export interface MatrixRequest {
  scenario: Scenario;
  until: number;
  /**
   * The open run's timing when it is a counterexample's (index, value): the scenario's own row (its
   * own policy, as written) runs with it; every other row is another scenario and runs the default.
   */
  deviations: [number, number][];
}

export type MatrixReply =
  { kind: 'row'; row: PolicyRow; cells: Record<string, Cell> } | { kind: 'done' } | { kind: 'error'; message: string };
