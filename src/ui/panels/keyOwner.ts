// Which view owns the keyboard. A view that covers the workbench (Compare, the every-policy table)
// claims the keys while it is open: the workbench's shortcuts then do not act behind it, and each
// key goes to the view's own handler instead (or to nothing). The last claim made owns the keys.

import { useEffect, useRef } from 'react';

/** Handles a key for the view that owns the keyboard; true when it acted on it. */
export type KeyHandler = (e: KeyboardEvent) => boolean;

const owners: { handle: KeyHandler }[] = [];

/** Gives the keys to `handle` until the returned function is called. */
export function claimKeys(handle: KeyHandler): () => void {
  const claim = { handle };
  owners.push(claim);
  return () => {
    const i = owners.indexOf(claim);
    if (i >= 0) owners.splice(i, 1);
  };
}

/**
 * Passes `e` to the view that owns the keyboard, if one does, and says whether one does: the
 * workbench's shortcuts act only when none does. A key the owner acts on does nothing else.
 */
export function keysOwned(e: KeyboardEvent): boolean {
  const owner = owners.at(-1);
  if (owner === undefined) return false;
  if (owner.handle(e)) e.preventDefault();
  return true;
}

/** Whether `e` is typed into a field, or is a key that presses the focused button: the control's own. */
export function keyForControl(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  if (target?.closest?.('input, textarea, select, [contenteditable="true"]') != null) return true;
  return (e.key === ' ' || e.key === 'Enter') && target?.closest?.('button, a[href]') != null;
}

/**
 * Owns the keyboard while the calling component is mounted: Escape calls `close`; any other key
 * not meant for a focused control goes to `onKey` (if given), and never to the workbench.
 */
export function useKeyOwner(close: () => void, onKey?: (e: KeyboardEvent) => boolean): void {
  const handlers = useRef({ close, onKey });
  useEffect(() => {
    handlers.current = { close, onKey };
  });
  useEffect(
    () =>
      claimKeys((e) => {
        if (e.key === 'Escape') {
          handlers.current.close();
          return true;
        }
        if (keyForControl(e)) return false;
        return handlers.current.onKey?.(e) ?? false;
      }),
    [],
  );
}
