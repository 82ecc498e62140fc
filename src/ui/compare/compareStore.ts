// The Compare view's state: whether it is open, and the two configurations it compares the open
// scenario under — A (null: the scenario as written) and B. Small, so the toolbar and a link can
// open the view without loading it.

import { create } from 'zustand';
import type { Scenario } from '../../sim';
import { configOf, type CompareConfig } from '../../scenario/compareConfig';

interface CompareState {
  open: boolean;
  /** A's configuration; null: the scenario as written. */
  a: CompareConfig | null;
  b: CompareConfig;
  /** Opens the view (with B = `b`, or a configuration that differs from the scenario's) or closes it. */
  setOpen(open: boolean, scenario?: Scenario | null, b?: CompareConfig): void;
  setA(a: CompareConfig | null): void;
  setB(b: CompareConfig): void;
}

/** A configuration other than the scenario's own: P1 for a scenario under P0, else P0. */
export function otherConfig(s: Scenario | null): CompareConfig {
  const own = s === null ? null : configOf(s);
  return { policy: own?.policy === 'P0' ? 'P1' : 'P0', mutations: [] };
}

export const useCompare = create<CompareState>()((set) => ({
  open: false,
  a: null,
  b: { policy: 'P1', mutations: [] },
  setOpen(open, scenario = null, b) {
    if (!open) return set({ open: false });
    set({ open: true, a: null, b: b ?? otherConfig(scenario) });
  },
  setA: (a) => set({ a }),
  setB: (b) => set({ b }),
}));
