// Whether the canvas shows its minimap. A small system fits the pane whole, and the minimap only
// takes room from it: hidden by default up to SMALL_SYSTEM nodes, shown for larger ones. The user's
// choice (the minimap control) is kept in the browser and wins over the default.

import { create } from 'zustand';

export const SMALL_SYSTEM = 16;
const KEY = 'dma-handoff:minimap';

function stored(): boolean | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'shown' ? true : v === 'hidden' ? false : null;
  } catch {
    return null;
  }
}

export const useMinimapChoice = create<{ shown: boolean | null }>(() => ({ shown: typeof localStorage === 'undefined' ? null : stored() }));

/** Whether a system of `nodes` nodes shows the minimap, given the user's choice (null: none made). */
export const minimapShown = (choice: boolean | null, nodes: number): boolean => choice ?? nodes > SMALL_SYSTEM;

export function chooseMinimap(shown: boolean): void {
  useMinimapChoice.setState({ shown });
  try {
    localStorage.setItem(KEY, shown ? 'shown' : 'hidden');
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
}
