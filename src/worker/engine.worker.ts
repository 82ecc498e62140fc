// The worker entry: the engine lives here, the main thread never simulates (DESIGN.md §3.3). The
// app's requests come on the worker's own channel; once the overlay is linked, the painter's
// requests for frames come on the linked port, and each response goes where route.ts says.

import type { LinkRequest, OverlayMessage, OverlayRequest, Request, Response } from './protocol';
import { Server } from './serve';
import { deliver, overlayFrame, type Outbox } from './route';

const server = new Server();
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request | LinkRequest>) => void) | null;
  postMessage(m: Response, t: Transferable[]): void;
};

let port: MessagePort | null = null;
const toApp = (r: Response, t: Transferable[]) => scope.postMessage(r, t);
const toOverlay = (m: OverlayMessage, t: Transferable[]) => port?.postMessage(m, t);
const outbox = (): Outbox => ({ app: toApp, overlay: port === null ? null : toOverlay });

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'overlay') link(m.port);
  else deliver(server.handle(m), 'app', outbox());
};

function link(next: MessagePort | null) {
  port?.close();
  port = next;
  if (port === null) return;
  port.onmessage = (e: MessageEvent<OverlayRequest>) => {
    if (e.data.type === 'frame') deliver(server.handle(e.data), 'overlay', outbox());
  };
  // The painter starts from the frame at the playhead (playing or not).
  const f = server.current();
  if (f !== null) toOverlay(overlayFrame(f), [f.inflight.buffer, f.ended.buffer]);
}
