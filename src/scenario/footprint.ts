// How much memory a scenario's run needs, estimated from the scenario before it runs. The pages'
// mode tables dominate: every page holds a mode for every endpoint (and the hypervisor and the
// quarantine), about 200 bytes a page plus 10 an entry in V8 (measured: 860 bytes a page with 64
// endpoints). The app's engine host keeps two engines and at least one snapshot of the state, and a
// snapshot or a boot of a state this size takes the worker seconds, so a run whose state is larger
// than STATE_LIMIT_BYTES (256 regions of 128 pages with 64 endpoints fit) is refused before it starts, with the reason (docs/performance.md). The CLI
// runs one engine and no snapshots, and runs it.

import type { Scenario } from '../sim';

/** The largest engine state the app runs: its host then holds about four times this. */
export const STATE_LIMIT_BYTES = 32 * 1024 * 1024;

/** About how many bytes the engine's state of this scenario holds. */
export function stateFootprint(s: Scenario): number {
  const pages = s.memory.reduce((n, r) => n + r.pages, 0);
  return 65536 + pages * (200 + 10 * (s.endpoints.length + 2));
}

/** Why the app does not run this scenario, or null when it does. */
export function tooLargeToRun(s: Scenario): string | null {
  const bytes = stateFootprint(s);
  if (bytes <= STATE_LIMIT_BYTES) return null;
  const pages = s.memory.reduce((n, r) => n + r.pages, 0);
  const mb = (b: number) => `${Math.round(b / (1024 * 1024))} MB`;
  return (
    `this system is too large to run in the browser: ${pages.toLocaleString('en-US')} pages × ${s.endpoints.length} endpoints ` +
    `need about ${mb(bytes)} for one engine state (the app keeps several; the limit is ${mb(STATE_LIMIT_BYTES)}). ` +
    `Use fewer or smaller regions, or run it with the CLI.`
  );
}
