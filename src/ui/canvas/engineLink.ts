// The painter's end of the overlay's link to the engine (protocol.ts, LinkRequest). While the run
// plays, the painter asks for the next frame on its own animation frame, once the previous frame
// came: one request in flight at a time, so a slow frame never queues work in the engine. The
// page's main thread is not on this path. A request left unanswered for WATCHDOG_MS is reported,
// and the app replaces the engine's worker, as it does when its own requests go unanswered.

import type { OverlayMessage, OverlayRequest } from '../../worker/protocol';
import { Pacer, WATCHDOG_MS } from '../../worker/pacing';

export type OverlayFrame = Extract<OverlayMessage, { type: 'frame' }>;

/** What the link needs of a MessagePort. */
export interface LinkPort {
  postMessage(m: OverlayRequest): void;
  onmessage: ((e: MessageEvent<OverlayMessage>) => void) | null;
  close(): void;
}

export class EngineLink {
  private port: LinkPort | null = null;
  /** A frame of a playing run came: ask for the next one on the next animation frame. */
  private due = false;
  /** When the request in flight went out; -1 when none is. */
  private askedAt = -1;
  private reported = false;
  private pacer = new Pacer();

  constructor(
    private onFrame: (f: OverlayFrame) => void,
    private onStall: (ms: number) => void,
    private now: () => number = () => performance.now(),
  ) {}

  /** A new link (the engine's worker was replaced), or none. */
  attach(port: LinkPort | null): void {
    this.port?.close();
    this.port = port;
    this.due = false;
    this.askedAt = -1;
    this.reported = false;
    this.pacer.reset();
    if (port !== null) port.onmessage = (e) => this.receive(e.data);
  }

  private receive(m: OverlayMessage): void {
    this.askedAt = -1;
    this.reported = false;
    this.due = m.type === 'frame' && m.playing;
    if (!this.due) this.pacer.reset();
    if (m.type === 'frame') this.onFrame(m);
  }

  /** Once per animation frame, before painting: asks for the next frame when one is due. */
  tick(): void {
    const now = this.now();
    if (this.askedAt >= 0) {
      if (!this.reported && now - this.askedAt > WATCHDOG_MS) {
        this.reported = true;
        this.onStall(now - this.askedAt);
      }
      return;
    }
    if (!this.due || this.port === null) return;
    this.due = false;
    this.askedAt = now;
    this.port.postMessage({ type: 'frame', ms: this.pacer.next(now) });
  }
}
