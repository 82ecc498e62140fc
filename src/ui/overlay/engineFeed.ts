// The painter's own channel to the engine (worker/route.ts). While the run plays, the painter asks
// for the next frame once per animation frame, one request at a time (any frame from the engine
// counts as the answer), with the wall time since it last asked (worker/pacer.ts, as the engine
// session does when frames come through the page). The engine answers here, so the page's main
// thread takes no part in the sixty frames a second. When the next frame comes, the painter has
// drawn its last from the one before, whose arrays go back to the engine to be filled again
// (worker/bufferPool.ts).

import type { OverlayFrame, OverlayRequest, Port } from '../../worker/route';
import { FramePacer } from '../../worker/pacer';

export class EngineFeed {
  private port: Port<OverlayFrame, OverlayRequest> | null = null;
  private asking = false;
  private readonly pacer: FramePacer;
  private last: OverlayFrame | null = null;

  constructor(
    private deliver: (f: OverlayFrame) => void,
    now: () => number = () => performance.now(),
  ) {
    this.pacer = new FramePacer(now);
  }

  /** A new engine (or the first): its answers go to `deliver`. */
  connect(port: Port<OverlayFrame, OverlayRequest>): void {
    this.port?.close();
    this.port = port;
    this.asking = false;
    this.pacer.stop();
    this.last = null;
    port.onmessage = (e) => {
      this.asking = false;
      const done = this.last;
      this.last = e.data;
      this.deliver(e.data);
      if (done === null) return;
      const buffers = [done.inflight.buffer, done.ended.buffer].filter(
        (b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0,
      );
      if (buffers.length > 0) port.postMessage({ type: 'recycle', buffers }, buffers);
    };
  }

  /** Once per animation frame: asks for the next frame while the latest one plays. */
  tick(playing: boolean): void {
    if (!playing) {
      this.pacer.stop();
      return;
    }
    if (this.port === null || this.asking) return;
    this.asking = true;
    this.port.postMessage({ type: 'frame', ms: this.pacer.next() }, []);
  }
}
