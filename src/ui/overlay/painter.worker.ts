// The overlay painter's worker: it owns the transferred canvas and draws on its own animation
// frames, so the page's main thread does neither the drawing nor the per-frame canvas hand-off.

import { Painter, type PainterMsg, type PainterStats } from './painter';
import { EngineFeed } from './engineFeed';

/** The canvas to own; the channel to the engine (paintHost.ts). */
type Init = { type: 'canvas'; canvas: OffscreenCanvas } | { type: 'engine'; port: MessagePort };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Init | PainterMsg>) => void) | null;
  postMessage(m: PainterStats): void;
  requestAnimationFrame?: (cb: () => void) => number;
};

let painter: Painter | null = null;
const pending: PainterMsg[] = [];
const deliver = (m: PainterMsg) => (painter === null ? pending.push(m) : painter.handle(m));
const feed = new EngineFeed(deliver);

// A worker that owns an OffscreenCanvas has animation frames in current browsers; a timer at the
// display's usual rate elsewhere.
const nextFrame = (cb: () => void) => (scope.requestAnimationFrame ? scope.requestAnimationFrame(cb) : setTimeout(cb, 16));

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'engine') return feed.connect(m.port);
  if (m.type === 'canvas') {
    const ctx = m.canvas.getContext('2d');
    if (ctx === null) return;
    painter = new Painter({ canvas: m.canvas, ctx }, (s) => scope.postMessage(s));
    for (const p of pending.splice(0)) painter.handle(p);
    const loop = () => {
      nextFrame(loop);
      if (painter === null) return;
      // The next frame is asked for first: the engine computes it while this one is drawn.
      feed.tick(painter.playing);
      painter.paint();
    };
    nextFrame(loop);
    return;
  }
  deliver(m);
};
