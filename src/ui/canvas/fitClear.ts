// Fitting the view so the minimap covers none of the system. The minimap sits in the pane's
// bottom-right corner; a system arranged in columns fills the pane's proportions, and fitted with
// an even margin its last column ran under the minimap. When a fit with the usual margin would put
// a node there, the margin on one side (the right or the bottom, whichever loses less zoom) grows
// to clear the minimap; otherwise the fit is the usual one.

import { useCallback } from 'react';
import { getViewportForBounds, useReactFlow, useStoreApi, type FitViewOptions } from '@xyflow/react';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Padding = NonNullable<FitViewOptions['padding']>;

/** The usual margin around a fitted system, as a fraction (React Flow's `padding`): small, so the
 * zoom goes to the system's type rather than to empty margins. */
export const FIT_PADDING = 0.04;
/** Room kept between the system and the minimap (px). */
const CLEAR = 8;

/**
 * The padding that fits `nodes` (flow coordinates) into a `pane` with none of them under a
 * `minimap` of that size in its bottom-right corner (its margin to the pane's edges included).
 */
export function clearPadding(
  nodes: Box[],
  pane: { width: number; height: number },
  minimap: { width: number; height: number },
  zoom: [number, number],
): Padding {
  if (nodes.length === 0 || minimap.width === 0 || minimap.height === 0) return FIT_PADDING;
  const x = Math.min(...nodes.map((n) => n.x));
  const y = Math.min(...nodes.map((n) => n.y));
  const bounds = {
    x,
    y,
    width: Math.max(...nodes.map((n) => n.x + n.width)) - x,
    height: Math.max(...nodes.map((n) => n.y + n.height)) - y,
  };
  const fit = (p: Padding) => getViewportForBounds(bounds, pane.width, pane.height, zoom[0], zoom[1], p);
  const usual = fit(FIT_PADDING);
  const covered = nodes.some(
    (n) =>
      (n.x + n.width) * usual.zoom + usual.x > pane.width - minimap.width &&
      (n.y + n.height) * usual.zoom + usual.y > pane.height - minimap.height,
  );
  if (!covered) return FIT_PADDING;
  // The usual margin in pixels, as React Flow reads a fraction; one side then grows.
  const px = (size: number) => Math.floor((size - size / (1 + FIT_PADDING)) * 0.5);
  const even = {
    top: `${px(pane.height)}px`,
    bottom: `${px(pane.height)}px`,
    left: `${px(pane.width)}px`,
    right: `${px(pane.width)}px`,
  } as const;
  const right = { ...even, right: `${Math.max(px(pane.width), minimap.width + CLEAR)}px` } as const;
  const bottom = { ...even, bottom: `${Math.max(px(pane.height), minimap.height + CLEAR)}px` } as const;
  return fit(right).zoom >= fit(bottom).zoom ? right : bottom;
}

/** Fits the view to every node, clear of the minimap. */
export function useFitClear(): () => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(() => {
    const { nodeLookup, width, height, minZoom, maxZoom, domNode } = store.getState();
    const nodes = [...nodeLookup.values()].map((n) => ({
      ...n.internals.positionAbsolute,
      width: n.measured.width ?? 0,
      height: n.measured.height ?? 0,
    }));
    const pane = domNode?.getBoundingClientRect();
    const map = domNode?.querySelector('.react-flow__minimap')?.getBoundingClientRect();
    // No minimap shown (presenting hides it): nothing to keep clear of.
    const shown = pane !== undefined && map !== undefined && map.width > 0 && map.height > 0;
    const minimap = shown ? { width: pane.right - map.left, height: pane.bottom - map.top } : { width: 0, height: 0 };
    void flow.fitView({ padding: clearPadding(nodes, { width, height }, minimap, [minZoom, maxZoom]) });
  }, [flow, store]);
}
