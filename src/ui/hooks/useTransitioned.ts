// Following the store in transitions. A zustand selector (useSyncExternalStore) re-renders its
// component synchronously, inside whatever task changed the store: when the engine's view arrives
// and touches the panels, the nodes and the edges together (a hand-over does), that one task grew
// long. A component that reads the store through this hook keeps the state it last showed and moves
// to a new one inside a transition, only when its own selection changed: React renders those
// updates together (one commit, no tearing between them) but in slices that yield to the browser,
// so the overlay keeps animating while the panels catch up.
//
// A transition still commits as one, and the browser then styles, lays out and paints everything
// it changed in one frame. That frame is kept in one piece on purpose: most of a frame's cost is
// the same however few nodes changed (walking the page to paint it, sorting its layers), so
// spreading one view's nodes over several frames, as the app once did, cost the main thread 1.6
// times the work while the stress scenario played and made no frame shorter.

import { startTransition, useEffect, useRef, useState } from 'react';
import { useApp, type AppState } from '../../store/appStore';

/** The store's state picked narrowly, e.g. `useTransitioned((s) => Math.floor(s.clock))`. */
export function useTransitioned<T>(pick: (s: AppState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const [state, setState] = useState<AppState>(() => useApp.getState());
  const latest = useRef({ pick, equal });
  useEffect(() => {
    latest.current = { pick, equal };
  });
  const shown = useRef(state);
  useEffect(() => {
    let live = true;
    const apply = () => {
      const next = useApp.getState();
      const prev = shown.current;
      if (!live || next === prev) return;
      shown.current = next;
      const { pick: p, equal: eq } = latest.current;
      if (!eq(p(prev), p(next))) startTransition(() => setState(next));
    };
    apply(); // a change between render and subscription
    const unsubscribe = useApp.subscribe(apply);
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return pick(state);
}
