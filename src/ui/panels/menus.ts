// The open menu: at most one at a time. Opening a menu closes the one open before; Esc and a press
// outside the open menu close it (and Esc then does nothing else, such as clearing the selection).
// The toolbar's `<details>` dropdowns and the verdicts' context menu all open through here.

import type { MouseEvent, SyntheticEvent } from 'react';
import { alignDropdown } from './dropdown';

interface OpenMenu {
  /** The menu with what opens it: a press inside it is not "outside". */
  el: HTMLElement;
  close: () => void;
}

let current: OpenMenu | null = null;
let listening = false;

/** A menu opened: the one open before closes. */
export function menuOpened(el: HTMLElement, close: () => void): void {
  if (current !== null && current.el !== el) current.close();
  current = { el, close };
  listen();
}

/** A menu closed by its own means (its button again, choosing an item). */
export function menuClosed(el: HTMLElement): void {
  if (current?.el === el) current = null;
}

/** Closes the open menu; false when none was open. */
export function closeMenu(): boolean {
  const m = current;
  if (m === null) return false;
  current = null;
  m.close();
  return true;
}

/**
 * A `<details>` dropdown's onClick: a press on its summary that opens it makes it the open menu at
 * once. Its toggle event comes a task later, and an Esc or a press elsewhere in between would find
 * no menu open and leave it open.
 */
export function dropdownClicked(e: MouseEvent<HTMLDetailsElement>): void {
  const d = e.currentTarget;
  const summary = (e.target as Element).closest('summary');
  if (d.open || summary?.parentElement !== d || e.isDefaultPrevented()) return;
  menuOpened(d, () => (d.open = false));
}

/** A `<details>` dropdown's onToggle: it takes part in the one-open rule, and opens where it fits. */
export function dropdownToggled(e: SyntheticEvent<HTMLDetailsElement>): void {
  const d = e.currentTarget;
  if (d.open) menuOpened(d, () => (d.open = false));
  else menuClosed(d);
  alignDropdown(e);
}

function listen(): void {
  if (listening) return;
  listening = true;
  // Capturing at the window: these run before the shortcuts (which listen as the event bubbles).
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || current === null) return;
      const summary = current.el.querySelector('summary');
      closeMenu();
      summary?.focus();
      e.preventDefault();
      e.stopPropagation();
    },
    true,
  );
  window.addEventListener(
    'pointerdown',
    (e) => {
      if (current !== null && !current.el.contains(e.target as Node)) closeMenu();
    },
    true,
  );
}
