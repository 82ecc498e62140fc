// The worker entry: the engine lives here, the main thread never simulates (docs/architecture.md).

import type { Request } from './protocol';
import { Router, type ConnectOverlay } from './route';
import { Server } from './serve';
import { ViewEncoder } from './viewDelta';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request | ConnectOverlay>) => void) | null;
  postMessage(m: unknown, t: Transferable[]): void;
};
// Views go to the page as deltas against the last one it received (viewDelta.ts).
const views = new ViewEncoder();
// The background computation's chunks run from a timer, so the page's messages are taken between
// them (a channel posting to itself can starve them: Node drains a port before anything else).
const schedule = (f: () => void) => void setTimeout(f, 0);
const router = new Router(new Server(), (r, transfer) => scope.postMessage(views.encode(r), transfer), schedule);

scope.onmessage = (e) => router.fromApp(e.data);
