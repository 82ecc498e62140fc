// A link too large to decode on the page's thread is decoded here (linkDecoder.ts): one link per
// worker, answered with decodeFragment's result.

import { decodeFragment } from './codec';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<string>) => void) | null;
  postMessage(m: unknown): void;
};

scope.onmessage = (e) => scope.postMessage(decodeFragment(e.data));
