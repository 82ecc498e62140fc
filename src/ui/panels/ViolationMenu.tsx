// A violation's menu in Verdicts: its "…" button, or a right-click on the verdict, opens it. It offers
// a link that opens the scenario at the violation, paused, with the violation selected.

import { useEffect, useRef, type ReactNode } from 'react';
import { action, perform } from '../actions/registry';
import { menuClosed, menuOpened } from './menus';

interface Props {
  /** The violation's index in the run's violations. */
  index: number;
  /** The invariant's number (for the button's name). */
  number: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  children: ReactNode;
}

/** The verdict's row with its menu: `children` is the verdict's own button. */
export function ViolationMenu({ index, number, open, setOpen, children }: Props) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    if (el === null) return;
    if (open) menuOpened(el, () => setOpen(false));
    else menuClosed(el);
    // A row that goes while its menu is open (a new run) leaves no menu behind to catch Esc.
    return () => menuClosed(el);
  }, [open, setOpen]);
  return (
    <div
      ref={root}
      className="pn-verdict-row"
      onContextMenu={(e) => {
        e.preventDefault();
        setOpen(true);
      }}
    >
      {children}
      <button
        type="button"
        className="pn-more"
        aria-label={`More for ${number}`}
        aria-haspopup="menu"
        aria-expanded={open}
        title="More"
        onClick={() => setOpen(!open)}
      >
        …
      </button>
      {open && (
        <div className="pn-menu pn-verdict-menu" role="menu" aria-label={`${number} violation`}>
          <button
            type="button"
            role="menuitem"
            autoFocus
            onClick={() => {
              setOpen(false);
              perform('copyViolationLink', index);
            }}
          >
            {action('copyViolationLink').label}
          </button>
        </div>
      )}
    </div>
  );
}
