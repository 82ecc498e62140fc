// Whether the Explore panel shows, kept apart from the panel (which is loaded only when opened) so
// that the toolbar and the policy editor can open it without loading the explorer.

import { create } from 'zustand';

export const useExploreOpen = create<{ open: boolean }>(() => ({ open: false }));

export function openExplore(): void {
  useExploreOpen.setState({ open: true });
}

export function closeExplore(): void {
  useExploreOpen.setState({ open: false });
}
