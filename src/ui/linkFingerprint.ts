// A link opened from the address that records the model and the run it showed (fingerprint.ts):
// once the run it opened is computed to its end, the app compares and says so when the model or
// the run differs. A run that never completes, or a link that opens nothing, says nothing.

import { useApp } from '../store/appStore';
import { MODEL_VERSION } from '../sim';
import { fingerprintMessage, readFingerprint } from '../scenario/fingerprint';

/**
 * Watches the run `hash` opens; `before` is the scenario on screen before the link was opened.
 * Returns how to stop watching (when the link does not open).
 */
export function checkLinkFingerprint(hash: string, before: unknown): () => void {
  const recorded = readFingerprint(hash);
  if (recorded === null) return () => {};
  const stop = useApp.subscribe((s) => {
    // A large link opens later, from its decoding worker: the scenario to judge is the one after it.
    if (s.scenario === null || s.scenario === before) return;
    if (!s.summary?.complete) return;
    stop();
    const text = fingerprintMessage(recorded, MODEL_VERSION, s.summary.traceHash);
    if (text !== null) useApp.getState().setNotice({ kind: 'info', text });
  });
  return stop;
}
