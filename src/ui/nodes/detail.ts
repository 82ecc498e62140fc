// How much a canvas node shows. Below OVERVIEW_ZOOM the nodes' 12–13 px type is under 10 px on
// screen: hard to read, yet the browser would still lay it out, paint it and update it several
// times a second while the run plays. There the nodes switch to an overview — the same boxes in
// the same places (edges, layout and the overlay's anchors stay put), with the few facts that
// matter at that distance in type large enough to read, and fills and bars for the rest. No zoom
// shows the detail's type at 5–9 px.

import { useStore } from '@xyflow/react';

/** The zoom below which nodes show their overview: where the detail's smallest type (12 px) drops under 10 px. */
export const OVERVIEW_ZOOM = 10 / 12;

/** True while the canvas is zoomed out past OVERVIEW_ZOOM; re-renders only when that flips. */
export const useOverview = (): boolean => useStore((s) => s.transform[2] < OVERVIEW_ZOOM);

/** The attributes of a node's box: its kind, selection, level of detail, owner colour and test hooks. */
export function nodeBox(
  kind: 'endpoint' | 'device' | 'region' | 'smmu',
  o: { overview: boolean; selected: boolean; id?: string; colour?: string; extra?: string },
) {
  return {
    className: `dn-node dn-${kind}${o.overview ? ' dn-overview' : ''}${o.selected ? ' dn-selected' : ''}${o.extra ?? ''}`,
    style: o.colour === undefined ? undefined : { borderColor: o.colour },
    'data-testid': `node-${kind}`,
    'data-id': o.id,
    'data-detail': o.overview ? 'overview' : 'full',
  };
}
