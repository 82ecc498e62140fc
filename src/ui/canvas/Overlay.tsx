// The one overlay layer for in-flight DMA (DESIGN.md §3.3): a canvas over the React Flow pane,
// redrawn imperatively every animation frame from the engine's latest frame, following pan and
// zoom. Nothing here invents motion: positions interpolate between the engine's own ticks (issue,
// arrival, translation, commit) for each real transaction.
//
// This component only feeds the painter (painter.ts, in a worker where the browser allows): the
// engine's frames, the viewport when it moves, the geometry when nodes move or resize, the size
// and the options. It draws nothing itself.

import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { frames, useApp, type AppState } from '../../store/appStore';
import { GeometryProbe, type Structure } from './geometry';
import { paintHost } from './paintHost';
import type { PainterStats } from './painter';

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

    // The size comes from a ResizeObserver: reading it in a frame callback would force a layout.
    const resize = new ResizeObserver(([e]) =>
      host.post({ type: 'size', w: e.contentRect.width, h: e.contentRect.height, dpr: window.devicePixelRatio || 1 }),
    );
    resize.observe(canvas);

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
      host.post({ type: 'geometry', geometry: s === null ? null : probe.build(s, nodeLookup, transform[2]) });
    };
    const queue = () => {
      if (queued === 0) queued = requestAnimationFrame(rebuild);
    };

    const offFlow = flow.subscribe((s, prev) => {
      if (s.transform !== prev.transform) host.post({ type: 'transform', transform: s.transform });
      if (s.nodes !== prev.nodes || s.nodeLookup !== prev.nodeLookup) queue();
    });
    const offApp = useApp.subscribe((s, prev) => {
      if (s.scenario !== prev.scenario) host.post({ type: 'geometry', geometry: null });
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

    host.post({ type: 'transform', transform: flow.getState().transform });
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
