// Following the store in transitions. A zustand selector (useSyncExternalStore) re-renders its
// component synchronously, inside whatever task changed the store: when the engine's view arrives
// and touches the panels, the nodes and the edges together (a hand-over does), that one task grew
// long. A component that reads the store through this hook keeps the state it last showed and moves
// to a new one inside a transition, only when its own selection changed: React renders those
// updates together (one commit, no tearing between them) but in slices that yield to the browser,
// so the overlay keeps animating while the panels catch up.
//
// A transition still commits as one, and the browser then styles, lays out and paints everything
// it changed in one frame. Canvas nodes therefore also take a frame slot (see frameSlots): while
// the run plays, a node in slot k follows the store k frames late, so a view that touches every
// node is drawn over a few frames. Paused, seeking or stepping, every component follows at once.

import { startTransition, useEffect, useRef, useState } from 'react';
import { useApp, type AppState } from '../../store/appStore';
import { inSlot } from './frameSlots';

/** The store's state picked narrowly, e.g. `useTransitioned((s) => Math.floor(s.clock))`. */
export function useTransitioned<T>(pick: (s: AppState) => T, equal: (a: T, b: T) => boolean = Object.is, slot = 0): T {
  const [state, setState] = useState<AppState>(() => useApp.getState());
  const latest = useRef({ pick, equal, slot });
  useEffect(() => {
    latest.current = { pick, equal, slot };
  });
  const shown = useRef(state);
  useEffect(() => {
    let live = true;
    let waiting = false;
    const apply = () => {
      waiting = false;
      const next = useApp.getState();
      const prev = shown.current;
      if (!live || next === prev) return;
      shown.current = next;
      const { pick: p, equal: eq } = latest.current;
      if (!eq(p(prev), p(next))) startTransition(() => setState(next));
    };
    const check = (next: AppState) => {
      if (waiting) return; // the pending apply reads the store when it runs
      if (next.playing && latest.current.slot > 0) {
        waiting = true;
        inSlot(latest.current.slot, apply);
      } else apply();
    };
    apply(); // a change between render and subscription
    const unsubscribe = useApp.subscribe(check);
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return pick(state);
}
