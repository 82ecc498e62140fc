// The overlay painter's worker: it owns the transferred canvas and draws on its own animation
// frames, so the page's main thread does neither the drawing nor the per-frame canvas hand-off.
// Once linked to the engine (engineLink.ts), it also asks the engine for the frames it draws.

import { Painter, type PainterMsg, type PainterReport } from './painter';
import { EngineLink } from './engineLink';

type Init = { type: 'canvas'; canvas: OffscreenCanvas } | { type: 'link'; port: MessagePort | null };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Init | PainterMsg>) => void) | null;
  postMessage(m: PainterReport): void;
  requestAnimationFrame?: (cb: () => void) => number;
};

let painter: Painter | null = null;
const pending: PainterMsg[] = [];
const handle = (m: PainterMsg) => (painter === null ? pending.push(m) : painter.handle(m));
const link = new EngineLink(handle, (stalled) => scope.postMessage({ stalled }));

// A worker that owns an OffscreenCanvas has animation frames in current browsers; a timer at the
// display's usual rate elsewhere.
const nextFrame = (cb: () => void) => (scope.requestAnimationFrame ? scope.requestAnimationFrame(cb) : setTimeout(cb, 16));

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'link') return link.attach(m.port);
  if (m.type !== 'canvas') return handle(m);
  const ctx = m.canvas.getContext('2d');
  if (ctx === null) return;
  painter = new Painter({ canvas: m.canvas, ctx }, (stats) => scope.postMessage({ stats }));
  for (const p of pending.splice(0)) painter.handle(p);
  const loop = () => {
    nextFrame(loop);
    link.tick();
    painter?.paint();
  };
  nextFrame(loop);
};
