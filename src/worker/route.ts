// Where the engine's responses go. Unlinked, every response goes to the app, frames with their
// transactions. Once the overlay is linked (protocol.ts, LinkRequest), a frame's transactions go to
// the painter and the app gets the frame without them — always when it answers one of the app's own
// requests, otherwise only when it carries a view or the run stopped (the playhead shown in the
// panels moves with the views; the overlay moves every frame).

import type { Frame, OverlayMessage, Response } from './protocol';
import { transferables } from './serve';

export interface Outbox {
  app(r: Response, transfer: Transferable[]): void;
  /** The painter's end of the link; null while the overlay is not linked. */
  overlay: ((m: OverlayMessage, transfer: Transferable[]) => void) | null;
}

const NONE = new Float64Array(0);

/** A frame as the painter takes it: the playhead and the transactions (to transfer). */
export const overlayFrame = (f: Frame): OverlayMessage => ({
  type: 'frame',
  clock: f.clock,
  playing: f.playing,
  speed: f.speed,
  inflight: f.inflight,
  ended: f.ended,
});

/** Delivers the responses to a request that came from the app or, over the link, from the painter. */
export function deliver(rs: Response[], from: 'app' | 'overlay', out: Outbox): void {
  const overlay = out.overlay;
  for (const r of rs) {
    if (overlay === null) {
      out.app(r, transferables(r));
    } else if (r.type === 'frame') {
      overlay(overlayFrame(r), transferables(r));
      if (from === 'app') out.app({ ...r, inflight: NONE, ended: NONE }, []);
      else if (r.view !== null || !r.playing) out.app({ ...r, inflight: NONE, ended: NONE, unasked: true }, []);
    } else {
      // An error ends the run: the painter stops asking (rather than waiting for an answer).
      if (r.type === 'error') overlay({ type: 'stop' }, []);
      out.app(r, transferables(r));
    }
  }
}
