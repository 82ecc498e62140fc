// The one overlay layer for in-flight DMA (DESIGN.md §3.3): a canvas over the React Flow pane,
// redrawn imperatively every animation frame from the engine's latest frame, following pan and
// zoom. Nothing here invents motion: positions interpolate between the engine's own ticks (issue,
// arrival, translation, commit) for each real transaction.

import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { frameRef, useApp } from '../../store/appStore';
import { Anchors } from './anchors';
import { drawFrame } from './draw';

export function Overlay() {
  const flow = useStoreApi();
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    if (canvas === null) return;
    const anchors = new Anchors(() => flow.getState().domNode);
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
    // The canvas's size comes from a ResizeObserver: reading clientWidth in the frame callback
    // would force a synchronous layout whenever React had just changed the DOM.
    let w = 0;
    let h = 0;
    const resize = new ResizeObserver(([e]) => {
      w = e.contentRect.width;
      h = e.contentRect.height;
    });
    resize.observe(canvas);
    let raf = 0;
    // Test hooks on the element, written only when they change (each write invalidates style).
    const shown = { drawn: '', blocked: '', landed: '' };
    const show = (k: keyof typeof shown, v: string) => {
      if (shown[k] !== v) canvas.dataset[k] = shown[k] = v;
    };
    const draw = () => {
      raf = requestAnimationFrame(draw);
      const ctx = canvas.getContext('2d');
      if (ctx === null || w === 0) return;
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const frame = frameRef.current;
      const app = useApp.getState();
      if (frame === null || app.scenario === null || app.view === null) return;
      const now = performance.now();
      anchors.refresh(app.scenario);
      // Between two engine frames the playhead moves on at the playing speed, never past one frame's worth.
      const clock = frame.playing ? frame.clock + (Math.min(now - frameRef.receivedAt, 100) / 1000) * frame.speed : frame.clock;
      const { transform, nodeLookup } = flow.getState();
      const stats = drawFrame(ctx, { frame, clock, scenario: app.scenario, view: app.view, transform, lookup: nodeLookup, anchors, reducedMotion: reduced.matches, selectedTxn: app.selection?.kind === 'txn' ? app.selection.id : -1 });
      show('drawn', String(stats.drawn));
      show('blocked', stats.blockedLabels.join(' | '));
      show('landed', String(stats.landed));
    };
    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
      resize.disconnect();
    };
  }, [flow]);

  return <canvas ref={ref} className="cv-overlay" data-testid="dma-overlay" aria-hidden="true" />;
}
