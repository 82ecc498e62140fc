// Between a link's moment (scenario/moment.ts) and the app's selection: an id in a link becomes the
// endpoint, device, region or SMMU of that id in the scenario; the selection becomes what a link
// to this moment carries.

import type { Scenario } from '../sim';
import type { MomentSelection } from '../scenario/moment';
import type { Selection } from './state';

/** The selection a link names in `scenario`, or null when it names nothing there. */
export function selectionFor(sel: MomentSelection, scenario: Scenario): Selection {
  if (sel.kind === 'violation' || sel.kind === 'op') return { kind: sel.kind, index: sel.index };
  const id = sel.id;
  if (id === 'smmu') return { kind: 'smmu', id };
  if (scenario.endpoints.some((e) => e.id === id)) return { kind: 'endpoint', id };
  if (scenario.devices.some((d) => d.id === id)) return { kind: 'device', id };
  if (scenario.memory.some((r) => r.id === id)) return { kind: 'region', id };
  return null;
}

/** What a link to this moment selects: the selection, unless it is one a link cannot name (a transaction). */
export function momentSelection(sel: Selection): MomentSelection | null {
  // A transaction or an edge has no name a link can carry.
  if (sel === null || sel.kind === 'txn' || sel.kind === 'edge') return null;
  if (sel.kind === 'violation' || sel.kind === 'op') return { kind: sel.kind, index: sel.index };
  return { kind: 'entity', id: sel.kind === 'smmu' ? 'smmu' : sel.id };
}

/**
 * The link as the address bar keeps it while the scenario is unedited: the link's fragment without
 * what it asked to do once (`present`, `view=…`, `vs=…`), so a reload opens the scenario, not the act again.
 */
export function addressLink(hash: string): string {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => !/^(present|view|vs)(=|$)/.test(p))
    .join('&');
}
