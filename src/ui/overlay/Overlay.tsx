// The one overlay layer for in-flight DMA (docs/architecture.md): a canvas over the part of the
// React Flow pane where transactions can be drawn, redrawn imperatively every animation frame from
// the engine's latest frame, following pan and zoom. Nothing here invents motion: positions
// interpolate between the engine's own ticks (issue, arrival, translation, commit) for each real
// transaction.
//
// This component only holds the canvas's box; the controller (controller.ts, under useOverlay)
// places the canvas in it and feeds the painter.

import { useRef } from 'react';
import { useOverlay } from './useOverlay';
import './overlay.css';

export function Overlay() {
  const box = useRef<HTMLDivElement>(null);
  useOverlay(box);
  return <div ref={box} className="cv-overlay-box" />;
}
