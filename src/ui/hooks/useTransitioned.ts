// Following the store in transitions. A zustand selector (useSyncExternalStore) re-renders its
// component synchronously, inside whatever task changed the store: when the engine's view arrives
// and touches the panels, the nodes and the edges together (a hand-over does), that one task grew
// long. A component that reads the store through this hook keeps the state it last showed and moves
// to a new one inside a transition, only when its own selection changed: React renders those
// updates together (one commit, no tearing between them) but in slices that yield to the browser,
// so the overlay keeps animating while the panels catch up.

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
    const check = (next: AppState) => {
      const prev = shown.current;
      if (next === prev) return;
      shown.current = next;
      const { pick: p, equal: eq } = latest.current;
      if (!eq(p(prev), p(next))) startTransition(() => setState(next));
    };
    check(useApp.getState()); // a change between render and subscription
    return useApp.subscribe(check);
  }, []);
  return pick(state);
}
