// How canvas nodes read the engine's view. A view arrives a few times a second while playing and
// touches dozens of nodes; rendering them all in the message handler made one long main-thread
// task. Here each node keeps the view it last showed in React state and moves to a new one inside
// a transition, only when its own slice changed: React renders those updates together (one
// commit, no tearing between nodes) but in slices that yield to the browser, so the overlay keeps
// animating while the panels catch up.

import { startTransition, useEffect, useRef, useState } from 'react';
import { useApp } from '../../store/appStore';
import type { SimView } from '../../worker/view';

/** The current view picked narrowly, e.g. `useView((v) => v.devices[i])`. */
export function useView<T>(pick: (v: SimView) => T, equal: (a: T, b: T) => boolean = Object.is): T | undefined {
  const [view, setView] = useState<SimView | null>(() => useApp.getState().view);
  const latest = useRef({ pick, equal });
  useEffect(() => {
    latest.current = { pick, equal };
  });
  const shown = useRef(view);
  useEffect(() => {
    const check = (next: SimView | null) => {
      const prev = shown.current;
      if (next === prev) return;
      shown.current = next;
      const { pick: p, equal: eq } = latest.current;
      const a = prev === null ? undefined : p(prev);
      const b = next === null ? undefined : p(next);
      const same = a === undefined || b === undefined ? a === b : eq(a, b);
      if (!same) startTransition(() => setView(next));
    };
    check(useApp.getState().view); // a view that arrived between render and subscription
    return useApp.subscribe((s) => check(s.view));
  }, []);
  return view === null ? undefined : pick(view);
}
