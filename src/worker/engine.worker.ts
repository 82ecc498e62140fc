// The worker entry: the engine lives here, the main thread never simulates (DESIGN.md §3.3).

import type { Request } from './protocol';
import { Server, transferables } from './serve';

const server = new Server();
const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(m: unknown, t: Transferable[]): void };

scope.onmessage = (e) => {
  for (const r of server.handle(e.data)) scope.postMessage(r, transferables(r));
};
