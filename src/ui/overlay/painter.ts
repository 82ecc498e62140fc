// The overlay's painter: it keeps the latest engine frame, the geometry, the viewport and the
// options, and draws one overlay frame per animation frame. It runs in its own worker on an
// OffscreenCanvas (painter.worker.ts), so drawing and handing the canvas to the compositor never
// occupy the main thread; where a browser cannot transfer a canvas, the same painter runs on the
// page. Either way it is fed the same messages.

import { drawFrame, type Ctx2D, type DrawStats } from './draw';
import type { Geometry } from './geometry';
import { LeakMarks } from './leaks';

export type PainterMsg =
  /** The canvas's size in CSS pixels and the device pixel ratio. */
  | { type: 'size'; w: number; h: number; dpr: number }
  /** An engine frame: the playhead and its packed transactions. */
  | { type: 'frame'; clock: number; playing: boolean; speed: number; inflight: Float64Array; ended: Float64Array }
  /** Nothing to draw (no scenario, or a new one whose first frame has not come). */
  | { type: 'clear' }
  | { type: 'geometry'; geometry: Geometry | null }
  | { type: 'transform'; transform: readonly [number, number, number] }
  | { type: 'options'; reducedMotion: boolean; selectedTxn: number };

/** What was drawn, reported when it changes (a few times a second while playing): the page shows it as test hooks on the canvas. */
export interface PainterStats {
  drawn: number;
  blocked: string;
  landed: number;
  leaks: number;
  /** A particle's radius on screen (px). */
  radius: number;
}

export interface Surface {
  canvas: { width: number; height: number };
  ctx: Ctx2D;
}

/** Between two engine frames the playhead moves on at the playing speed, never past this much wall time. */
const MAX_EXTRAPOLATE_MS = 100;
/** While playing, the stats go to the page at most this often: each report writes attributes on the
 * canvas, and a write on every frame would cost the page a style pass on every frame. */
const REPORT_INTERVAL_MS = 250;

export class Painter {
  private size = { w: 0, h: 0, dpr: 1 };
  private frame: Extract<PainterMsg, { type: 'frame' }> | null = null;
  /** When the frame arrived, on the painter's own clock (a worker's clock has another origin than the page's). */
  private receivedAt = 0;
  private geometry: Geometry | null = null;
  private transform: readonly [number, number, number] = [0, 0, 1];
  private options = { reducedMotion: false, selectedTxn: -1 };
  /** Something changed since the last draw; while paused nothing else moves. */
  private dirty = true;
  private shown: PainterStats = { drawn: -1, blocked: '', landed: -1, leaks: -1, radius: -1 };
  private leaks = new LeakMarks();
  private reportedAt = -Infinity;

  constructor(
    private surface: Surface,
    private report: (s: PainterStats) => void,
    private now: () => number = () => performance.now(),
  ) {}

  handle(m: PainterMsg): void {
    this.dirty = true;
    switch (m.type) {
      case 'size':
        this.size = { w: m.w, h: m.h, dpr: m.dpr };
        return;
      case 'frame':
        this.frame = m;
        this.receivedAt = this.now();
        return;
      case 'clear':
        this.frame = null;
        this.leaks.clear();
        return;
      case 'geometry':
        this.geometry = m.geometry;
        return;
      case 'transform':
        this.transform = m.transform;
        return;
      case 'options':
        this.options = { reducedMotion: m.reducedMotion, selectedTxn: m.selectedTxn };
        return;
    }
  }

  /** Whether the latest frame is of a run that plays. */
  get playing(): boolean {
    return this.frame?.playing ?? false;
  }

  /** Draws the overlay as of now; false when there was nothing new to draw. */
  paint(): boolean {
    const f = this.frame;
    if (!this.dirty && !(f !== null && f.playing) && !this.leaks.active) return false;
    this.dirty = false;
    const { canvas, ctx } = this.surface;
    const { w, h, dpr } = this.size;
    if (w === 0 || h === 0) return false;
    const pw = Math.round(w * dpr);
    const ph = Math.round(h * dpr);
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    let stats: DrawStats = { drawn: 0, blockedLabels: [], landed: 0, leaks: 0, radius: 0 };
    if (f !== null && this.geometry !== null) {
      const clock = f.playing ? f.clock + (Math.min(this.now() - this.receivedAt, MAX_EXTRAPOLATE_MS) / 1000) * f.speed : f.clock;
      const at = this.now();
      this.leaks.take(f.ended, clock, at);
      stats = drawFrame(ctx, {
        leakPages: this.leaks.pages(at),
        inflight: f.inflight,
        ended: f.ended,
        clock,
        geometry: this.geometry,
        transform: this.transform,
        ...this.options,
      });
    }
    const next = {
      drawn: stats.drawn,
      blocked: stats.blockedLabels.join(' | '),
      landed: stats.landed,
      leaks: stats.leaks,
      radius: stats.radius,
    };
    const s = this.shown;
    if (
      next.drawn === s.drawn &&
      next.blocked === s.blocked &&
      next.landed === s.landed &&
      next.leaks === s.leaks &&
      next.radius === s.radius
    )
      return true;
    const now = this.now();
    if (f === null || !f.playing || now - this.reportedAt >= REPORT_INTERVAL_MS) {
      this.shown = next;
      this.reportedAt = now;
      this.report(next);
    }
    return true;
  }
}
