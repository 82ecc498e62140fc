// The worker entry: the engine lives here, the main thread never simulates (DESIGN.md §3.3).

import type { Request } from './protocol';
import { Router, type ConnectOverlay } from './route';
import { Server } from './serve';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request | ConnectOverlay>) => void) | null;
  postMessage(m: unknown, t: Transferable[]): void;
};
const router = new Router(new Server(), (r, transfer) => scope.postMessage(r, transfer));

scope.onmessage = (e) => router.fromApp(e.data);
