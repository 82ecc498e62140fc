// Opening a link without holding the page. A link of at most QUICK_LINK_CHARS that expands to at
// most QUICK_JSON_BYTES — every scenario people share: the largest in the gallery is under 3 KB of
// JSON in a link of 1,500 characters — is decoded at once, on the page's thread. Anything larger (a
// very large scenario, or a decompression bomb) is decoded and validated by a worker started for
// that link alone, and opens when the worker answers. The page's worst case is a bomb of just under
// QUICK_LINK_CHARS, whose inflation stops past QUICK_JSON_BYTES, at most one step (132 KB) later:
// 4–24 ms of CPU in V8 on a heavily loaded machine, where refusing the largest bomb a link can carry
// took 80–150 ms even with inflation stopped at the 2,000,000-byte limit.

import { decodeFragment, decodeFragmentWithin, LARGE, type Decoded } from './codec';

/** JSON bytes a link may expand to and still be decoded on the page's thread. */
export const QUICK_JSON_BYTES = 64_000;
/** Longest link decoded on the page's thread: ten times what chat tools keep whole. */
export const QUICK_LINK_CHARS = 20_000;

let latest = 0;

/**
 * The scenario a location hash names, as decodeFragment reads it: now, or — for a link longer than
 * QUICK_LINK_CHARS or one that expands past QUICK_JSON_BYTES — a promise of it. The promise gives null when another link was decoded
 * meanwhile: the later link is the one the user opened.
 */
export function decodeLink(hash: string): Decoded | null | Promise<Decoded | null> {
  const ticket = ++latest;
  const d = hash.length > QUICK_LINK_CHARS ? LARGE : decodeFragmentWithin(hash, QUICK_JSON_BYTES);
  if (d !== LARGE) return d;
  return inWorker(hash).then((r) => (ticket === latest ? r : null));
}

function inWorker(hash: string): Promise<Decoded | null> {
  // Without workers (the unit tests run in Node) the link is decoded here, but later, as from a worker.
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => decodeFragment(hash));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./link.worker.ts', import.meta.url), { type: 'module', name: 'dma-handoff-link' });
    const answer = (d: Decoded | null) => {
      worker.terminate();
      resolve(d);
    };
    worker.onmessage = (e: MessageEvent<Decoded | null>) => answer(e.data);
    worker.onerror = () => answer({ ok: false, error: 'The link could not be decoded: the browser did not start its decoder.' });
    worker.postMessage(hash);
  });
}
