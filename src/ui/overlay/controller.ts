// The overlay's controller: it places the canvas over the part of the React Flow pane where
// transactions can be drawn and feeds the painter (painter.ts, in a worker where the browser
// allows) — the engine's frames (unless the painter takes them from the engine itself), the
// viewport when it moves, the geometry when nodes move or resize, the canvas's size and the
// options. It draws nothing itself, and knows nothing of React: useOverlay.ts creates it on
// mount, hands it what it follows with `update` whenever that may have changed, and destroys it
// on unmount.

import type { InternalNode } from '@xyflow/react';
import type { Frame } from '../../worker/protocol';
import { GeometryProbe, type Geometry, type Structure } from './geometry';
import { NO_BOX, overlayBox, sameBox } from './overlayBox';
import { paintHost, type PaintHost } from './paintHost';
import type { PainterStats } from './painter';

/** React Flow's viewport: flow → screen is `p * zoom + (x, y)`. */
export type Transform = readonly [number, number, number];

/** Where the engine's frames come from: the engine session's bus and painter channel (worker/session.ts). */
export interface FrameSource {
  readonly latest: Frame | null;
  /** Calls `cb` with every frame from now on; returns the unsubscribe. */
  subscribe(cb: (f: Frame | null) => void): () => void;
  /** Gives a painter in a worker its own channel to the engine, now and whenever the engine is replaced; returns the detach. */
  attachPainter(connect: (port: MessagePort) => void): () => void;
}

/** What the overlay follows, given whole to `update` whenever any of it may have changed. */
export interface OverlayInputs {
  transform: Transform;
  /** React Flow's nodes and node table: new ones when nodes move, resize or change. */
  nodes: unknown;
  nodeLookup: Map<string, InternalNode>;
  /** The open scenario (a new one for every edit or scenario opened); null when none is. */
  scenario: { devices: readonly { id: string }[] } | null;
  /** The view's regions; null before the engine's first view. */
  regions: Structure['regions'] | null;
  /** The selected transaction's id, or -1. */
  selectedTxn: number;
}

export interface OverlayDeps {
  /** React Flow's root element, where page cells are measured (geometry.ts). */
  root: () => HTMLElement | null;
  frames: FrameSource;
  /** Where the painter runs: paintHost.ts unless a test gives its own. */
  paintHost?: (canvas: HTMLCanvasElement, report: (s: PainterStats) => void) => PaintHost;
}

export class OverlayController {
  private readonly canvas: HTMLCanvasElement;
  private readonly host: PaintHost;
  private readonly probe: GeometryProbe;
  private readonly resize: ResizeObserver;
  private readonly reduced: MediaQueryList;
  private readonly offFrames: () => void;
  private readonly detach: (() => void) | null;
  private readonly frames: FrameSource;
  /** The inputs last given; null until the first `update`, which starts the overlay. */
  private inputs: OverlayInputs | null = null;
  private geometry: Geometry | null = null;
  private pane = { w: 0, h: 0 };
  private placed = NO_BOX;
  private placedDpr = 0;
  /** The animation frame a geometry rebuild waits for; 0 none. */
  private queued = 0;
  private devices: { of: unknown; ids: string[] } = { of: null, ids: [] };
  private destroyed = false;

  constructor(holder: HTMLElement, deps: OverlayDeps) {
    // A fresh canvas for every controller: a canvas hands its control to a worker only once.
    const canvas = document.createElement('canvas');
    canvas.className = 'cv-overlay';
    canvas.dataset.testid = 'dma-overlay';
    canvas.setAttribute('aria-hidden', 'true');
    holder.append(canvas);
    this.canvas = canvas;

    // Test hooks on the element; the painter reports only when they change (each write invalidates style).
    const report = (s: PainterStats) => {
      canvas.dataset.drawn = String(s.drawn);
      canvas.dataset.blocked = s.blocked;
      canvas.dataset.landed = String(s.landed);
      canvas.dataset.leaks = String(s.leaks);
      canvas.dataset.particle = String(2 * s.radius);
    };
    const host = (deps.paintHost ?? paintHost)(canvas, report);
    canvas.dataset.painter = host.kind;
    this.host = host;

    // The pane's size comes from a ResizeObserver: reading it in a frame callback would force a layout.
    this.resize = new ResizeObserver(([e]) => {
      this.pane = { w: e.contentRect.width, h: e.contentRect.height };
      this.place();
    });
    this.resize.observe(holder);

    this.reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
    this.reduced.addEventListener('change', this.postOptions);

    this.probe = new GeometryProbe(deps.root);
    // A painter in a worker takes the frames straight from the engine's worker, and asks for them
    // while playing: the frames the store sees are then marked `direct` and have nothing to draw.
    this.detach = host.connectEngine === undefined ? null : deps.frames.attachPainter((port) => host.connectEngine!(port));
    this.offFrames = deps.frames.subscribe(this.post);
    this.frames = deps.frames;
  }

