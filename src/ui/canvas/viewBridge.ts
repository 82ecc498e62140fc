// The canvas's view for commands outside React Flow (the keyboard's zoom keys while presenting, the
// caption editor's "use this view"): the canvas registers its instance here while it is mounted.

import type { ReactFlowInstance } from '@xyflow/react';
import type { Scenario } from '../../sim';

export type Camera = NonNullable<Scenario['captions'][number]['camera']>;

interface View {
  flow: ReactFlowInstance;
  /** Fits the system in view, clear of the minimap. */
  fit: () => void;
  /** The pane's size in pixels. */
  size: () => { width: number; height: number };
}

let view: View | null = null;

export function registerView(v: View | null): void {
  view = v;
}

/** Zooms about the middle of the pane, at once (so that keys pressed quickly add up). */
export function zoomBy(factor: number): void {
  if (view === null) return;
  void view.flow.zoomTo(view.flow.getZoom() * factor);
}

export function fitView(): void {
  view?.fit();
}

/** The current view as a caption's camera: the canvas point at the pane's middle, and the zoom. */
export function currentCamera(): Camera | null {
  if (view === null) return null;
  const { x, y, zoom } = view.flow.getViewport();
  const { width, height } = view.size();
  return cameraOf({ x, y, zoom }, width, height);
}

/** A React Flow viewport (pixel offset and zoom) of a pane this size, as a camera. */
export function cameraOf(vp: { x: number; y: number; zoom: number }, width: number, height: number): Camera {
  const round = (n: number) => Math.round(n * 100) / 100;
  return { x: round((width / 2 - vp.x) / vp.zoom), y: round((height / 2 - vp.y) / vp.zoom), zoom: round(vp.zoom) };
}

/** Shows a camera's view. */
export function showCamera(c: Camera, duration = 400): void {
  void view?.flow.setCenter(c.x, c.y, { zoom: c.zoom, duration });
}
