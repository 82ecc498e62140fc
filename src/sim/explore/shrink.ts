// Shrinking a finding: drop each deviation the finding does not need, one at a time (delta
// debugging over single deviations). The result is a subset of the list given that still breaks,
// never longer; with room for every try, no single deviation of it can be dropped.

import { done, drain, type Steps } from './run';

/**
 * `tryRun` runs a deviation list and returns its run when the finding still shows, else null;
 * `room` says whether another run may start (a budget).
 */
export function* shrinkSteps<R extends { deviations: Map<number, number> }>(
  found: R,
  tryRun: (d: Map<number, number>) => Steps<R | null>,
  room: () => boolean,
): Steps<R> {
  let cur = found;
  for (const i of [...found.deviations.keys()]) {
    if (cur.deviations.size <= 1 || !room()) break;
    const d = new Map(cur.deviations);
    d.delete(i);
    const t = yield* tryRun(d);
    if (t !== null) cur = t;
  }
  return cur;
}

/** shrinkSteps with a plain `tryRun`, run without pausing. */
export function shrinkDeviations<R extends { deviations: Map<number, number> }>(
  found: R,
  tryRun: (d: Map<number, number>) => R | null,
  room: () => boolean,
): R {
  return drain(shrinkSteps(found, (d) => done(tryRun(d)), room));
}
