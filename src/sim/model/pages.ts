// Queries on pages that every part shares: where a PFN is, where an endpoint maps a page, and who
// may touch it (the per-endpoint V/O/X mode bits plus read/write permission). Read-only.

import { R, V, W, type Page, type SimState } from './state';

/** The index into `pages` of the page at a PFN, or -1 where there is no memory. */
export function pageIndex(s: SimState, pfn: number): number {
  return s.pfnToPage.get(pfn) ?? -1;
}

export function canAccess(page: Page, ep: number, write: boolean): boolean {
  if (ep < 0) return false;
  const m = page.modes[ep];
  return (m & V) !== 0 && (m & (write ? W : R)) !== 0;
}

/** Where an endpoint's stage-2 maps a page (IPA page number), or -1. */
export function ipaPageOf(s: SimState, ep: number, pfn: number): number {
  for (const [ipaPage, p] of s.endpoints[ep].s2) if (p === pfn) return ipaPage;
  return -1;
}
