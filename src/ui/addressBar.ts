// The address bar shows the open scenario's link while it is unedited — the link it was opened
// from, or a gallery scenario's own `#g=…` — so copying the address shares it. (A scenario opened
// from a file or My scenarios is not encoded into the address on every open: Share copies its
// link.) Once it is edited, the
// address no longer claims to be its link: the fragment goes, and a reload restores the autosaved
// work with its edits. With nothing open (a broken link), the address is left as it was.

import { useApp, type AppState } from '../store/appStore';
import { galleryRef } from '../scenario/gallery/revisions';

/** The history entry's state when the app wrote the address itself (not a link someone opened). */
const WRITTEN_BY_APP = { dmaHandoffAddress: true };

/** Whether the page's address was written by the app (a reload of it), not opened as someone's link. */
export function addressWrittenByApp(): boolean {
  const s = history.state as { dmaHandoffAddress?: unknown } | null;
  return s !== null && typeof s === 'object' && s.dmaHandoffAddress === true;
}

/** The fragment the address shows for this state (without `#`): '' for none, null to leave it. */
export function addressFragment(s: Pick<AppState, 'scenario' | 'edited' | 'link' | 'galleryId'>): string | null {
  if (s.scenario === null) return null;
  if (s.edited) return '';
  return s.link ?? (s.galleryId !== null ? `g=${galleryRef(s.galleryId)}` : '');
}

/**
 * Puts the open scenario's address back in the address bar (after a link that could not be opened
 * over it: a reload then restores the work, not the broken link's message).
 */
export function syncAddress(s: AppState = useApp.getState()): void {
  const f = addressFragment(s);
  if (f === null) return;
  const want = f === '' ? '' : `#${f}`;
  // Replacing the address fires no hashchange: the app does not reopen what it shows.
  if (location.hash !== want) history.replaceState(WRITTEN_BY_APP, '', location.pathname + location.search + want);
}

/** Keeps the address bar in step with the open scenario; returns the unsubscribe. */
export function followAddress(): () => void {
  const update = syncAddress;
  update(useApp.getState());
  return useApp.subscribe((s, prev) => {
    if (s.opened !== prev.opened || s.edited !== prev.edited || s.link !== prev.link || s.scenario !== prev.scenario) update(s);
  });
}
