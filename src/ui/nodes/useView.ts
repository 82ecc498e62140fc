// How canvas nodes read the engine's view: narrowly, and in transitions (see useTransitioned), so
// a view that touches dozens of nodes never makes one long main-thread task.

import { useTransitioned } from '../hooks/useTransitioned';
import type { SimView } from '../../worker/view';

/** The current view picked narrowly, e.g. `useView((v) => v.devices[i])`; undefined before the first view. */
export function useView<T>(pick: (v: SimView) => T, equal: (a: T, b: T) => boolean = Object.is): T | undefined {
  return useTransitioned(
    (s) => (s.view === null ? undefined : pick(s.view)),
    (a, b) => (a === undefined || b === undefined ? a === b : equal(a, b)),
  );
}
