// Where the engine's answers go (docs/architecture.md, the engine host). Without an overlay
// channel, everything goes to the app. With one (a MessagePort to the overlay's painter, in its own
// worker), every frame's transactions go straight to the painter, which also asks for the frames
// while playing; the app then receives only the frames that carry entities (a few a second while
// playing, every one when paused, seeking or stepping) and the answers to its own requests. Playing
// sixty frames a second then costs the page's main thread nothing: no message, no copy, no
// animation-frame callback.

import type { Frame, Request, Response } from './protocol';
import type { Server } from './serve';
import { transferables } from './serve';

/** What the painter receives: a frame's playhead and transactions, without the entities. */
export type OverlayFrame = Omit<Frame, 'view'>;

/** What the painter may ask: the next frame, `ms` of wall time after the last one; or it hands
 * back the arrays of a frame it has drawn past, for the next frames (bufferPool.ts). */
export type OverlayRequest = Extract<Request, { type: 'frame' }> | { type: 'recycle'; buffers: ArrayBuffer[] };

/** The app's end of the engine worker, and the painter's. */
export interface Port<In, Out> {
  postMessage(m: Out, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<In>) => void) | null;
  close(): void;
}

/** The message that hands the engine worker its overlay channel, or takes it back (null) when the
 * overlay goes; outside the Request union, as it is for the worker, not the Server. */
export interface ConnectOverlay {
  type: 'overlay';
  port: MessagePort | null;
}

const EMPTY = new Float64Array(0);
/** Milliseconds of background computation between two looks at the messages. */
const SLICE_MS = 30;

export class Router {
  private overlay: Port<OverlayRequest, OverlayFrame> | null = null;
  private scheduled = false;

  /**
   * `schedule` runs a function as a task of its own, after any message already waiting: the run is
   * computed in chunks between the requests (Server.work). Without it nothing runs in the background.
   */
  constructor(
    private server: Server,
    private toApp: (r: Response, transfer: Transferable[]) => void,
    private schedule: ((f: () => void) => void) | null = null,
  ) {}

  /** A message from the app: a request, or the overlay's channel. */
  fromApp(m: Request | ConnectOverlay): void {
    if (m.type === 'overlay') return this.connect(m.port as Port<OverlayRequest, OverlayFrame> | null);
    for (const r of this.server.handle(m)) this.send(r, true);
    this.kick();
  }

  /** Schedules the next chunk of the background computation, if there is one and none is scheduled. */
  private kick(): void {
    if (this.scheduled || this.schedule === null || !this.server.pending()) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      // Chunks for about SLICE_MS, then the page's messages are taken.
      const end = performance.now() + SLICE_MS;
      do for (const r of this.server.work()) this.send(r, true);
      while (this.server.pending() && performance.now() < end);
      this.kick();
    });
  }

  /** A new overlay channel (a new painter), which starts from the frame at the playhead; or none. */
  connect(port: Port<OverlayRequest, OverlayFrame> | null): void {
    this.overlay?.close();
    this.overlay = port;
    if (port === null) return;
    port.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'recycle') return this.server.host?.pool.give(m.buffers);
      for (const r of this.server.handle(m)) this.send(r, false);
      this.kick();
    };
    const f = this.server.current();
    if (f !== null) this.send(f, false);
  }

  private send(r: Response, askedByApp: boolean): void {
    const port = this.overlay;
    if (r.type !== 'frame' || port === null) return this.toApp(r, transferables(r));
    const { view, ...overlay } = r;
    port.postMessage(overlay, transferables(r));
    // The app keeps its answers (it counts them) and every frame with entities — a run that
    // reaches its end stops with one — marked as already drawn by the overlay.
    if (askedByApp || view !== null) this.toApp({ ...r, inflight: EMPTY, ended: EMPTY, direct: true }, []);
  }
}
