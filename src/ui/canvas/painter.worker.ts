// The overlay painter's worker: it owns the transferred canvas and draws on its own animation
// frames, so the page's main thread does neither the drawing nor the per-frame canvas hand-off.

import { Painter, type PainterMsg, type PainterStats } from './painter';

type Init = { type: 'canvas'; canvas: OffscreenCanvas };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Init | PainterMsg>) => void) | null;
  postMessage(m: PainterStats): void;
  requestAnimationFrame?: (cb: () => void) => number;
};

let painter: Painter | null = null;
const pending: PainterMsg[] = [];

// A worker that owns an OffscreenCanvas has animation frames in current browsers; a timer at the
// display's usual rate elsewhere.
const nextFrame = (cb: () => void) => (scope.requestAnimationFrame ? scope.requestAnimationFrame(cb) : setTimeout(cb, 16));

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'canvas') {
    const ctx = m.canvas.getContext('2d');
    if (ctx === null) return;
    painter = new Painter({ canvas: m.canvas, ctx }, (s) => scope.postMessage(s));
    for (const p of pending.splice(0)) painter.handle(p);
    const loop = () => {
      nextFrame(loop);
      painter?.paint();
    };
    nextFrame(loop);
    return;
  }
  if (painter === null) pending.push(m);
  else painter.handle(m);
};