  /**
   * What the overlay follows, as it is now. The first call starts the overlay; later ones act on
   * what changed: the viewport places the canvas again, nodes, the scenario or its regions
   * rebuild the geometry (at most once per animation frame), the selection goes to the painter.
   */
  update(next: OverlayInputs): void {
    if (this.destroyed) return;
    const prev = this.inputs;
    this.inputs = next;
    if (prev === null) {
      this.place();
      this.postOptions();
      this.post(this.frames.latest);
      this.queue();
      return;
    }
    const newScenario = next.scenario !== prev.scenario;
    // Another scenario: its geometry is not the last one's, and nothing is drawn until it is built.
    if (newScenario) {
      this.geometry = null;
      this.host.post({ type: 'geometry', geometry: null });
    }
    if (newScenario || next.transform !== prev.transform) this.place();
    if (newScenario || next.regions !== prev.regions || next.nodes !== prev.nodes || next.nodeLookup !== prev.nodeLookup) this.queue();
    if (next.selectedTxn !== prev.selectedTxn) this.postOptions();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.detach?.();
    this.offFrames();
    cancelAnimationFrame(this.queued);
    this.reduced.removeEventListener('change', this.postOptions);
    this.resize.disconnect();
    this.host.dispose();
    this.canvas.remove();
  }

  /**
   * The canvas covers only the part of the pane the overlay can draw on (overlayBox.ts), placed
   * again when the geometry, the viewport or the pane changes; the painter draws through the
   * viewport shifted to the canvas's corner. During a pan the canvas moves with the nodes at once,
   * so the picture it still shows stays on them until the painter's next frame.
   */
  private place(): void {
    if (this.inputs === null) return;
    const t = this.inputs.transform;
    const b = overlayBox(this.geometry, t, this.pane);
    const dpr = window.devicePixelRatio || 1;
    if (b.w !== this.placed.w || b.h !== this.placed.h || dpr !== this.placedDpr) this.host.post({ type: 'size', w: b.w, h: b.h, dpr });
    if (!sameBox(b, this.placed))
      Object.assign(this.canvas.style, { left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` });
    this.placed = b;
    this.placedDpr = dpr;
    this.host.post({ type: 'transform', transform: [t[0] - b.x, t[1] - b.y, t[2]] });
  }

  private readonly postOptions = () => {
    this.host.post({ type: 'options', reducedMotion: this.reduced.matches, selectedTxn: this.inputs?.selectedTxn ?? -1 });
  };

  /**
   * An engine frame for the painter, its arrays transferred, not cloned. While playing they are
   * handed over as they came, sixty times a second, with no copy; a still frame (paused, seeking)
   * is copied, so the store keeps a whole one for an overlay that mounts later. A mount during
   * play shows the next frame, a sixtieth of a second on.
   */
  private readonly post = (f: Frame | null) => {
    if (f === null) return this.host.post({ type: 'clear' });
    if (f.direct) return;
    const { clock, playing, speed } = f;
    const handOver = (a: Float64Array) => (playing ? a : a.slice());
    this.host.post({ type: 'frame', clock, playing, speed, inflight: handOver(f.inflight), ended: handOver(f.ended) });
  };

  private queue(): void {
    if (this.queued === 0) this.queued = requestAnimationFrame(this.rebuild);
  }

  /** The geometry, from the nodes as they are now; then the canvas is placed around it. */
  private readonly rebuild = () => {
    this.queued = 0;
    const i = this.inputs;
    if (i === null) return;
    const s = this.structure(i);
    this.geometry = s === null ? null : this.probe.build(s, i.nodeLookup, i.transform[2]);
    this.host.post({ type: 'geometry', geometry: this.geometry });
    this.place();
  };

  private structure(i: OverlayInputs): Structure | null {
    if (i.scenario === null || i.regions === null) return null;
    // The same device ids while the scenario is the same: the probe keeps its measurements for them.
    if (this.devices.of !== i.scenario) this.devices = { of: i.scenario, ids: i.scenario.devices.map((d) => d.id) };
    return { deviceIds: this.devices.ids, regions: i.regions };
  }
}
