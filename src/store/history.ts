// Undo and redo over whole values (documents, whose unchanged parts Immer shares): a pure module,
// the store keeps its two stacks in state. Each entry is the value before a labelled change; the
// label names the change, so the toolbar can say what Undo and Redo will do.

export interface HistoryEntry<T> {
  value: T;
  label: string;
}

export interface History<T> {
  past: HistoryEntry<T>[];
  future: HistoryEntry<T>[];
}

/** Steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** `current` is about to change by `label`: it becomes the last undo step, and the redo branch goes. */
export function record<T>(h: History<T>, current: T, label: string, limit = HISTORY_LIMIT): History<T> {
  return { past: [...h.past.slice(-limit + 1), { value: current, label }], future: [] };
}

/** Undoes the last change of `current`: the value to put back, and the stacks after; null when there is none. */
export function undo<T>(h: History<T>, current: T): { history: History<T>; restore: T; label: string } | null {
  const last = h.past[h.past.length - 1];
  if (last === undefined) return null;
  return {
    history: { past: h.past.slice(0, -1), future: [{ value: current, label: last.label }, ...h.future] },
    restore: last.value,
    label: last.label,
  };
}

/** Redoes the change last undone; null when there is none. */
export function redo<T>(h: History<T>, current: T): { history: History<T>; restore: T; label: string } | null {
  const next = h.future[0];
  if (next === undefined) return null;
  return {
    history: { past: [...h.past, { value: current, label: next.label }], future: h.future.slice(1) },
    restore: next.value,
    label: next.label,
  };
}
