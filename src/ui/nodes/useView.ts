// How canvas nodes read the engine's view: narrowly, and in transitions (see useTransitioned), so
// a view that touches dozens of nodes never makes one long main-thread task. Each node passes its
// frame slot (`slotOf`): while playing, the nodes follow a view over a few frames, not all in one.

import { useTransitioned } from '../hooks/useTransitioned';
import { SLOTS } from '../hooks/frameSlots';
import type { SimView } from '../../worker/view';

/** The current view picked narrowly, e.g. `useView((v) => v.devices[i], Object.is, slot)`; undefined before the first view. */
export function useView<T>(pick: (v: SimView) => T, equal: (a: T, b: T) => boolean = Object.is, slot = 0): T | undefined {
  return useTransitioned(
    (s) => (s.view === null ? undefined : pick(s.view)),
    (a, b) => (a === undefined || b === undefined ? a === b : equal(a, b)),
    slot,
  );
}

/** A node's frame slot from its index among the nodes of its kind: neighbours land in different frames. */
export const slotOf = (index: number) => index % SLOTS;
