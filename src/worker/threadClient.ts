// The engine's worker script in a Node worker thread: the same script the browser runs
// (engine.worker.ts), bundled on the fly, behind the same SimClient interface as the browser's
// Web Worker. Messages are structured-cloned and the packed arrays transferred between two
// threads, as in the app. The protocol's tests run against it as well as in-process. (In Node the
// page's MessagePort is worker_threads' own, hence the cast on the overlay's port.)

import { Worker, type MessagePort as NodePort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { SimClient } from './client';
import type { Response } from './protocol';
import type { ConnectOverlay } from './route';
import { ViewDecoder, type WireFrame } from './viewDelta';

/** The worker's `self`, for the script written for a browser worker. */
const PRELUDE = `
const { parentPort } = require('node:worker_threads');
globalThis.self = { onmessage: null, postMessage: (m, t) => parentPort.postMessage(m, t) };
parentPort.on('message', (data) => globalThis.self.onmessage?.({ data }));
`;

let bundled: string | null = null;
const script = () =>
  (bundled ??=
    PRELUDE +
    buildSync({
      entryPoints: [fileURLToPath(new URL('./engine.worker.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      logLevel: 'error',
    }).outputFiles[0].text);

export function threadClient(): SimClient {
  const worker = new Worker(script(), { eval: true, name: 'dma-handoff-engine' });
  let cb: (r: Response) => void = () => {};
  const views = new ViewDecoder();
  worker.on('message', (m: Response | WireFrame) => cb(views.decode(m)));
  worker.on('error', (e: Error) => cb({ type: 'crashed', message: e.message }));
  return {
    kind: 'worker',
    send: (req) => worker.postMessage(req),
    connectOverlay: (port) =>
      worker.postMessage({ type: 'overlay', port } satisfies ConnectOverlay, port === null ? [] : [port as unknown as NodePort]),
    onResponse: (f) => void (cb = f),
    dispose: () => void worker.terminate(),
  };
}
