// Which violation the canvas shows as danger: the one selected (in Verdicts, on the timeline), or
// else the one the playhead has just passed, held for HOLD_MS of wall time so it is seen at any
// speed. Held is UI state, not the engine's: it changes nothing in the run.

import { create } from 'zustand';
import { useApp } from '../../store/appStore';
import type { Violation } from '../../sim';

/** How long the canvas holds a violation the playhead passed (ms). */
export const HOLD_MS = 3000;

export const useDanger = create<{ held: number | null }>(() => ({ held: null }));

/** The index of the violation shown, or null. */
export function useActiveIndex(): number | null {
  const selected = useApp((s) => (s.selection?.kind === 'violation' ? s.selection.index : null));
  const held = useDanger((s) => s.held);
  return selected ?? held;
}

/** The violation shown, or null. */
export function useActiveViolation(): Violation | null {
  const i = useActiveIndex();
  return useApp((s) => (i === null ? null : (s.summary?.violations[i] ?? null)));
}

/**
 * Of `violations`, the one the playhead passed going from `from` to `to` (later than `from`, at
 * most `to`) that the canvas holds: the last with a path, or else the last. -1 when none.
 */
export function passed(violations: readonly Violation[], from: number, to: number): number {
  let any = -1;
  let withPath = -1;
  if (to <= from) return -1;
  violations.forEach((v, i) => {
    if (v.t <= from || v.t > to) return;
    if (any < 0 || v.t >= violations[any].t) any = i;
    if (v.path !== null && (withPath < 0 || v.t >= violations[withPath].t)) withPath = i;
  });
  return withPath >= 0 ? withPath : any;
}

/** Watches the playhead and holds each violation it passes; returns the unsubscribe. */
export function watchViolations(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useApp.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario) {
      clearTimeout(timer);
      useDanger.setState({ held: null });
      return;
    }
    if (s.clock === prev.clock || s.summary === null) return;
    const i = passed(s.summary.violations, prev.clock, s.clock);
    if (i < 0) return;
    clearTimeout(timer);
    useDanger.setState({ held: i });
    timer = setTimeout(() => useDanger.setState({ held: null }), HOLD_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
