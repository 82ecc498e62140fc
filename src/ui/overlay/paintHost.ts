// Where the overlay is painted: in a worker on a transferred OffscreenCanvas where the browser can
// (the main thread then neither draws nor hands a canvas to the compositor on every frame), or on
// the page with the same painter where it cannot.

import { Painter, type PainterMsg, type PainterStats } from './painter';

export interface PaintHost {
  readonly kind: 'worker' | 'page';
  post(m: PainterMsg): void;
  /** Worker only: the painter takes the engine's frames over this port and asks for them while playing (engineFeed.ts). */
  connectEngine?(port: MessagePort): void;
  dispose(): void;
}

export function paintHost(canvas: HTMLCanvasElement, report: (s: PainterStats) => void): PaintHost {
  if (typeof canvas.transferControlToOffscreen === 'function' && typeof OffscreenCanvasRenderingContext2D !== 'undefined') {
    const worker = new Worker(new URL('./painter.worker.ts', import.meta.url), { type: 'module', name: 'dma-handoff-overlay' });
    const offscreen = canvas.transferControlToOffscreen();
    worker.postMessage({ type: 'canvas', canvas: offscreen }, [offscreen]);
    worker.onmessage = (e: MessageEvent<PainterStats>) => report(e.data);
    return {
      kind: 'worker',
      post: (m) => worker.postMessage(m, m.type === 'frame' ? [m.inflight.buffer, m.ended.buffer] : []),
      connectEngine: (port) => worker.postMessage({ type: 'engine', port }, [port]),
      dispose: () => worker.terminate(),
    };
  }
  const ctx = canvas.getContext('2d');
  if (ctx === null) return { kind: 'page', post: () => {}, dispose: () => {} };
  const painter = new Painter({ canvas, ctx }, report);
  let raf = requestAnimationFrame(function loop() {
    raf = requestAnimationFrame(loop);
    painter.paint();
  });
  return {
    kind: 'page',
    post: (m) => painter.handle(m),
    dispose: () => cancelAnimationFrame(raf),
  };
}
