// A large system opens zoomed out. Its nodes draw their detail only once the engine's first frame
// is in, and the fit (FitOnOpen) waits until React Flow has measured them; without this the nodes
// drew all their detail — a cell for every page — at the zoom the previous scenario had, only to
// be redrawn as the overview when the fit came, seconds later. Here, as soon as a scenario opens,
// the view goes to the zoom a fit will come to, estimated from the nodes' places and a node's
// size; when that is below OVERVIEW_ZOOM, the first frame draws the overview. A system that fits
// at a readable zoom is left to FitOnOpen.

import { useEffect } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useApp } from '../../store/appStore';
import { buildNodes } from './graph';
import { OVERVIEW_ZOOM } from '../nodes/detail';

/** A node's extent beyond its position, in flow units: about the size of a device or a region. */
const NODE_W = 240;
const NODE_H = 160;

/** The zoom and the view that fit these node places in a pane, or null when there is nothing to fit. */
export function estimatedFit(
  places: readonly { x: number; y: number }[],
  pane: { width: number; height: number },
  zoomRange: [number, number],
): { x: number; y: number; zoom: number } | null {
  if (places.length === 0 || pane.width <= 0 || pane.height <= 0) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of places) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + NODE_W);
    y1 = Math.max(y1, p.y + NODE_H);
  }
  const zoom = Math.max(zoomRange[0], Math.min(zoomRange[1], Math.min(pane.width / (x1 - x0), pane.height / (y1 - y0))));
  return { x: pane.width / 2 - ((x0 + x1) / 2) * zoom, y: pane.height / 2 - ((y0 + y1) / 2) * zoom, zoom };
}

export function PreFit() {
  const opened = useApp((s) => s.opened);
  const flow = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    if (opened === null) return;
    const { width, height, minZoom, maxZoom } = store.getState();
    const fit = estimatedFit(
      buildNodes(opened).map((n) => n.position),
      { width, height },
      [minZoom, maxZoom],
    );
    if (fit !== null && fit.zoom < OVERVIEW_ZOOM) void flow.setViewport(fit);
  }, [opened, flow, store]);
  return null;
}
