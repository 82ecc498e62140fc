// How much a canvas node shows. Below OVERVIEW_ZOOM the nodes' 12–13 px type is under 10 px on
// screen: hard to read, yet the browser would still lay it out, paint it and update it several
// times a second while the run plays. There the nodes switch to an overview — the same boxes in
// the same places (edges, layout and the overlay's anchors stay put), with the few facts that
// matter at that distance in type large enough to read, and fills and bars for the rest. No zoom
// shows the detail's type at 5–9 px.

import { useStore } from '@xyflow/react';
import { useApp } from '../../store/appStore';

/** The zoom below which nodes show their overview: where the detail's smallest type (12 px) drops under 10 px. */
export const OVERVIEW_ZOOM = 10 / 12;

/** The smallest type in a node's detail (CSS px at zoom 1: nodes.css). */
const DETAIL_MIN_FONT = 10;

/**
 * Presenting, the smallest type a projector needs on screen: 16 px on a 1920-pixel-wide screen, 12 px
 * on smaller ones. Where the detail would be drawn smaller, the nodes show their overview, whose type
 * is 24 px and up.
 */
export const presentingMinPx = (paneWidth: number): number => (paneWidth >= 1920 ? 16 : 12);

/**
 * True while the canvas is zoomed out past OVERVIEW_ZOOM — or, presenting, past where the detail is
 * large enough for a room; re-renders only when that flips.
 */
export const useOverview = (): boolean => {
  const presenting = useApp((s) => s.presenting);
  return useStore((s) => s.transform[2] < OVERVIEW_ZOOM || (presenting && s.transform[2] * DETAIL_MIN_FONT < presentingMinPx(s.width)));
};

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
