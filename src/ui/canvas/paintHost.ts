// Where the overlay is painted: in a worker on a transferred OffscreenCanvas where the browser can
// (the main thread then neither draws nor hands a canvas to the compositor on every frame), or on
// the page with the same painter where it cannot. Only the worker can be linked to the engine
// (engineLink.ts) and take its frames without the main thread.

import { Painter, type PainterMsg, type PainterReport, type PainterStats } from './painter';

export interface PaintHost {
  readonly kind: 'worker' | 'page';
  post(m: PainterMsg): void;
  /** Gives the painter its end of a link to the engine (the worker only). */
  link?(port: MessagePort | null): void;
  dispose(): void;
}

export function paintHost(canvas: HTMLCanvasElement, report: (s: PainterStats) => void, stalled: (ms: number) => void): PaintHost {
  if (typeof canvas.transferControlToOffscreen === 'function' && typeof OffscreenCanvasRenderingContext2D !== 'undefined') {
    const worker = new Worker(new URL('./painter.worker.ts', import.meta.url), { type: 'module', name: 'dma-handoff-overlay' });
    const offscreen = canvas.transferControlToOffscreen();
    worker.postMessage({ type: 'canvas', canvas: offscreen }, [offscreen]);
    worker.onmessage = (e: MessageEvent<PainterReport>) => ('stalled' in e.data ? stalled(e.data.stalled) : report(e.data.stats));
    return {
      kind: 'worker',
      post: (m) => worker.postMessage(m, m.type === 'frame' ? [m.inflight.buffer, m.ended.buffer] : []),
      link: (port) => worker.postMessage({ type: 'link', port }, port === null ? [] : [port]),
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
