// The app talks to the engine through this interface, hosted in a Web Worker in the app and
// in-process in tests: the same requests, the same responses.

import type { Request, Response } from './protocol';
import type { ConnectOverlay } from './route';
import { Server } from './serve';
import { ViewDecoder, ViewEncoder, type WireFrame } from './viewDelta';

export interface SimClient {
  send(req: Request): void;
  onResponse(cb: (r: Response) => void): void;
  readonly kind: 'worker' | 'in-process';
  /** Worker only: gives the engine a channel straight to the overlay's painter (route.ts), or takes it back (null). */
  connectOverlay?(port: MessagePort | null): void;
  dispose(): void;
}

export function workerClient(): SimClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'dma-handoff-engine' });
  let cb: (r: Response) => void = () => {};
  const views = new ViewDecoder();
  worker.onmessage = (e: MessageEvent<Response | WireFrame>) => cb(views.decode(e.data));
  worker.onerror = (e) => cb({ type: 'crashed', message: e.message || 'worker error' });
  return {
    kind: 'worker',
    send: (req) => worker.postMessage(req),
    connectOverlay: (port) => worker.postMessage({ type: 'overlay', port } satisfies ConnectOverlay, port === null ? [] : [port]),
    onResponse: (f) => void (cb = f),
    dispose: () => worker.terminate(),
  };
}

/** Same protocol without a worker; responses arrive asynchronously, as they would from a worker,
 * and views the same way too: through the deltas, so an unchanged part is the last view's own. */
export function inProcessClient(): SimClient {
  const server = new Server();
  const enc = new ViewEncoder();
  const dec = new ViewDecoder();
  let cb: (r: Response) => void = () => {};
  let disposed = false;
  let scheduled = false;
  const answer = (rs: Response[]) => {
    for (const r of rs) cb(dec.decode(enc.encode(r)));
  };
  // The run is computed in chunks between the requests, as in the worker: each chunk a task of its own.
  const kick = () => {
    if (scheduled || disposed || !server.pending()) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      if (disposed) return;
      answer(server.work());
      kick();
    }, 0);
  };
  return {
    kind: 'in-process',
    send: (req) => {
      queueMicrotask(() => {
        if (disposed) return;
        answer(server.handle(structuredClone(req)));
        kick();
      });
    },
    onResponse: (f) => void (cb = f),
    dispose: () => void (disposed = true),
  };
}
