// The one overlay layer for in-flight DMA (docs/architecture.md): a canvas over the part of the React
// Flow pane where transactions can be drawn, redrawn imperatively every animation frame from the
// engine's latest frame, following pan and zoom. Nothing here invents motion: positions
// interpolate between the engine's own ticks (issue, arrival, translation, commit) for each real
// transaction.
//
// This component places the canvas and feeds the painter (painter.ts, in a worker where the
// browser allows): the engine's frames (unless the painter takes them from the engine itself), the
// viewport when it moves, the geometry when nodes move or resize, the canvas's size and the
// options. It draws nothing itself.

import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { frames, useApp, type AppState } from '../../store/appStore';
import { GeometryProbe, type Geometry, type Structure } from './geometry';
import { NO_BOX, overlayBox, sameBox } from './overlayBox';
import { paintHost } from './paintHost';
import type { PainterStats } from './painter';
import './overlay.css';

export function Overlay() {
  const flow = useStoreApi();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const holder = box.current;
    if (holder === null) return;
    // A fresh canvas for every mount: a canvas hands its control to a worker only once.
    const canvas = document.createElement('canvas');
    canvas.className = 'cv-overlay';
    canvas.dataset.testid = 'dma-overlay';
    canvas.setAttribute('aria-hidden', 'true');
    holder.append(canvas);

    // Test hooks on the element; the painter reports only when they change (each write invalidates style).
    const report = (s: PainterStats) => {
      canvas.dataset.drawn = String(s.drawn);
      canvas.dataset.blocked = s.blocked;
      canvas.dataset.landed = String(s.landed);
    };
    const host = paintHost(canvas, report);
    canvas.dataset.painter = host.kind;

    // The canvas covers only the part of the pane the overlay can draw on (overlayBox.ts), placed
    // again when the geometry, the viewport or the pane changes; the painter draws through the
    // viewport shifted to the canvas's corner. During a pan the canvas moves with the nodes at once,
    // so the picture it still shows stays on them until the painter's next frame.
    let geometry: Geometry | null = null;
    let pane = { w: 0, h: 0 };
    let placed = NO_BOX;
    let placedDpr = 0;
    const place = () => {
      const t = flow.getState().transform;
      const b = overlayBox(geometry, t, pane);
      const dpr = window.devicePixelRatio || 1;
      if (b.w !== placed.w || b.h !== placed.h || dpr !== placedDpr) host.post({ type: 'size', w: b.w, h: b.h, dpr });
      if (!sameBox(b, placed)) Object.assign(canvas.style, { left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` });
      placed = b;
      placedDpr = dpr;
      host.post({ type: 'transform', transform: [t[0] - b.x, t[1] - b.y, t[2]] });
    };
    // The pane's size comes from a ResizeObserver: reading it in a frame callback would force a layout.
    const resize = new ResizeObserver(([e]) => {
      pane = { w: e.contentRect.width, h: e.contentRect.height };
      place();
    });
    resize.observe(holder);

    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
    const selectedTxn = (s: AppState) => (s.selection?.kind === 'txn' ? s.selection.id : -1);
    const postOptions = () => host.post({ type: 'options', reducedMotion: reduced.matches, selectedTxn: selectedTxn(useApp.getState()) });
    reduced.addEventListener('change', postOptions);

    // The geometry is rebuilt at most once per animation frame, after nodes moved or resized or
    // the scenario or its regions changed.
    const probe = new GeometryProbe(() => flow.getState().domNode);
    let devices: { of: unknown; ids: string[] } = { of: null, ids: [] };
    const structureNow = (): Structure | null => {
      const { scenario, view } = useApp.getState();
      if (scenario === null || view === null) return null;
      if (devices.of !== scenario) devices = { of: scenario, ids: scenario.devices.map((d) => d.id) };
      return { deviceIds: devices.ids, regions: view.regions };
    };
    let queued = 0;
    const rebuild = () => {
      queued = 0;
      const s = structureNow();
      const { nodeLookup, transform } = flow.getState();
      geometry = s === null ? null : probe.build(s, nodeLookup, transform[2]);
      host.post({ type: 'geometry', geometry });
      place();
    };
    const queue = () => {
      if (queued === 0) queued = requestAnimationFrame(rebuild);
    };

    const offFlow = flow.subscribe((s, prev) => {
      if (s.transform !== prev.transform) place();
      if (s.nodes !== prev.nodes || s.nodeLookup !== prev.nodeLookup) queue();
    });
    const offApp = useApp.subscribe((s, prev) => {
      if (s.scenario !== prev.scenario) {
        geometry = null;
        host.post({ type: 'geometry', geometry });
        place();
      }
      if (s.scenario !== prev.scenario || s.view?.regions !== prev.view?.regions) queue();
      if (selectedTxn(s) !== selectedTxn(prev)) postOptions();
    });
    // A painter in a worker takes the frames straight from the engine's worker, and asks for them
    // while playing: the frames the store sees are then marked `direct` and have nothing to draw.
    const detach = host.connectEngine === undefined ? null : frames.attachPainter((port) => host.connectEngine!(port));
    // Otherwise the painter takes the frame's arrays from here (transferred, not cloned). While
    // playing they are handed over as they came, sixty times a second, with no copy; a still frame
    // (paused, seeking) is copied, so the store keeps a whole one for an overlay that mounts later.
    // A mount during play shows the next frame, a sixtieth of a second on.
    const handOver = (a: Float64Array, playing: boolean) => (playing ? a : a.slice());
    const post = (f: typeof frames.latest) => {
      if (f === null) return host.post({ type: 'clear' });
      if (f.direct) return;
      const { clock, playing, speed } = f;
      host.post({ type: 'frame', clock, playing, speed, inflight: handOver(f.inflight, playing), ended: handOver(f.ended, playing) });
    };
    const offFrames = frames.subscribe(post);

    place();
    postOptions();
    post(frames.latest);
    queue();
    return () => {
      detach?.();
      offFrames();
      offApp();
      offFlow();
      cancelAnimationFrame(queued);
      reduced.removeEventListener('change', postOptions);
      resize.disconnect();
      host.dispose();
      canvas.remove();
    };
  }, [flow]);

  return <div ref={box} className="cv-overlay-box" />;
}
